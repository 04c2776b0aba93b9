/** Prisma implementation of the joining feature's stores: join requests, welcome journeys, recruitment calls. */
import { z } from "zod";
import { COPIL_KINDS } from "../../features/watch/index.js";
import {
  JOIN_STATES,
  JOURNEY_REASONS,
  STEP_KINDS,
  type JoinRequest,
  type JoinRequestRepository,
  type JoiningRepositories,
  type JourneyReason,
  type RecruitAnswer,
  type RecruitCall,
  type RecruitRepository,
  type StepText,
  type WelcomeJourney,
  type WelcomeRepository,
  type WelcomeStep,
} from "../../features/joining/index.js";
import type { Role } from "../../core/types.js";
import type { Db } from "../client.js";
import type { JoinRequest as JoinRow, WelcomeJourney as JourneyRow, WelcomeStep as StepRow, RecruitCall as CallRow, RecruitAnswer as AnswerRow } from "../../generated/sqlite/client.js";
import { checkStored, localizedTextSchema, parseStored, roleSchema } from "../json.js";

const stateSchema = z.enum(JOIN_STATES);
const kindSchema = z.enum(COPIL_KINDS).nullable();
const originSchema = z.enum(["ask", "invite"]);
const stepKindSchema = z.enum(STEP_KINDS);
const reasonSchema = z.enum(JOURNEY_REASONS);
const groupsSchema = z.array(z.string());

/** The key a pending request holds, so that an identical one finds it instead of doubling. */
const pendingKeyOf = (r: Pick<JoinRequest, "personId" | "communeId" | "role">) => `${r.personId}:${r.communeId ?? "network"}:${r.role}`;

function toRequest(row: JoinRow): JoinRequest {
  const origin = { table: "JoinRequest", id: row.id };
  return {
    id: row.id,
    personId: row.personId,
    communeId: row.communeId,
    role: checkStored(roleSchema, row.role, { ...origin, column: "role" }),
    copilKind: checkStored(kindSchema, row.copilKind, { ...origin, column: "copilKind" }),
    state: checkStored(stateSchema, row.state, { ...origin, column: "state" }),
    reason: row.reason,
    origin: checkStored(originSchema, row.origin, { ...origin, column: "origin" }),
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
  };
}

export class PrismaJoinRequestRepository implements JoinRequestRepository {
  constructor(private readonly db: Db) {}

  async open(r: Pick<JoinRequest, "personId" | "communeId" | "role" | "copilKind">, now: Date): Promise<{ request: JoinRequest; created: boolean }> {
    const pendingKey = pendingKeyOf(r);
    const found = await this.db.joinRequest.findUnique({ where: { pendingKey } });
    if (found) return { request: toRequest(found), created: false };
    const row = await this.db.joinRequest.create({ data: { ...r, state: "pending", pendingKey, origin: "ask", createdAt: now } });
    return { request: toRequest(row), created: true };
  }

  async createDecided(r: Pick<JoinRequest, "personId" | "communeId" | "role" | "copilKind" | "origin">, now: Date): Promise<JoinRequest> {
    return toRequest(await this.db.joinRequest.create({ data: { ...r, state: "accepted", pendingKey: null, createdAt: now, decidedAt: now } }));
  }

  async get(id: string): Promise<JoinRequest | null> {
    const row = await this.db.joinRequest.findUnique({ where: { id } });
    return row ? toRequest(row) : null;
  }

  async findByPrefix(prefix: string): Promise<JoinRequest[]> {
    const p = prefix.toLowerCase();
    if (!/^[0-9a-f-]{4,36}$/.test(p)) return [];
    return (await this.db.joinRequest.findMany({ where: { id: { startsWith: p } }, take: 3 })).map(toRequest);
  }

