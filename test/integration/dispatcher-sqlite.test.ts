import { createTestApp } from "../helpers/test-app.js";
import { dispatcherSuite } from "./dispatcher-suite.js";

dispatcherSuite("core commands on SQLite", () => createTestApp(), () => createTestApp({ seed: false }));
