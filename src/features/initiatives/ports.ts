/**
 * Initiatives and experience sheets as the core sees them, and the repositories that keep
 * them (Prisma implementations in src/data/repositories/initiatives.ts and sheets.ts).
 */
import type { FeatureCollection } from "geojson";
import type { Locale } from "../../core/types.js";
import type { Criterion, InitiativeKind, PartnerKind } from "./vocabulary.js";

export type InitiativeStatus = "pending" | "published" | "rejected";

export interface Initiative {
  id: string;
  communeId: string;
  /** Null once the author erased their data. */
  authorId: string | null;
  title: string;
  description: string;
  kind: InitiativeKind;
  partnerKinds: PartnerKind[];
  criteria: Criterion[];
  place: string | null;
  links: string[];
  /** The day it happens or happened: UTC midnight of the local date. */
  happenedOn: Date;
  language: Locale;
  status: InitiativeStatus;
  moderatedAt: Date | null;
  /** `network-ambassador`: shared by an ambassador of the network, credited so; null or absent: by a member of the commune. */
  sharedAs?: "network-ambassador" | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewInitiative = Omit<Initiative, "id" | "createdAt" | "updatedAt" | "moderatedAt"> & { moderatedAt?: Date | null };
export type InitiativePatch = Partial<Omit<Initiative, "id" | "createdAt" | "updatedAt" | "authorId">>;

/** Structural filters the database applies; free words are ranked in the core. */
export interface InitiativeFilter {
  statuses?: InitiativeStatus[];
  kinds?: InitiativeKind[];
  partnerKinds?: PartnerKind[];
  criteria?: Criterion[];
  communeIds?: string[];
  languages?: Locale[];
  /** happenedOn >= from */
  from?: Date;
  /** happenedOn < to */
  to?: Date;
  /** Published (moderatedAt) at or after this instant: the digest's "new this week". */
  publishedSince?: Date;
  authorId?: string;
  /** Most recent first (happenedOn, then createdAt). Default 500. */
  limit?: number;
}

export interface InitiativeRepository {
  create(data: NewInitiative): Promise<Initiative>;
  get(id: string): Promise<Initiative | null>;
  /** Initiatives whose id starts with `prefix` (the short reference people type), at most 3. */
  findByPrefix(prefix: string): Promise<Initiative[]>;
  update(id: string, patch: InitiativePatch): Promise<Initiative>;
  /** Rewrites the details of the activity events that counted it (after an edit). */
  updateActivity(id: string, data: Record<string, unknown>): Promise<void>;
  /** Removes the activity events that counted it (a refused initiative no longer counts). */
  removeActivity(id: string): Promise<void>;
  /** Deletes the initiative, its follows and the activity events that counted it. */
  delete(id: string): Promise<void>;
  list(filter: InitiativeFilter): Promise<Initiative[]>;
  /**
   * Records that a person (of a commune) will do it too; idempotent per person.
   * Returns whether it is new and how many follow it now.
   */
  follow(initiativeId: string, personId: string, communeId: string | null, at: Date): Promise<{ created: boolean; count: number }>;
  followCounts(initiativeIds: string[]): Promise<Map<string, number>>;
}

// ------------------------------------------------------------------ experience sheets

export interface ExperienceSheet {
  id: string;
  communeId: string | null;
  authorId: string | null;
  title: string;
  context: string;
  worked: string;
  avoid: string;
  tips: string;
  contact: string | null;
  kind: InitiativeKind | null;
  language: Locale;
  createdAt: Date;
}

export type NewSheet = Omit<ExperienceSheet, "id" | "createdAt">;

export interface SheetRepository {
  create(sheet: NewSheet): Promise<ExperienceSheet>;
  get(id: string): Promise<ExperienceSheet | null>;
  findByPrefix(prefix: string): Promise<ExperienceSheet[]>;
  /** Every sheet, most recent first (a few hundred at most: ranked in the core). */
  all(): Promise<ExperienceSheet[]>;
  delete(id: string): Promise<void>;
}

/** Network-wide settings chosen by coordination. */
export interface SettingsRepository {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** The shipped outline of Belgium (a GeoJSON Feature or FeatureCollection). */
export interface GeoSource {
  outline(): Promise<FeatureCollection>;
}