  /** Conditional on `pending`: two CoPil members clicking together decide once. */
  async decide(id: string, state: "accepted" | "refused", reason: string | null, now: Date): Promise<JoinRequest | null> {
    const { count } = await this.db.joinRequest.updateMany({ where: { id, state: "pending" }, data: { state, reason, decidedAt: now, pendingKey: null } });
    return count === 1 ? this.get(id) : null;
  }

  async pending(communeId: string | null, limit: number): Promise<JoinRequest[]> {
    const rows = await this.db.joinRequest.findMany({ where: { communeId, state: "pending" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit });
    return rows.map(toRequest);
  }
}

const stepTextSchema = localizedTextSchema;

function toStep(row: StepRow): WelcomeStep {
  const origin = { table: "WelcomeStep", id: row.id };
  return {
    role: checkStored(roleSchema, row.role, { ...origin, column: "role" }),
    position: row.position,
    kind: checkStored(stepKindSchema, row.kind, { ...origin, column: "kind" }),
    delayDays: row.delayDays,
    text: parseStored(stepTextSchema, row.text, { ...origin, column: "text" }),
  };
}

function toJourney(row: JourneyRow): WelcomeJourney {
  const origin = { table: "WelcomeJourney", id: row.id };
  return {
    id: row.id,
    personId: row.personId,
    communeId: row.communeId,
    role: checkStored(roleSchema, row.role, { ...origin, column: "role" }),
    reason: checkStored(reasonSchema, row.reason, { ...origin, column: "reason" }),
    startedAt: row.startedAt,
    nextPosition: row.nextPosition,
    stoppedAt: row.stoppedAt,
    finishedAt: row.finishedAt,
  };
}

export class PrismaWelcomeRepository implements WelcomeRepository {
  constructor(private readonly db: Db) {}

  async steps(defaults: readonly WelcomeStep[]): Promise<WelcomeStep[]> {
    let rows = await this.db.welcomeStep.findMany({ orderBy: [{ role: "asc" }, { position: "asc" }] });
    if (rows.length === 0) {
      // Upserts that change nothing on a row written meanwhile: two replicas seeding together both end with the defaults.
      for (const s of defaults) {
        await this.db.welcomeStep.upsert({
          where: { role_position: { role: s.role, position: s.position } },
          create: { role: s.role, position: s.position, kind: s.kind, delayDays: s.delayDays, text: JSON.stringify(s.text) },
          update: {},
        });
      }
      rows = await this.db.welcomeStep.findMany({ orderBy: [{ role: "asc" }, { position: "asc" }] });
    }
    return rows.map(toStep);
  }

  async updateStep(role: Role, position: number, patch: { delayDays?: number; text?: StepText }): Promise<boolean> {
    const { count } = await this.db.welcomeStep.updateMany({
      where: { role, position },
      data: { ...(patch.delayDays !== undefined ? { delayDays: patch.delayDays } : {}), ...(patch.text ? { text: JSON.stringify(patch.text) } : {}) },
    });
    return count === 1;
  }

  async start(j: Pick<WelcomeJourney, "personId" | "communeId" | "role" | "reason" | "startedAt">): Promise<WelcomeJourney> {
    return toJourney(await this.db.welcomeJourney.create({ data: { ...j, nextPosition: 1 } }));
  }

  async get(id: string): Promise<WelcomeJourney | null> {
    const row = await this.db.welcomeJourney.findUnique({ where: { id } });
    return row ? toJourney(row) : null;
  }

  async running(limit: number): Promise<WelcomeJourney[]> {
    const rows = await this.db.welcomeJourney.findMany({ where: { stoppedAt: null, finishedAt: null }, orderBy: [{ startedAt: "asc" }, { id: "asc" }], take: limit });
    return rows.map(toJourney);
  }

  async runningFor(personId: string): Promise<WelcomeJourney[]> {
    const rows = await this.db.welcomeJourney.findMany({ where: { personId, stoppedAt: null, finishedAt: null }, orderBy: { startedAt: "asc" } });
    return rows.map(toJourney);
  }

