import type { DemoClock } from "./ports.js";
/** What the rest of the bot may use of the demo feature: its port, implemented by the terminal's wiring. */
export { DemoClockBusy, type DemoAdvance, type DemoClock, type DemoJobRuns } from "./ports.js";
export { DEMO_MAX_DAYS, parseDemoDuration } from "./duration.js";

// What this feature adds to the services: the movable clock, present only in the terminal demo.
declare module "../../core/commands.js" {
  interface FeatureServices {
    /** The terminal demo's clock (`/cdce demo avancer 30j`); absent on every other setup. */
    demo?: DemoClock;
  }
}
