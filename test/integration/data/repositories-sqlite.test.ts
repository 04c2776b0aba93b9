/** The repository contract on SQLite (a temp file per block). */
import { describe } from "vitest";
import { repositoryContract } from "./contract.js";
import { scratchSqlite } from "./support.js";

describe("repositories on SQLite", () => {
  repositoryContract(scratchSqlite);
});
