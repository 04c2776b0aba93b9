import type { PrivacyRepository } from "./ports.js";
/** What the rest of the bot may use of the privacy feature: its port (implemented in src/data). */
export type { ErasureReport, PersonalData, PrivacyRepository } from "./ports.js";

// What this feature adds to the services every command receives.
declare module "../../core/community.js" {
  interface Community {
    privacy: PrivacyRepository;
  }
}
