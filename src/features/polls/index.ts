import type { PollRepository } from "./ports.js";
/** What the rest of the bot may use of the polls feature: its port, the survey templates the kit command offers, and what the public pages need. */
export type { NewPoll, Poll, PollRepository, Tally, VoteOutcome } from "./ports.js";
export { POLL_TEMPLATES } from "./templates.js";
export { answerPublicPoll, publicPollUrl } from "./public.js";
export { isOpen } from "./render.js";

// What this feature adds to the services every command receives.
declare module "../../core/community.js" {
  interface Community {
    polls: PollRepository;
  }
}
