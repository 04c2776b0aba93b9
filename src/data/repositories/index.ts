/** All Prisma repositories over one client. */
import type { Repositories } from "../../core/ports.js";
import type { Db } from "../client.js";
import { PrismaActivityRepository } from "./activity.js";
import { PrismaChannelRepository } from "./channels.js";
import { PrismaCommuneRepository } from "./communes.js";
import { PrismaIdentityRepository } from "./identity.js";
import { PrismaKitRepository } from "./kits.js";
import { PrismaMembershipRepository } from "./memberships.js";

export {
  PrismaActivityRepository,
  PrismaChannelRepository,
  PrismaCommuneRepository,
  PrismaIdentityRepository,
  PrismaKitRepository,
  PrismaMembershipRepository,
};

/** Builds every repository the core uses over `db` (either provider). */
export function createRepositories(db: Db, provider: "sqlite" | "postgresql"): Repositories {
  return {
    communes: new PrismaCommuneRepository(db),
    identity: new PrismaIdentityRepository(db, provider),
    memberships: new PrismaMembershipRepository(db),
    channels: new PrismaChannelRepository(db),
    kits: new PrismaKitRepository(db),
    activity: new PrismaActivityRepository(db),
  };
}
