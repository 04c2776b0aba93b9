import { createTestApp } from "../../helpers/test-app.js";
import { neighboursSuite } from "./neighbours-suite.js";

neighboursSuite("neighbours on SQLite", (now) => createTestApp({ now }));
