/**
 * What joining a commune, the welcome journeys and the CoPil's recruitment calls keep
 * (Prisma implementation in src/data/repositories/joining.ts).
 */
import type { Locale, Role } from "../../core/types.js";
import type { CopilKind } from "../watch/index.js";

/** The roles a person may ask for with `/cdce rejoindre` (every role of the network). */
export type JoinRole = Role;

export const JOIN_STATES = ["pending", "accepted", "refused"] as const;
export type JoinState = (typeof JOIN_STATES)[number];

export interface JoinRequest {
  id: string;
  personId: string;
  /** Null: the network itself (an ambassador without a commune, coordination). */
  communeId: string | null;
  role: JoinRole;
  /** For a CoPil seat: the group of criterion 5 the person represents. */
  copilKind: CopilKind | null;
  state: JoinState;
  reason: string | null;
  /** `ask`: the person asked; `invite`: the CoPil invited a candidate of a recruitment call. */
  origin: "ask" | "invite";
  createdAt: Date;
  decidedAt: Date | null;
}

export interface JoinRequestRepository {
  /**
   * Creates a pending request unless the same one (person, commune, role) is pending
   * already: then returns that one with `created: false`.
   */
  open(request: Pick<JoinRequest, "personId" | "communeId" | "role" | "copilKind">, now: Date): Promise<{ request: JoinRequest; created: boolean }>;
  /** A request decided at once (an invitation after a recruitment call). */
  createDecided(request: Pick<JoinRequest, "personId" | "communeId" | "role" | "copilKind" | "origin">, now: Date): Promise<JoinRequest>;
  get(id: string): Promise<JoinRequest | null>;
  findByPrefix(prefix: string): Promise<JoinRequest[]>;
  /** Decides a pending request; null when it was no longer pending (a second click). */
  decide(id: string, state: Exclude<JoinState, "pending">, reason: string | null, now: Date): Promise<JoinRequest | null>;
  /** Pending requests of a commune (null: the network's), oldest first. */
  pending(communeId: string | null, limit: number): Promise<JoinRequest[]>;
}

// ------------------------------------------------------------------ welcome journeys

/** What the bot adds under a step's text. */
export const STEP_KINDS = ["welcome", "kits", "webinar", "contacts", "task"] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export type StepText = { fr: string } & Partial<Record<Exclude<Locale, "fr">, string>>;

export interface WelcomeStep {
  role: Role;
  position: number;
  kind: StepKind;
  delayDays: number;
  text: StepText;
}

export const JOURNEY_REASONS = ["joined", "given", "renewed"] as const;
export type JourneyReason = (typeof JOURNEY_REASONS)[number];

export interface WelcomeJourney {
  id: string;
  personId: string;
  communeId: string | null;
  role: Role;
  reason: JourneyReason;
  startedAt: Date;
  /** The next step to send; those before were sent or skipped. */
  nextPosition: number;
  stoppedAt: Date | null;
  finishedAt: Date | null;
}

export interface WelcomeRepository {
  /** Every step, by role then position; the defaults are written first when there is none at all. */
  steps(defaults: readonly WelcomeStep[]): Promise<WelcomeStep[]>;
  /** Changes one step's text (one language) and/or delay; false when there is no such step. */
  updateStep(role: Role, position: number, patch: { delayDays?: number; text?: StepText }): Promise<boolean>;
  start(journey: Pick<WelcomeJourney, "personId" | "communeId" | "role" | "reason" | "startedAt">): Promise<WelcomeJourney>;
  get(id: string): Promise<WelcomeJourney | null>;
  /** Journeys neither stopped nor finished. */
  running(limit: number): Promise<WelcomeJourney[]>;
  /** A person's journeys still running. */
  runningFor(personId: string): Promise<WelcomeJourney[]>;
  /** The most recent journey of a person for a role in a commune started for `reason`, any state. */
  latest(personId: string, communeId: string | null, role: Role, reason: JourneyReason): Promise<WelcomeJourney | null>;
  /**
   * Moves the journey from `from` to `to` (finished when `finished`), only if it is still
   * at `from` and running: two replicas never both send a step. False otherwise.
   */
  advance(id: string, from: number, to: number, finished: Date | null): Promise<boolean>;
  /** Stops a running journey; false when it was not running. */
  stop(id: string, at: Date): Promise<boolean>;
}

// ------------------------------------------------------------------ recruitment

export interface RecruitCall {
  id: string;
  communeId: string;
  /** Groups of criterion 5 missing when the call went out (`citizens`, `commerce`...). */
  groups: string[];
  network: boolean;
  createdAt: Date;
}

export interface RecruitAnswer {
  id: string;
  callId: string;
  communeId: string;
  personId: string;
  answeredAt: Date;
  invitedAt: Date | null;
}

export interface RecruitRepository {
  createCall(call: Omit<RecruitCall, "id" | "createdAt">, now: Date): Promise<RecruitCall>;
  findCall(prefix: string): Promise<RecruitCall[]>;
  /** Records an answer; `created: false` when this person had already answered this call. */
  answer(callId: string, personId: string, now: Date): Promise<{ answer: RecruitAnswer; created: boolean }>;
  /** Answers to the commune's calls, newest first. */
  answers(communeId: string, limit: number): Promise<RecruitAnswer[]>;
  findAnswer(prefix: string): Promise<RecruitAnswer[]>;
  /** Marks an answer invited; false when it already was. */
  markInvited(id: string, now: Date): Promise<boolean>;
}

export interface JoiningRepositories {
  requests: JoinRequestRepository;
  welcome: WelcomeRepository;
  recruit: RecruitRepository;
}
