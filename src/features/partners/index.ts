import type { PartnerRepository } from "./ports.js";
/**
 * What the rest of the bot may use of the partners feature: its port (implemented in
 * src/data), its vocabulary, and what the Fair-O-Mètre, the monthly update and the
 * ready-to-send texts show of a commune's partners.
 */
export { TARGET_KINDS, type NewPartner, type Partner, type PartnerPatch, type PartnerRepository, type PartnerTarget } from "./ports.js";
export { PARTNER_KINDS, PARTNER_CRITERIA, toPartnerKind, type PartnerKind } from "./vocabulary.js";
export { dossierPartnerLines, fomPartnerLines, kindInSentence, kindLabel, kitTips, partnerCriteria, tally, type KitFinder, type KitTip } from "./evidence.js";

// What this feature adds to the services every command receives.
declare module "../../core/community.js" {
  interface Community {
    partners: PartnerRepository;
  }
}
