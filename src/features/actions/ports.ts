/**
 * What the actions feature keeps: actions members propose to their commune's CoPil, the
 * people who co-organise a local event, and the tasks of an event. Prisma implementation in
 * src/data/repositories/actions.ts.
 */

export const PROPOSAL_STATUSES = ["pending", "accepted", "refused"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface Proposal {
  id: string;
  communeId: string;
  /** Null once the proposer erased their data. */
  proposerId: string | null;
  type: string;
  title: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  place: string;
  status: ProposalStatus;
  reason: string | null;
  eventId: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

export type NewProposal = Pick<Proposal, "communeId" | "proposerId" | "type" | "title" | "description" | "startsAt" | "endsAt" | "place">;

export const TASK_STATUSES = ["todo", "doing", "done"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Someone the task is done with: a shop lending material, a school, an association. */
export interface TaskPartner {
  name: string;
  role: string;
}

export interface Task {
  id: string;
  eventId: string;
  title: string;
  ownerId: string | null;
  /** The local day it is due, as UTC midnight. */
  dueOn: Date | null;
  status: TaskStatus;
  partners: TaskPartner[];
  template: string | null;
  doneAt: Date | null;
  createdAt: Date;
}

export type NewTask = Pick<Task, "eventId" | "title" | "ownerId" | "dueOn" | "partners" | "template">;

export interface ProposalRepository {
  create(p: NewProposal): Promise<Proposal>;
  /** By id or by an id prefix of at least 6 characters (what buttons and people type). */
  find(ref: string): Promise<Proposal | null>;
  /** A commune's proposals in a status, oldest first. */
  list(communeId: string, status: ProposalStatus, limit: number): Promise<Proposal[]>;
  /**
   * Decides a pending proposal; null when it was decided already (two CoPil members clicking
   * together: one decision, one notice).
   */
  decide(id: string, d: { status: Exclude<ProposalStatus, "pending">; reason: string | null; at: Date }): Promise<Proposal | null>;
  /** Records the local event a validated proposal became. */
  linkEvent(id: string, eventId: string): Promise<Proposal>;
}

export interface TaskRepository {
  create(t: NewTask): Promise<Task>;
  createMany(ts: NewTask[]): Promise<Task[]>;
  find(ref: string): Promise<Task | null>;
  forEvent(eventId: string): Promise<Task[]>;
  /** Tasks a person owns that are not done, soonest due first (undated last). */
  forOwner(personId: string, limit: number): Promise<Task[]>;
  /** Tasks not done due on or before `until` (UTC-midnight day). */
  openDueBy(until: Date, limit: number): Promise<Task[]>;
  /** Changes the status; null when it already had it. */
  setStatus(id: string, status: TaskStatus, at: Date): Promise<Task | null>;
  setOwner(id: string, ownerId: string): Promise<void>;
  /** Templates already applied to the event (applying one twice adds nothing). */
  templatesApplied(eventId: string): Promise<string[]>;
}

export interface OrganiserRepository {
  add(eventId: string, personId: string): Promise<void>;
  /** Co-organisers of an event (besides its creator). */
  of(eventId: string): Promise<string[]>;
  isOrganiser(eventId: string, personId: string): Promise<boolean>;
}

/** The stores of the actions feature, as the services hold them. */
export interface ActionStores {
  proposals: ProposalRepository;
  tasks: TaskRepository;
  organisers: OrganiserRepository;
}
