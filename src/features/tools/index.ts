/** What the rest of the bot may use of the tools feature: its port (implemented in src/data). */
export { TOOL_CATEGORIES, type ToolCategory, type ToolRepository, type ToolUse } from "./ports.js";
