/**
 * The network's shared content: initiatives, experience sheets, polls, the idea
 * box, the tool inventory, network settings and personal-data requests. One field of
 * Services, so that these features add one line there.
 */
import type { GeoSource, InitiativeRepository, SettingsRepository, SheetRepository } from "./initiatives/ports.js";
import type { PollRepository } from "./polls/ports.js";
import type { IdeaRepository } from "./ideas/ports.js";
import type { ToolRepository } from "./tools/ports.js";
import type { PrivacyRepository } from "./privacy/ports.js";

export interface Community {
  initiatives: InitiativeRepository;
  sheets: SheetRepository;
  polls: PollRepository;
  ideas: IdeaRepository;
  tools: ToolRepository;
  settings: SettingsRepository;
  privacy: PrivacyRepository;
  geo: GeoSource;
}
