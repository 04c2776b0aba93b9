import type { AmbassadorStores } from "./ports.js";
/** What the rest of the bot may use of the ambassadors feature: its ports (implemented in src/data). */
export { YOUTH_KINDS, type AmbassadorRepository, type AmbassadorStores, type ListedAmbassador, type RecentActivity, type YouthGroup, type YouthGroupRepository, type YouthKind } from "./ports.js";

// What this feature adds to the services every command receives.
declare module "../../core/commands.js" {
  interface FeatureServices {
    /** The ambassadors' directory (with their consent) and the communes' youth groups. */
    ambassadorNetwork: AmbassadorStores;
  }
}
