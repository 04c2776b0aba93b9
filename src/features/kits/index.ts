import type { KitCatalog } from "./service.js";
/**
 * What the rest of the bot may use of the kits feature (the catalogue and its import).
 * Everything else in src/features/kits/ is the feature's own.
 */
export { KitCatalog } from "./service.js";
export { importKits, parseCatalogue, kitEntrySchema } from "./catalogue.js";
// The search machinery, for other features that rank their own texts (the front door).
export { TextIndex, type TextDoc, type TextField, type TextQueryTerm } from "./text-index.js";
export { terms, words } from "./normalize.js";
export type { KitSearchResult } from "./search.js";
export { checkCatalogueLinks, LINK_CHECK_USER_AGENT, type Fetch } from "./link-check.js";

// What this feature adds to the services every command receives.
declare module "../../core/commands.js" {
  interface FeatureServices {
    /** The catalogue of communication kits and tools. */
    kits: KitCatalog;
  }
}
