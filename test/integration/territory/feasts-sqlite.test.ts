import { createTestApp } from "../../helpers/test-app.js";
import { feastsSuite } from "./feasts-suite.js";

feastsSuite("local feasts on SQLite", (now) => createTestApp({ now }));
