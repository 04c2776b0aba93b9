import type { ToolRepository } from "./ports.js";
/** What the rest of the bot may use of the tools feature: its port (implemented in src/data). */
export { TOOL_CATEGORIES, type ToolCategory, type ToolRepository, type ToolUse } from "./ports.js";

// What this feature adds to the services every command receives.
declare module "../../core/community.js" {
  interface Community {
    tools: ToolRepository;
  }
}
