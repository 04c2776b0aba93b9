/**
 * The network's shared content: initiatives, experience sheets, polls, the idea
 * box, the tool inventory, network settings and personal-data requests. One field of
 * Services, so that these features add one line there.
 */
import type { GeoSource, InitiativeRepository, SettingsRepository, SheetRepository } from "../features/initiatives/index.js";
import type { PollRepository } from "../features/polls/index.js";
import type { IdeaRepository } from "../features/ideas/index.js";
import type { ToolRepository } from "../features/tools/index.js";
import type { PrivacyRepository } from "../features/privacy/index.js";

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
