import type { PollRepository } from "./ports.js";
/** What the rest of the bot may use of the polls feature: its port, and the survey templates the kit command offers. */
export type { NewPoll, Poll, PollRepository, Tally, VoteOutcome } from "./ports.js";
export { POLL_TEMPLATES } from "./templates.js";

// What this feature adds to the services every command receives.
declare module "../../core/community.js" {
  interface Community {
    polls: PollRepository;
  }
}
