/** The repositories of the network's shared content, over one Prisma client. */
import type { Community } from "../../core/community.js";
import type { Db } from "../client.js";
import { FileGeoSource } from "./geo.js";
import { PrismaIdeaRepository } from "./ideas.js";
import { PrismaInitiativeRepository } from "./initiatives.js";
import { PrismaPollRepository } from "./polls.js";
import { PrismaPrivacyRepository } from "./privacy.js";
import { PrismaSettingsRepository, PrismaSheetRepository } from "./sheets.js";
import { PrismaToolRepository } from "./tools.js";
import { PrismaPartnerRepository } from "./partners.js";
import { PrismaMonthlyUpdateRepository } from "./monthly.js";
import { PrismaCoordinatorClaimStore } from "./coordinator-claim.js";

export function createCommunity(db: Db): Community {
  return {
    initiatives: new PrismaInitiativeRepository(db),
    sheets: new PrismaSheetRepository(db),
    polls: new PrismaPollRepository(db),
    ideas: new PrismaIdeaRepository(db),
    tools: new PrismaToolRepository(db),
    partners: new PrismaPartnerRepository(db),
    monthlyUpdates: new PrismaMonthlyUpdateRepository(db),
    settings: new PrismaSettingsRepository(db),
    privacy: new PrismaPrivacyRepository(db),
    coordinatorClaim: new PrismaCoordinatorClaimStore(db),
    geo: new FileGeoSource(),
  };
}
