import type { FeastRepository } from "./ports.js";
/** What the rest of the bot may use of the local feasts feature: its port (implemented in src/data). */
export type { FeastRepository, LocalFeast } from "./ports.js";

// What this feature adds to the services every command receives.
declare module "../../core/commands.js" {
  interface FeatureServices {
    /** The local feasts (fêtes, markets) of each commune's territory. */
    feasts: FeastRepository;
  }
}