  async latest(personId: string, communeId: string | null, role: Role, reason: JourneyReason): Promise<WelcomeJourney | null> {
    const row = await this.db.welcomeJourney.findFirst({ where: { personId, communeId, role, reason }, orderBy: [{ startedAt: "desc" }, { id: "desc" }] });
    return row ? toJourney(row) : null;
  }

  async advance(id: string, from: number, to: number, finished: Date | null): Promise<boolean> {
    const { count } = await this.db.welcomeJourney.updateMany({ where: { id, nextPosition: from, stoppedAt: null, finishedAt: null }, data: { nextPosition: to, finishedAt: finished } });
    return count === 1;
  }

  async stop(id: string, at: Date): Promise<boolean> {
    const { count } = await this.db.welcomeJourney.updateMany({ where: { id, stoppedAt: null, finishedAt: null }, data: { stoppedAt: at } });
    return count === 1;
  }
}

function toCall(row: CallRow): RecruitCall {
  return { id: row.id, communeId: row.communeId, groups: parseStored(groupsSchema, row.groups, { table: "RecruitCall", column: "groups", id: row.id }), network: row.network, createdAt: row.createdAt };
}

function toAnswer(row: AnswerRow & { call: { communeId: string } }): RecruitAnswer {
  return { id: row.id, callId: row.callId, communeId: row.call.communeId, personId: row.personId, answeredAt: row.answeredAt, invitedAt: row.invitedAt };
}

export class PrismaRecruitRepository implements RecruitRepository {
  constructor(private readonly db: Db) {}

  async createCall(call: Omit<RecruitCall, "id" | "createdAt">, now: Date): Promise<RecruitCall> {
    return toCall(await this.db.recruitCall.create({ data: { communeId: call.communeId, groups: JSON.stringify(call.groups), network: call.network, createdAt: now } }));
  }

  async findCall(prefix: string): Promise<RecruitCall[]> {
    const p = prefix.toLowerCase();
    if (!/^[0-9a-f-]{4,36}$/.test(p)) return [];
    return (await this.db.recruitCall.findMany({ where: { id: { startsWith: p } }, take: 3 })).map(toCall);
  }

  async answer(callId: string, personId: string, now: Date): Promise<{ answer: RecruitAnswer; created: boolean }> {
    const include = { call: { select: { communeId: true } } };
    const found = await this.db.recruitAnswer.findUnique({ where: { callId_personId: { callId, personId } }, include });
    if (found) return { answer: toAnswer(found), created: false };
    return { answer: toAnswer(await this.db.recruitAnswer.create({ data: { callId, personId, answeredAt: now }, include })), created: true };
  }

  async answers(communeId: string, limit: number): Promise<RecruitAnswer[]> {
    const rows = await this.db.recruitAnswer.findMany({ where: { call: { communeId } }, include: { call: { select: { communeId: true } } }, orderBy: [{ answeredAt: "desc" }, { id: "asc" }], take: limit });
    return rows.map(toAnswer);
  }

  async findAnswer(prefix: string): Promise<RecruitAnswer[]> {
    const p = prefix.toLowerCase();
    if (!/^[0-9a-f-]{4,36}$/.test(p)) return [];
    return (await this.db.recruitAnswer.findMany({ where: { id: { startsWith: p } }, include: { call: { select: { communeId: true } } }, take: 3 })).map(toAnswer);
  }

  async markInvited(id: string, now: Date): Promise<boolean> {
    const { count } = await this.db.recruitAnswer.updateMany({ where: { id, invitedAt: null }, data: { invitedAt: now } });
    return count === 1;
  }
}

export function createJoiningRepositories(db: Db): JoiningRepositories {
  return { requests: new PrismaJoinRequestRepository(db), welcome: new PrismaWelcomeRepository(db), recruit: new PrismaRecruitRepository(db) };
}
