/** The repository contract on PostgreSQL (a fresh schema per block, dropped after). */
import { describe } from "vitest";
import { repositoryContract } from "./contract.js";
import { pgReachable, scratchPostgres } from "./support.js";

const pgUp = await pgReachable("repositories on PostgreSQL");

describe.skipIf(!pgUp)("repositories on PostgreSQL", () => {
  repositoryContract(scratchPostgres);
});
