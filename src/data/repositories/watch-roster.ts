/**
 * Prisma implementations of the smaller watch repositories: the CoPil roster, the prompts
 * sent to communes, mentoring pairs, and the evidence read from the activity log.
 */
import { z } from "zod";
import type { Db } from "../client.js";
import type { ActivityEvent } from "../../core/ports.js";
import {
  COPIL_KINDS,
  type CommunePrompt,
  type CopilMember,
  type CopilRepository,
  type EvidenceRepository,
  type MentoringRepository,
  type Mentorship,
  type PromptRepository,
} from "../../features/watch/index.js";
import type { CopilMember as CopilRow, Mentorship as MentorshipRow } from "../../generated/sqlite/client.js";
import { checkStored, jsonObjectSchema, parseStored } from "../json.js";

const kindSchema = z.enum(COPIL_KINDS);
const stateSchema = z.enum(["active", "ended"]);

function toMember(row: CopilRow): CopilMember {
  return {
    id: row.id,
    communeId: row.communeId,
    name: row.name,
    kind: checkStored(kindSchema, row.kind, { table: "CopilMember", column: "kind", id: row.id }),
    personId: row.personId,
    since: row.since,
    until: row.until,
    mandateEndsOn: row.mandateEndsOn,
  };
}

/** The CoPil roster; past members keep their row (`until`) for the size trend. */
export class PrismaCopilRepository implements CopilRepository {
  constructor(private readonly db: Db) {}

  async active(communeId: string, now: Date): Promise<CopilMember[]> {
    const rows = await this.db.copilMember.findMany({
      where: { communeId, since: { lte: now }, OR: [{ until: null }, { until: { gt: now } }] },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    return rows.map(toMember);
  }

  async activeAll(now: Date): Promise<CopilMember[]> {
    const rows = await this.db.copilMember.findMany({
      where: { since: { lte: now }, OR: [{ until: null }, { until: { gt: now } }] },
      orderBy: [{ communeId: "asc" }, { name: "asc" }, { id: "asc" }],
    });
    return rows.map(toMember);
  }

  async add(m: Omit<CopilMember, "id" | "until">): Promise<CopilMember> {
    const row = await this.db.copilMember.create({
      data: { communeId: m.communeId, name: m.name, kind: m.kind, personId: m.personId, since: m.since, mandateEndsOn: m.mandateEndsOn },
    });
    return toMember(row);
  }

  /** Conditional update: only an active member is ended, so a double click ends it once. */
  async remove(id: string, until: Date): Promise<boolean> {
    const r = await this.db.copilMember.updateMany({ where: { id, until: null }, data: { until } });
    return r.count === 1;
  }
}

/** Prompts to communes, unique by key (the notification's idempotency key). */
export class PrismaPromptRepository implements PromptRepository {
  constructor(private readonly db: Db) {}

  async record(p: CommunePrompt): Promise<void> {
    await this.db.communePrompt.upsert({
      where: { key: p.key },
      create: { communeId: p.communeId, key: p.key, kind: p.kind, sentAt: p.sentAt, answerBy: p.answerBy },
      update: {},
    });
  }

  async has(key: string): Promise<boolean> {
    return (await this.db.communePrompt.count({ where: { key } })) > 0;
  }
}

function toMentorship(row: MentorshipRow): Mentorship {
  return {
    id: row.id,
    mentorId: row.mentorId,
    menteeId: row.menteeId,
    state: checkStored(stateSchema, row.state, { table: "Mentorship", column: "state", id: row.id }),
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    outcome: row.outcome,
  };
}

/** Mentoring pairs and their outcome. */
export class PrismaMentoringRepository implements MentoringRepository {
  constructor(private readonly db: Db) {}

  async active(): Promise<Mentorship[]> {
    const rows = await this.db.mentorship.findMany({ where: { state: "active" }, orderBy: { startedAt: "asc" } });
    return rows.map(toMentorship);
  }

  async forCommune(communeId: string): Promise<Mentorship[]> {
    const rows = await this.db.mentorship.findMany({
      where: { OR: [{ mentorId: communeId }, { menteeId: communeId }] },
      orderBy: { startedAt: "desc" },
    });
    return rows.map(toMentorship);
  }

  async start(pair: { mentorId: string; menteeId: string; startedAt: Date; ranking: unknown }): Promise<Mentorship> {
    const row = await this.db.mentorship.create({
      data: { mentorId: pair.mentorId, menteeId: pair.menteeId, state: "active", startedAt: pair.startedAt, ranking: JSON.stringify(pair.ranking ?? null) },
    });
    return toMentorship(row);
  }

  /** Conditional: an active pair ends once. */
  async end(id: string, endedAt: Date, outcome: string | null): Promise<boolean> {
    const r = await this.db.mentorship.updateMany({ where: { id, state: "active" }, data: { state: "ended", endedAt, outcome } });
    return r.count === 1;
  }
}

/** Evidence for the Fair-O-Mètre: the commune's activity since a date. */
export class PrismaEvidenceRepository implements EvidenceRepository {
  constructor(private readonly db: Db) {}

  async since(communeId: string, from: Date, to: Date, limit: number): Promise<ActivityEvent[]> {
    const rows = await this.db.activityEvent.findMany({
      where: { communeId, at: { gte: from, lte: to } },
      orderBy: { at: "desc" },
      take: Math.max(1, Math.floor(limit)),
    });
    return rows.map((row) => ({
      id: row.id,
      communeId: row.communeId,
      personId: row.personId,
      kind: row.kind,
      at: row.at,
      data: row.data === null ? null : parseStored(jsonObjectSchema, row.data, { table: "ActivityEvent", column: "data", id: row.id }),
    }));
  }
}
