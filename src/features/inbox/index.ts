/** What the rest of the bot may use of the inbox feature: the header of a message that landed (the terminal prints it). */
export { DIRECT, whereLanded } from "./landed.js";
