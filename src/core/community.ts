/**
 * The network's shared content: initiatives, experience sheets, polls, the idea
 * box, the tool inventory, network settings and personal-data requests. One field of
 * Services, so that these features add one line there.
 */
import type { GeoSource, InitiativeRepository, SettingsRepository, SheetRepository } from "../features/initiatives/ports.js";
import type { PollRepository } from "../features/polls/ports.js";
import type { IdeaRepository } from "../features/ideas/ports.js";
import type { ToolRepository } from "../features/tools/ports.js";
import type { PrivacyRepository } from "../features/privacy/ports.js";

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
