/** What the rest of the bot may use of the front door: the ranking of commands for a message. */
export { CommandFinder, languageOf, readsLikeSearch, type RankedCommand } from "./rank.js";
