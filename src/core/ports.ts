/**
 * Repository interfaces the core depends on. `src/data` implements them with Prisma
 * (SQLite or PostgreSQL); tests may implement them in memory. Arrows point inward:
 * the core never imports the data layer.
 */
import type { Locale, Platform, Role } from "./types.js";

export type CommuneProfile = "urbain" | "periurbain" | "rural";
export type PopulationBand = "lt10k" | "10k-30k" | "30k-100k" | "gt100k";
export type FomGrade = "A" | "B" | "C" | "D" | "E";

/**
 * Where a commune stands in the network: titled, candidate (working towards the title),
 * merged into another commune (its history moved there), or left the network. Only titled
 * and candidate communes are followed: scored by the watch, reminded, prompted.
 */
export const COMMUNE_STATUSES = ["titled", "candidate", "merged", "left"] as const;
export type CommuneStatus = (typeof COMMUNE_STATUSES)[number];

/** Whether the network still follows a commune (watch, reminders, campaign prompts, nudges). */
export function isFollowed(commune: Pick<Commune, "status">): boolean {
  return commune.status === "titled" || commune.status === "candidate";
}

export interface Commune {
  id: string;
  /** Stable key derived from the name: lower case, no accents, dashes (`la-roche-en-ardenne`). */
  slug: string;
  name: string;
  region: string;
  province: string | null;
  /** Languages spoken, main first (`["fr","nl"]` in Brussels, `["de"]` in Eupen). */
  languages: Locale[];
  timeZone: string;
  profile: CommuneProfile;
  populationBand: PopulationBand;
  /** As known: `2014-07-03`, `2021-10`, `2023`, `<=2019`, or null. */
  titledOn: string | null;
  /** Next Fair-O-Mètre due date (UTC midnight of the local day). */
  fomDueOn: Date | null;
  latitude: number | null;
  longitude: number | null;
  status: CommuneStatus;
  /** The commune it joined (status `merged`). */
  mergedIntoId: string | null;
  /** UTC midnight of the local day of the merger. */
  mergedOn: Date | null;
  /** UTC midnight of the local day it left the network. */
  leftOn: Date | null;
}

/** The status fields a new or updated commune may leave out: a commune is titled unless told otherwise. */
export type CommuneStatusFields = "status" | "mergedIntoId" | "mergedOn" | "leftOn";

/** What `upsert` takes: a commune without id, its status fields optional (kept as stored when absent). */
export type CommuneInput = Omit<Commune, "id" | CommuneStatusFields> & Partial<Pick<Commune, CommuneStatusFields>>;

/** What a merger moved to the commune it joined, row counts by kind. */
export interface MergerReport {
  activities: number;
  events: number;
  fomRecords: number;
  copilMembers: number;
  memberships: number;
  initiatives: number;
  channels: number;
  other: number;
}

export interface FomRecord {
  communeId: string;
  /** When the questionnaire was submitted/graded. */
  on: Date;
  grade: FomGrade | null;
}

export interface Person {
  id: string;
  name: string;
  locale: Locale;
  /** True once the person chose a language (`/cdce langue`): platform locale no longer overrides it. */
  localeChosen: boolean;
  timeZone: string;
}

export interface PlatformAccount {
  platform: Platform;
  workspaceId: string;
  userId: string;
  personId: string;
}

export interface Membership {
  id: string;
  personId: string;
  /** Null for network-wide roles (coordination). */
  communeId: string | null;
  role: Role;
  since: Date;
  until: Date | null;
}

export type ChannelPurpose = "commune" | "network" | "coordination";

export interface ChannelLink {
  platform: Platform;
  workspaceId: string;
  channelId: string;
  purpose: ChannelPurpose;
  /** Set when purpose is `commune`. */
  communeId: string | null;
}

export interface ActivityEvent {
  id: string;
  communeId: string;
  personId: string | null;
  /** What happened: `command`, `initiative`, `event`, `training_attended`, `fom_submitted`... */
  kind: string;
  at: Date;
  /** Small JSON-serialisable details. */
  data: Record<string, unknown> | null;
}

// ------------------------------------------------------------------ kits

export const AUDIENCES = [
  "jeunes",
  "elus",
  "copil",
  "benevoles",
  "ambassadeurs",
  "agents",
  "citoyens",
  "commercants",
  "ecoles",
  "associations",
  "coordination",
] as const;
export type Audience = (typeof AUDIENCES)[number];

export const THEMES = [
  "communication",
  "mobilisation",
  "gouvernance",
  "evenement",
  "formation",
  "marches-publics",
  "partenariats",
  "sensibilisation",
  "fom",
  "enquete",
  "medias",
  "producteurs-locaux",
] as const;
export type Theme = (typeof THEMES)[number];

export const KIT_FORMATS = [
  "affiche",
  "post",
  "video",
  "guide",
  "modele",
  "presentation",
  "fiche",
  "atelier",
  "kit",
  "questionnaire",
] as const;
export type KitFormat = (typeof KIT_FORMATS)[number];

