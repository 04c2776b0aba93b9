import type { ActionStores } from "./ports.js";
/** What the rest of the bot may use of the actions feature: its ports (implemented in src/data). */
export {
  PROPOSAL_STATUSES,
  TASK_STATUSES,
  type ActionStores,
  type NewProposal,
  type NewTask,
  type OrganiserRepository,
  type Proposal,
  type ProposalRepository,
  type ProposalStatus,
  type Task,
  type TaskPartner,
  type TaskRepository,
  type TaskStatus,
} from "./ports.js";

// What this feature adds to the services every command receives.
declare module "../../core/commands.js" {
  interface FeatureServices {
    /** Proposed actions, co-organisers and tasks of local events. */
    actions: ActionStores;
  }
}
