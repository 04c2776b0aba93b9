import type { NeighbourRepository, NeighbourSettings } from "./ports.js";
/** What the rest of the bot may use of the neighbours feature: its port and settings (src/data implements the port). */
export { DEFAULT_NEIGHBOUR_KM, NEIGHBOUR_ANSWERS, type NeighbourAnswer, type NeighbourRepository, type NeighbourSettings } from "./ports.js";

// What this feature adds to the services every command receives.
declare module "../../core/commands.js" {
  interface FeatureServices {
    /** Communes' answers to their "near you" digest, and the distance that makes a neighbour. */
    neighbours: { repo: NeighbourRepository; settings: NeighbourSettings };
  }
}
