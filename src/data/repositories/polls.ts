/** Prisma implementation of {@link PollRepository}. */
import { z } from "zod";
import type { NewPoll, Poll, PollRepository, Tally, VoteOutcome } from "../../features/polls/index.js";
import type { Db } from "../client.js";
import type { Poll as Row } from "../../generated/sqlite/client.js";
import { isUniqueViolation } from "../errors.js";
import { withSavepoint } from "../transaction.js";
import { checkStored, localeSchema, parseStored } from "../json.js";

function toPoll(row: Row): Poll {
  const origin = (column: string) => ({ table: "Poll", column, id: row.id });
  return {
    id: row.id,
    question: row.question,
    choices: parseStored(z.array(z.string()).min(2).max(10), row.choices, origin("choices")),
    anonymous: row.anonymous,
    closesAt: row.closesAt,
    closedAt: row.closedAt,
    authorId: row.authorId,
    communeId: row.communeId,
    templateId: row.templateId,
    language: checkStored(localeSchema, row.language, origin("language")),
    isPublic: row.isPublic,
    createdAt: row.createdAt,
  };
}

export class PrismaPollRepository implements PollRepository {
  constructor(private readonly db: Db) {}

  async create(poll: NewPoll): Promise<Poll> {
    return toPoll(await this.db.poll.create({ data: { ...poll, choices: JSON.stringify(poll.choices) } }));
  }

  async get(id: string): Promise<Poll | null> {
    const row = await this.db.poll.findUnique({ where: { id } });
    return row ? toPoll(row) : null;
  }

  async findByPrefix(prefix: string): Promise<Poll[]> {
    const p = prefix.toLowerCase();
    if (!/^[0-9a-f-]{4,36}$/.test(p)) return [];
    return (await this.db.poll.findMany({ where: { id: { startsWith: p } }, take: 3 })).map(toPoll);
  }

  /**
   * Read, then create or update. Two clicks racing to create both reach the unique
   * (poll, voter) index: the loser gets P2002 and goes round again as an update. On
   * PostgreSQL an update is a single-row write, so the last click wins, never both.
   */
  async vote(pollId: string, voterId: string, choice: number, at: Date): Promise<VoteOutcome> {
    for (let attempt = 0; ; attempt++) {
      const existing = await this.db.pollVote.findFirst({ where: { pollId, voterId } });
      if (existing) {
        if (existing.choice === choice) return "same";
        await this.db.pollVote.update({ where: { id: existing.id }, data: { choice, at } });
        return "changed";
      }
      try {
        await withSavepoint(this.db, () => this.db.pollVote.create({ data: { pollId, voterId, choice, at } }));
        return "created";
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
  }

  async addAnonymousVote(pollId: string, choice: number, at: Date): Promise<void> {
    await this.db.pollVote.create({ data: { pollId, voterId: null, choice, at } });
  }

  async openPublic(communeId: string, now: Date, limit: number): Promise<Poll[]> {
    const rows = await this.db.poll.findMany({
      where: { communeId, isPublic: true, closedAt: null, OR: [{ closesAt: null }, { closesAt: { gt: now } }] },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: limit,
    });
    return rows.map(toPoll);
  }

  async tally(pollId: string, choices: number): Promise<Tally> {
    const groups = await this.db.pollVote.groupBy({ by: ["choice"], where: { pollId }, _count: { _all: true } });
    const counts = Array.from({ length: choices }, () => 0);
    for (const g of groups) if (g.choice >= 0 && g.choice < choices) counts[g.choice] = g._count._all;
    return { counts, total: counts.reduce((a, b) => a + b, 0) };
  }

  async votersByChoice(pollId: string): Promise<Map<number, string[]>> {
    const rows = await this.db.pollVote.findMany({ where: { pollId, voterId: { not: null } }, orderBy: { at: "asc" }, select: { choice: true, voterId: true } });
    const out = new Map<number, string[]>();
    for (const r of rows) out.set(r.choice, [...(out.get(r.choice) ?? []), r.voterId!]);
    return out;
  }

  /** Conditional update: of two concurrent closes, one wins. */
  async close(pollId: string, at: Date): Promise<boolean> {
    const { count } = await this.db.poll.updateMany({ where: { id: pollId, closedAt: null }, data: { closedAt: at } });
    return count === 1;
  }

  async dueToClose(now: Date, limit: number): Promise<Poll[]> {
    const rows = await this.db.poll.findMany({ where: { closedAt: null, closesAt: { lte: now } }, orderBy: { closesAt: "asc" }, take: limit });
    return rows.map(toPoll);
  }
}
