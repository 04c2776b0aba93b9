/** What the rest of the bot may use of the ready-to-send texts: the template machinery, for texts of other features. */
export { renderLines, textOf, FACT_NAMES, type Facts, type FactName, type Line, type Segment } from "./template.js";
export { listText, sinceText } from "./facts.js";
