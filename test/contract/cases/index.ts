/** The adapter contract's case list: one object, run unchanged by every platform's driver. */
import type { ContractCase } from "./case.js";
import { formCases } from "./forms.js";
import { readCases } from "./read.js";
import { replyCases } from "./replies.js";
import { senderCases } from "./sender.js";
import { doorCases } from "./door.js";

export type { ContractCase } from "./case.js";

export const CONTRACT_CASES: readonly ContractCase[] = [...readCases, ...formCases, ...replyCases, ...senderCases, ...doorCases];
