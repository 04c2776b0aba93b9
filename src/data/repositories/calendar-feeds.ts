/** Prisma implementation of the calendar feeds' {@link FeedTokenStore}: one row per person. */
import type { FeedTokenRecord, FeedTokenStore } from "../../features/calendar-feeds/index.js";
import type { Db } from "../client.js";

export class PrismaFeedTokenStore implements FeedTokenStore {
  constructor(private readonly db: Db) {}

  async byHash(tokenHash: string): Promise<FeedTokenRecord | null> {
    return this.db.calendarFeedToken.findUnique({ where: { tokenHash } });
  }

  async forPerson(personId: string): Promise<FeedTokenRecord | null> {
    return this.db.calendarFeedToken.findUnique({ where: { personId } });
  }

  async replace(record: FeedTokenRecord): Promise<void> {
    const { personId, tokenHash, issuedAt } = record;
    await this.db.calendarFeedToken.upsert({ where: { personId }, create: { personId, tokenHash, issuedAt }, update: { tokenHash, issuedAt } });
  }
}
