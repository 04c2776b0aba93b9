/**
 * The ambassadors' network: who agreed to appear in its directory, what they did lately, and
 * the youth groups of each commune (maisons de jeunes, mouvements de jeunesse) they go to.
 * Prisma implementation in src/data/repositories/ambassadors.ts.
 */
import type { Locale } from "../../core/types.js";

export const YOUTH_KINDS = ["maison-de-jeunes", "mouvement-de-jeunesse", "autre"] as const;
export type YouthKind = (typeof YOUTH_KINDS)[number];

/** An ambassador who agreed to be shown: only what the directory shows. */
export interface ListedAmbassador {
  personId: string;
  name: string;
  locale: Locale;
  /** Communes they are an ambassador of, with their province. */
  communes: { id: string; name: string; province: string | null }[];
}

export interface RecentActivity {
  personId: string;
  kind: string;
  at: Date;
  title: string | null;
}

export interface YouthGroup {
  id: string;
  communeId: string;
  name: string;
  kind: YouthKind;
  /** People who go there (linked by themselves). */
  members: { personId: string; name: string; listed: boolean }[];
}

export interface AmbassadorRepository {
  /** Whether the person agreed to appear in the directory (default: no). */
  visible(personId: string): Promise<boolean>;
  setVisible(personId: string, visible: boolean): Promise<void>;
  /** Ambassadors (current role) who agreed to appear, by name. */
  listed(): Promise<ListedAmbassador[]>;
  /** What these people did since `since` (kinds other than plain commands), most recent first. */
  recentActivity(personIds: readonly string[], since: Date, limit: number): Promise<RecentActivity[]>;
}

export interface YouthGroupRepository {
  /** Adds a group, or returns the one of that name in the commune. */
  add(g: { communeId: string; name: string; kind: YouthKind }): Promise<{ group: YouthGroup; created: boolean }>;
  ofCommune(communeId: string): Promise<YouthGroup[]>;
  /** Links a person to a group; false when already linked. */
  link(groupId: string, personId: string): Promise<boolean>;
}

export interface AmbassadorStores {
  ambassadors: AmbassadorRepository;
  youth: YouthGroupRepository;
}
