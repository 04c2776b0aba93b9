/** Prisma implementation of the actions feature's stores: proposals, co-organisers, tasks. */
import { z } from "zod";
import {
  PROPOSAL_STATUSES,
  TASK_STATUSES,
  type ActionStores,
  type NewProposal,
  type NewTask,
  type OrganiserRepository,
  type Proposal,
  type ProposalRepository,
  type ProposalStatus,
  type Task,
  type TaskRepository,
  type TaskStatus,
} from "../../features/actions/index.js";
import type { Db } from "../client.js";
import type { EventProposal as ProposalRow, EventTask as TaskRow } from "../../generated/sqlite/client.js";
import { checkStored, parseStored } from "../json.js";

const proposalStatus = z.enum(PROPOSAL_STATUSES);
const taskStatus = z.enum(TASK_STATUSES);
const partners = z.array(z.object({ name: z.string(), role: z.string() }));

function toProposal(r: ProposalRow): Proposal {
  return {
    id: r.id, communeId: r.communeId, proposerId: r.proposerId, type: r.type, title: r.title, description: r.description,
    startsAt: r.startsAt, endsAt: r.endsAt, place: r.place, reason: r.reason, eventId: r.eventId, decidedAt: r.decidedAt, createdAt: r.createdAt,
    status: checkStored(proposalStatus, r.status, { table: "EventProposal", column: "status", id: r.id }),
  };
}

function toTask(r: TaskRow): Task {
  return {
    id: r.id, eventId: r.eventId, title: r.title, ownerId: r.ownerId, dueOn: r.dueOn, template: r.template, doneAt: r.doneAt, createdAt: r.createdAt,
    status: checkStored(taskStatus, r.status, { table: "EventTask", column: "status", id: r.id }),
    partners: parseStored(partners, r.partners, { table: "EventTask", column: "partners", id: r.id }),
  };
}

/** A full id, or a prefix people type (8 characters shown, at least 6 accepted). */
const refWhere = (ref: string) => {
  const p = ref.trim().toLowerCase();
  if (!/^[0-9a-f-]{6,36}$/.test(p)) return null;
  return p.length === 36 ? { id: p } : { id: { startsWith: p } };
};

class PrismaProposalRepository implements ProposalRepository {
  constructor(private readonly db: Db) {}

  async create(p: NewProposal): Promise<Proposal> {
    return toProposal(await this.db.eventProposal.create({ data: { ...p, status: "pending" } }));
  }

  async find(ref: string): Promise<Proposal | null> {
    const where = refWhere(ref);
    if (!where) return null;
    const rows = await this.db.eventProposal.findMany({ where, take: 2 });
    return rows.length === 1 ? toProposal(rows[0]!) : null;
  }

  async list(communeId: string, status: ProposalStatus, limit: number): Promise<Proposal[]> {
    const rows = await this.db.eventProposal.findMany({ where: { communeId, status }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit });
    return rows.map(toProposal);
  }

  async decide(id: string, d: { status: Exclude<ProposalStatus, "pending">; reason: string | null; at: Date }): Promise<Proposal | null> {
    const { count } = await this.db.eventProposal.updateMany({ where: { id, status: "pending" }, data: { status: d.status, reason: d.reason, decidedAt: d.at } });
    if (count !== 1) return null;
    const row = await this.db.eventProposal.findUnique({ where: { id } });
    return row ? toProposal(row) : null;
  }

  async linkEvent(id: string, eventId: string): Promise<Proposal> {
    return toProposal(await this.db.eventProposal.update({ where: { id }, data: { eventId } }));
  }
}

class PrismaTaskRepository implements TaskRepository {
  constructor(private readonly db: Db) {}

  private data(t: NewTask) {
    return { eventId: t.eventId, title: t.title, ownerId: t.ownerId, dueOn: t.dueOn, template: t.template, partners: JSON.stringify(t.partners), status: "todo" };
  }

  async create(t: NewTask): Promise<Task> {
    return toTask(await this.db.eventTask.create({ data: this.data(t) }));
  }

  async createMany(ts: NewTask[]): Promise<Task[]> {
    const out: Task[] = [];
    // One by one: ids are needed back, and a checklist is a handful of rows.
    for (const t of ts) out.push(await this.create(t));
    return out;
  }

  async find(ref: string): Promise<Task | null> {
    const where = refWhere(ref);
    if (!where) return null;
    const rows = await this.db.eventTask.findMany({ where, take: 2 });
    return rows.length === 1 ? toTask(rows[0]!) : null;
  }

  async forEvent(eventId: string): Promise<Task[]> {
    const rows = await this.db.eventTask.findMany({ where: { eventId }, orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }, { id: "asc" }] });
    return sortDue(rows.map(toTask));
  }

  async forOwner(personId: string, limit: number): Promise<Task[]> {
    const rows = await this.db.eventTask.findMany({ where: { ownerId: personId, status: { not: "done" } }, orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }, { id: "asc" }], take: limit });
    return sortDue(rows.map(toTask));
  }

  async openDueBy(until: Date, limit: number): Promise<Task[]> {
    const rows = await this.db.eventTask.findMany({ where: { status: { not: "done" }, dueOn: { not: null, lte: until } }, orderBy: [{ dueOn: "asc" }, { id: "asc" }], take: limit });
    return rows.map(toTask);
  }

  async setStatus(id: string, status: TaskStatus, at: Date): Promise<Task | null> {
    const { count } = await this.db.eventTask.updateMany({ where: { id, status: { not: status } }, data: { status, doneAt: status === "done" ? at : null } });
    if (count !== 1) return null;
    const row = await this.db.eventTask.findUnique({ where: { id } });
    return row ? toTask(row) : null;
  }

  async setOwner(id: string, ownerId: string): Promise<void> {
    await this.db.eventTask.update({ where: { id }, data: { ownerId } });
  }

  async templatesApplied(eventId: string): Promise<string[]> {
    const rows = await this.db.eventTask.findMany({ where: { eventId, template: { not: null } }, select: { template: true }, distinct: ["template"] });
    return rows.map((r) => r.template!).sort();
  }
}

/** Undated tasks after dated ones (SQLite and PostgreSQL order nulls differently). */
function sortDue(tasks: Task[]): Task[] {
  return [...tasks.filter((t) => t.dueOn), ...tasks.filter((t) => !t.dueOn)];
}

class PrismaOrganiserRepository implements OrganiserRepository {
  constructor(private readonly db: Db) {}

  async add(eventId: string, personId: string): Promise<void> {
    const found = await this.db.eventOrganiser.findUnique({ where: { eventId_personId: { eventId, personId } } });
    if (!found) await this.db.eventOrganiser.create({ data: { eventId, personId } });
  }

  async of(eventId: string): Promise<string[]> {
    return (await this.db.eventOrganiser.findMany({ where: { eventId }, orderBy: { createdAt: "asc" } })).map((r) => r.personId);
  }

  async isOrganiser(eventId: string, personId: string): Promise<boolean> {
    return (await this.db.eventOrganiser.count({ where: { eventId, personId } })) > 0;
  }
}

export function createActionStores(db: Db): ActionStores {
  return { proposals: new PrismaProposalRepository(db), tasks: new PrismaTaskRepository(db), organisers: new PrismaOrganiserRepository(db) };
}