export interface Kit {
  /** Stable slug, the import key (`kit-jeunes-reseaux-sociaux`). */
  id: string;
  title: Partial<Record<Locale, string>> & { fr: string };
  summary: Partial<Record<Locale, string>> & { fr: string };
  audiences: Audience[];
  themes: Theme[];
  format: KitFormat;
  /** Languages the material itself exists in. */
  languages: Locale[];
  /** Commune profiles it suits; empty means all. */
  profiles: CommuneProfile[];
  links: string[];
  /** Free keywords that help search (`stand`, `pitch`, `logo`...). */
  keywords: string[];
  updatedAt: Date;
  /** Set once coordination withdrew the kit: out of search, still in its history. */
  withdrawnAt?: Date | null;
  /** What the last link check found, per URL; a URL absent here is unchecked. */
  linkChecks?: Record<string, LinkCheck>;
}

/** The result of checking one link: it answered (2xx after redirects) or it did not. */
export interface LinkCheck {
  status: "working" | "broken";
  at: Date;
  /** Why it is broken: `404`, `timeout`, `network`... */
  reason?: string;
}

/** One change to a kit, for `kit historique`. */
export interface KitChange {
  kitId: string;
  /** Null for the importer or the link checker. */
  personId: string | null;
  action: "created" | "edited" | "withdrawn";
  at: Date;
  /** The fields that changed (`title`, `links`...); empty for a withdrawal. */
  fields: string[];
}

// ----------------------------------------------------------- repositories

export interface CommuneRepository {
  list(): Promise<Commune[]>;
  get(id: string): Promise<Commune | null>;
  /** Finds by slug or name, ignoring case and accents. */
  findByName(nameOrSlug: string): Promise<Commune | null>;
  /** The communes the network follows (titled or candidate), by name: what scans and reminders go over. */
  listFollowed(): Promise<Commune[]>;
  /** Insert or update by slug; returns the stored commune. Status fields left out keep their stored value. */
  upsert(commune: CommuneInput): Promise<Commune>;
  /**
   * Merges `fromId` into `intoId` on `on`: moves its history (activity, local events,
   * evidence, Fair-O-Mètre records, CoPil roster, memberships, initiatives, ideas, tools,
   * channel links, prompts, mentoring pairs) to `intoId` and marks it merged. Its momentum
   * snapshots are dropped (the joined commune's score now counts its history). Runs as one
   * transaction (joins the caller's).
   */
  merge(fromId: string, intoId: string, on: Date): Promise<MergerReport>;
  fomHistory(communeId: string): Promise<FomRecord[]>;
  addFomRecord(record: FomRecord): Promise<void>;
}

export interface IdentityRepository {
  /** The person behind an account, or null on first use. */
  findByAccount(platform: Platform, workspaceId: string, userId: string): Promise<Person | null>;
  /** Creates a person and links the account to it (idempotent on the account). */
  createWithAccount(account: Omit<PlatformAccount, "personId">, person: Omit<Person, "id">): Promise<Person>;
  getPerson(id: string): Promise<Person | null>;
  updatePerson(id: string, patch: Partial<Omit<Person, "id">>): Promise<Person>;
  accounts(personId: string): Promise<PlatformAccount[]>;
  /** How to write to a person: their language and their accounts (oldest first); null for nobody. */
  recipient(personId: string): Promise<{ locale: Locale; accounts: Array<Pick<PlatformAccount, "platform" | "workspaceId" | "userId">> } | null>;
}

export interface MembershipRepository {
  /** Memberships active at `now` (since <= now and until null or > now). */
  activeFor(personId: string, now: Date): Promise<Membership[]>;
  add(m: Omit<Membership, "id">): Promise<Membership>;
  end(id: string, until: Date): Promise<void>;
  activeInCommune(communeId: string, now: Date): Promise<Membership[]>;
}

export interface ChannelRepository {
  link(link: ChannelLink): Promise<void>;
  unlink(platform: Platform, workspaceId: string, channelId: string): Promise<void>;
  find(platform: Platform, workspaceId: string, channelId: string): Promise<ChannelLink | null>;
  byPurpose(purpose: ChannelPurpose, communeId?: string): Promise<ChannelLink[]>;
}

export interface KitRepository {
  all(): Promise<Kit[]>;
  get(id: string): Promise<Kit | null>;
  /** Insert or update by id (its withdrawal and link checks included when given). */
  upsert(kit: Kit): Promise<void>;
  count(): Promise<number>;
  /** Records what a link check found, without touching the kit's content or date. */
  recordLinkChecks(kitId: string, checks: Record<string, LinkCheck>): Promise<void>;
  recordChange(change: KitChange): Promise<void>;
  /** Oldest first. */
  history(kitId: string): Promise<KitChange[]>;
}

export interface ActivityRepository {
  record(event: Omit<ActivityEvent, "id">): Promise<void>;
  /** Most recent first. */
  recent(communeId: string, limit: number): Promise<ActivityEvent[]>;
}

/** Everything the commands may use, passed in (never imported). */
export interface Repositories {
  communes: CommuneRepository;
  identity: IdentityRepository;
  memberships: MembershipRepository;
  channels: ChannelRepository;
  kits: KitRepository;
  activity: ActivityRepository;
}
