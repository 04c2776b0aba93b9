/** What the rest of the bot may use of the ideas feature: its port (implemented in src/data). */
export { IDEA_STATUSES, type Idea, type IdeaRepository, type IdeaStatus } from "./ports.js";
