/** What the rest of the bot may use of the privacy feature: its port (implemented in src/data). */
export type { ErasureReport, PersonalData, PrivacyRepository } from "./ports.js";
