/**
 * Domain types and repository interfaces of the momentum watch: the CoPil roster,
 * the momentum snapshots, the prompts sent to communes, mentoring pairs, and the set-based
 * signal queries the weekly scan runs. Implemented with Prisma in
 * src/data/repositories/watch-*.ts; tests may implement them in memory.
 */
import type { ActivityEvent, FomGrade } from "../../core/ports.js";

// ------------------------------------------------------------------ CoPil roster

/** Kinds of CoPil members (criterion 5 asks for a diversified, representative committee). */
export const COPIL_KINDS = ["citizen", "shop", "horeca", "association", "school", "councillor", "staff", "producer"] as const;
export type CopilKind = (typeof COPIL_KINDS)[number];

export interface CopilMember {
  id: string;
  communeId: string;
  name: string;
  kind: CopilKind;
  /** The bot user behind the member, when known. */
  personId: string | null;
  since: Date;
  /** When the member left (kept: the size trend counts past members). */
  until: Date | null;
  /** End of the mandate, when the CoPil sets one. */
  mandateEndsOn: Date | null;
}

export interface CopilRepository {
  /** Members present at `now` (since <= now, until null or > now), by name. */
  active(communeId: string, now: Date): Promise<CopilMember[]>;
  /** Members present at `now` in every commune, in one query (the scans). */
  activeAll(now: Date): Promise<CopilMember[]>;
  add(member: Omit<CopilMember, "id" | "until">): Promise<CopilMember>;
  /** Marks a member as gone at `until`; false when there is no such active member. */
  remove(id: string, until: Date): Promise<boolean>;
}

// ------------------------------------------------------------------ momentum

/**
 * Activity kinds the score reads from the shared activity log (ActivityEvent). Any kind
 * counts as a sign of life for recency; these count as actions (a CoPil meeting logged with
 * `/cdce copil reunion` included) and as trainings; the Fair-O-Mètre grade counts through
 * its records. Features that record an initiative, an event or an attendance log it with one of these kinds and,
 * when known, `data.criteria` (numbers 1..6 of the title's criteria) and `data.title`.
 */
export const ACTION_KINDS = ["initiative", "event", "evidence", "copil_meeting"] as const;
export const TRAINING_KINDS = ["training_attended", "webinar_attended"] as const;

export type Level = "green" | "orange" | "red";

/** What the score is computed from, for one commune at one instant. */
export interface MomentumSignals {
  /** Last activity of the commune's members, any kind; null when none was ever recorded. */
  lastActivityAt: Date | null;
  /** Actions (initiatives, events, evidence) in the last 6 months, and how many of them fell around the Semaine. */
  actions6m: number;
  actions6mSemaine: number;
  actions12m: number;
  actions12mSemaine: number;
  /** Training and webinar attendances in the last 12 months. */
  trainings12m: number;
  /** CoPil members now, and `copil.trendDays` ago. */
  copilSize: number;
  copilSizeBefore: number;
  /** Last Fair-O-Mètre grade (null: submitted but not graded; undefined: no record). */
  lastGrade: FomGrade | null | undefined;
  previousGrade: FomGrade | null | undefined;
  fomDueOn: Date | null;
  /** Prompts sent to the commune in the answer window, and how many were followed by activity. */
  promptsSent: number;
  promptsAnswered: number;
}

/** A reason in words: a message code, its parameters, and the points it costs. */
export interface Reason {
  code: ReasonCode;
  lost: number;
  params: Record<string, string | number>;
}

export const REASON_CODES = [
  "recencyNever",
  "recencyDays",
  "actions6m",
  "actions12m",
  "training",
  "copilSize",
  "copilTrend",
  "fomOverdue",
  "fomDecline",
  "fomGrade",
  "fomNone",
  "answers",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** One stored score: the history of `/cdce veille <commune>` and the state alerts compare with. */
export interface MomentumSnapshot {
  communeId: string;
  at: Date;
  score: number;
  level: Level;
  signals: MomentumSignals;
  reasons: Reason[];
  /** `level`, `drop` or `first` (a first reading already red) when coordination was alerted on this snapshot. */
  alert: "level" | "drop" | "first" | null;
}

/** What alerts and trends need of a snapshot (no signals, no reasons: cheap to read in bulk). */
export type SnapshotHead = Pick<MomentumSnapshot, "communeId" | "at" | "score" | "level" | "alert">;

export interface MomentumRepository {
  /**
   * The signals of every commune at `now`, with a few set-based queries (GROUP BY), not a
   * query per commune. `windows` are the Semaine du Commerce Équitable periods to weight.
   */
  signalsForAll(now: Date, windows: readonly TimeWindow[]): Promise<Map<string, MomentumSignals>>;
  /** The same signals for one commune (the per-commune path, for a single view). */
  signalsFor(communeId: string, now: Date, windows: readonly TimeWindow[]): Promise<MomentumSignals>;
  /** Stores a scan's snapshots in one batch. */
  saveSnapshots(snapshots: readonly MomentumSnapshot[]): Promise<void>;
  /** The latest snapshot of every commune, and the latest one that carried an alert (heads only). */
  latestAll(): Promise<Map<string, { latest: SnapshotHead; lastAlert: SnapshotHead | null }>>;
  /** A commune's snapshots, most recent first. */
  history(communeId: string, limit: number): Promise<MomentumSnapshot[]>;
}

/** A half-open interval [from, to). */
export interface TimeWindow {
  from: Date;
  to: Date;
}

// ------------------------------------------------------------------ prompts

export type PromptKind = "fom" | "diagnostic" | "copil" | "election" | "checkin";

/** A message sent to a commune that expects it to react. */
export interface CommunePrompt {
  communeId: string;
  /** The notification's idempotency key: recording twice keeps one prompt. */
  key: string;
  kind: PromptKind;
  sentAt: Date;
  answerBy: Date;
}

export interface PromptRepository {
  /** Idempotent on `key`. */
  record(prompt: CommunePrompt): Promise<void>;
  /** Whether a prompt with this key was already sent (the daily scan skips its work then). */
  has(key: string): Promise<boolean>;
}

// ------------------------------------------------------------------ mentoring

export interface Mentorship {
  id: string;
  mentorId: string;
  menteeId: string;
  state: "active" | "ended";
  startedAt: Date;
  endedAt: Date | null;
  outcome: string | null;
}

export interface MentoringRepository {
  /** Active pairs, all of them (a few dozen at most). */
  active(): Promise<Mentorship[]>;
  /** Pairs where the commune is mentor or mentee, most recent first. */
  forCommune(communeId: string): Promise<Mentorship[]>;
  start(pair: { mentorId: string; menteeId: string; startedAt: Date; ranking: unknown }): Promise<Mentorship>;
  end(id: string, endedAt: Date, outcome: string | null): Promise<boolean>;
}

// ------------------------------------------------------------------ evidence

export interface EvidenceRepository {
  /**
   * The commune's activity events from `from` to `to` (inclusive), most recent first, at most
   * `limit`. `to` is now: a local event is logged at its (future) date, and counts once it happened.
   */
  since(communeId: string, from: Date, to: Date, limit: number): Promise<ActivityEvent[]>;
}

/** Everything the watch needs from the data layer, passed in through Services. */
export interface WatchRepositories {
  copil: CopilRepository;
  momentum: MomentumRepository;
  prompts: PromptRepository;
  mentoring: MentoringRepository;
  evidence: EvidenceRepository;
}
