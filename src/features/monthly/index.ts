import type { MonthlyUpdateRepository } from "./ports.js";
/** What the rest of the bot may use of the monthly update: its port (implemented in src/data). */
export type { MonthlyUpdateRepository } from "./ports.js";

// What this feature adds to the services every command receives.
declare module "../../core/community.js" {
  interface Community {
    monthlyUpdates: MonthlyUpdateRepository;
  }
}
