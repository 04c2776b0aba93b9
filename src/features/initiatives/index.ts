import type { InitiativeRepository, SheetRepository, SettingsRepository, GeoSource } from "./ports.js";
/**
 * What the rest of the bot may use of the initiatives feature: its ports (implemented in
 * src/data), the vocabularies stored rows are checked against, experience sheets for the kit
 * command, and the announcement of a changed initiative (privacy erasure).
 */
export type {
  ExperienceSheet,
  GeoSource,
  Initiative,
  InitiativeFilter,
  InitiativePatch,
  InitiativeRepository,
  NewInitiative,
  NewSheet,
  SettingsRepository,
  SheetRepository,
} from "./ports.js";
export { INITIATIVE_KINDS, PARTNER_KINDS, type Criterion } from "./vocabulary.js";
export { sheetsForVolunteers } from "./sheets.js";
export { activityData, announce, cardInfo, findInitiative, withdraw } from "./service.js";

// What this feature adds to the services every command receives.
declare module "../../core/community.js" {
  interface Community {
    initiatives: InitiativeRepository;
    sheets: SheetRepository;
    settings: SettingsRepository;
    geo: GeoSource;
  }
}
export { refOf } from "./render.js";
/** The map drawing (d3-geo), loaded on first use only: the public pages draw it, most processes never do. */
export const loadMap = () => import("./map.js");
