/** Polls and votes as the core sees them; Prisma implementation in src/data/repositories/polls.ts. */
import type { Locale } from "../../core/types.js";

export interface Poll {
  id: string;
  question: string;
  /** 2 to 10 labels; a vote stores the index. */
  choices: string[];
  /** Anonymous: results never name voters (votes are still one per person). */
  anonymous: boolean;
  closesAt: Date | null;
  /** Set when closed by hand (or when the closing was announced). */
  closedAt: Date | null;
  authorId: string | null;
  communeId: string | null;
  /** Kit id of the survey template it was started from. */
  templateId: string | null;
  language: Locale;
  /** Open to anyone on the public pages (`/s/<id>`), answers without an account. */
  isPublic: boolean;
  createdAt: Date;
}

export type NewPoll = Omit<Poll, "id" | "createdAt" | "closedAt" | "isPublic"> & { isPublic?: boolean };

/** What a vote did: a first vote, a changed choice, or the same choice again (a double click). */
export type VoteOutcome = "created" | "changed" | "same";

export interface Tally {
  /** Votes per choice, in the order of `choices`. */
  counts: number[];
  total: number;
}

export interface PollRepository {
  create(poll: NewPoll): Promise<Poll>;
  get(id: string): Promise<Poll | null>;
  findByPrefix(prefix: string): Promise<Poll[]>;
  /**
   * Records the voter's choice: one row per (poll, voter), so concurrent clicks can never
   * count a person twice; a later click changes the choice.
   */
  vote(pollId: string, voterId: string, choice: number, at: Date): Promise<VoteOutcome>;
  /**
   * An answer from the public pages: no account, so no one-per-person rule (the pages limit
   * answers per address instead); counted with the others, never named.
   */
  addAnonymousVote(pollId: string, choice: number, at: Date): Promise<void>;
  /** A commune's public polls still open at `now`, newest first. */
  openPublic(communeId: string, now: Date, limit: number): Promise<Poll[]>;
  tally(pollId: string, choices: number): Promise<Tally>;
  /** Voters' person ids per choice (only shown for non-anonymous polls). */
  votersByChoice(pollId: string): Promise<Map<number, string[]>>;
  /** Closes if still open; false when it was already closed. */
  close(pollId: string, at: Date): Promise<boolean>;
  /** Open polls whose closing time has passed and that were not closed yet (to announce). */
  dueToClose(now: Date, limit: number): Promise<Poll[]>;
}
