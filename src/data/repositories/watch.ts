/** Builds the momentum watch's repositories over one Prisma client. */
import type { Db } from "../client.js";
import type { WatchRepositories } from "../../features/watch/index.js";
import { PrismaMomentumRepository } from "./watch-momentum.js";
import { PrismaCopilRepository, PrismaEvidenceRepository, PrismaMentoringRepository, PrismaPromptRepository } from "./watch-roster.js";
import type { Provider } from "./watch-sql.js";

export function createWatchRepositories(db: Db, provider: Provider): WatchRepositories {
  return {
    copil: new PrismaCopilRepository(db),
    momentum: new PrismaMomentumRepository(db, provider),
    prompts: new PrismaPromptRepository(db),
    mentoring: new PrismaMentoringRepository(db),
    evidence: new PrismaEvidenceRepository(db),
  };
}
