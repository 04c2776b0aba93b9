import { createTestApp } from "../helpers/test-app.js";
import { peopleActSuite } from "./people-act-suite.js";

peopleActSuite("proposals, tasks and the ambassadors' network on SQLite", () => createTestApp());
