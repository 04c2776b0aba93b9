/**
 * What the rest of the bot may use of the network feature: the first-coordinator claim (the
 * start prints its code; `npm run doctor` may renew it) and its store's port.
 */
import type { CoordinatorClaimStore } from "./ports.js";
export { issueClaimCode, claimCoordination, CLAIM_TTL_MS, type IssueResult, type ClaimOutcome } from "./claim.js";
export type { ClaimState, CoordinatorClaimStore, StoredClaim } from "./ports.js";

// What this feature adds to the services every command receives.
declare module "../../core/community.js" {
  interface Community {
    coordinatorClaim: CoordinatorClaimStore;
  }
}
