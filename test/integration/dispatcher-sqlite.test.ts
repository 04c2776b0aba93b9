import { createTestApp } from "../helpers/test-app.js";
import { dispatcherSuite, PUBLIC_URL } from "./dispatcher-suite.js";

dispatcherSuite("core commands on SQLite", () => createTestApp({ publicUrl: PUBLIC_URL }), () => createTestApp({ seed: false }));
