import type { IdeaRepository } from "./ports.js";
/** What the rest of the bot may use of the ideas feature: its port (implemented in src/data) and the citizens' proposals (public pages). */
export { IDEA_STATUSES, LISTED_STATUSES, UNMODERATED_STATUSES, type Idea, type IdeaOrigin, type IdeaRepository, type IdeaStatus } from "./ports.js";
export { proposeCitizenIdea, isEmail, CITIZEN_IDEA_MAX, EMAIL_MAX, type CitizenIdea } from "./citizen.js";

// What this feature adds to the services every command receives.
declare module "../../core/community.js" {
  interface Community {
    ideas: IdeaRepository;
  }
}
