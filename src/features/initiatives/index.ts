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

/**
 * Posts an initiative again (after its author erased their data). The service is loaded on
 * the first call, not with this index: it reaches the message catalogue, which lists every
 * feature and so every command, and a command that imports this index (kit) would otherwise
 * load its own feature's list before it is itself defined.
 */
export async function announce(...args: Parameters<typeof import("./service.js").announce>): Promise<void> {
  const service = await import("./service.js");
  return service.announce(...args);
}
