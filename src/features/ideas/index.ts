import type { IdeaRepository } from "./ports.js";
/** What the rest of the bot may use of the ideas feature: its port (implemented in src/data). */
export { IDEA_STATUSES, type Idea, type IdeaRepository, type IdeaStatus } from "./ports.js";

// What this feature adds to the services every command receives.
declare module "../../core/community.js" {
  interface Community {
    ideas: IdeaRepository;
  }
}
