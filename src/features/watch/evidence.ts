/**
 * Fair-O-Mètre evidence: which of the title's six criteria an activity serves, the
 * checklist per criterion, and the CoPil composition that criterion 5 asks about.
 *
 * Evidence accumulates by itself from the shared activity log: an event carrying
 * `data.criteria` (numbers 1..6) counts for those; otherwise the criteria are inferred from
 * what it is (`data.kind`, `data.theme`, `data.partnerKinds`), e.g. a council resolution
 * serves criterion 1, a stand criterion 4, a partnership with shops criterion 2, a training
 * on governance attended by a CoPil member criterion 5.
 */
import type { ActivityEvent } from "../../core/ports.js";
import { clip } from "../../core/clip.js";
import { wordTable } from "../../core/word-table.js";
import { MOMENTUM_CONFIG, type MomentumConfig } from "./config.js";
import type { CopilKind, CopilMember } from "./ports.js";

export const CRITERIA = [1, 2, 3, 4, 5, 6] as const;
export type Criterion = (typeof CRITERIA)[number];

/** What a kind of action serves, by the words features use (fr slugs, and English). */
const BY_KIND = wordTable<Criterion[]>({
  conseil: [1], council: [1], resolution: [1], motion: [1], administration: [1],
  stand: [4], atelier: [4], workshop: [4], "petit-dejeuner": [4], breakfast: [4], marche: [4], market: [4],
  media: [4], communication: [4], sensibilisation: [4], awareness: [4], conference: [4],
  ecole: [3, 4], school: [3, 4], entreprise: [3], business: [3],
  copil: [5], gouvernance: [5], governance: [5],
  producteur: [6], producteurs: [6], producer: [6], "producteurs-locaux": [6], agriculture: [6],
});

/**
 * What a training or webinar attended serves, by its theme: the CoPil's
 * governance (5), communication and awareness (4), partnerships with shops, schools and
 * organisations (2, 3), public procurement in the administration (1), local producers (6).
 */
const BY_TRAINING_THEME = wordTable<Criterion[]>({
  gouvernance: [5], communication: [4], sensibilisation: [4], animation: [4], mobilisation: [5],
  partenariats: [2, 3], "marches-publics": [1], "producteurs-locaux": [6],
});

/** What a kind of partner serves. */
const BY_PARTNER = wordTable<Criterion[]>({
  commerce: [2], shop: [2], horeca: [2],
  ecole: [3], school: [3], association: [3], entreprise: [3], business: [3], organisation: [3],
  producteur: [6], producer: [6],
  media: [4],
});

const isCriterion = (n: unknown): n is Criterion => typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 6;

/** The criteria an activity serves (sorted, unique; empty when it is not evidence). */
export function criteriaOf(e: Pick<ActivityEvent, "kind" | "data">): Criterion[] {
  const data = e.data ?? {};
  const explicit = Array.isArray(data.criteria) ? data.criteria.map(Number).filter(isCriterion) : [];
  const found = new Set<Criterion>(explicit);
  if (found.size === 0 && (e.kind === "initiative" || e.kind === "event")) {
    for (const field of [data.kind, data.theme, data.type]) {
      if (typeof field === "string") for (const c of BY_KIND.get(field.toLowerCase()) ?? []) found.add(c);
    }
    const partners = Array.isArray(data.partnerKinds) ? data.partnerKinds : [];
    for (const p of partners) if (typeof p === "string") for (const c of BY_PARTNER.get(p.toLowerCase()) ?? []) found.add(c);
    // An initiative or event that says nothing more is still a public action (criterion 4).
    if (found.size === 0) found.add(4);
  }
  if (found.size === 0 && (e.kind === "training_attended" || e.kind === "webinar_attended") && typeof data.theme === "string") {
    for (const c of BY_TRAINING_THEME.get(data.theme.toLowerCase()) ?? []) found.add(c);
  }
  return [...found].sort((a, b) => a - b);
}

/** A one-line title for an activity, from its data. */
export function evidenceTitle(e: Pick<ActivityEvent, "kind" | "data">): string {
  const d = e.data ?? {};
  for (const k of ["title", "name", "summary", "text"]) {
    const v = d[k];
    if (typeof v === "string" && v.trim()) return clip(v.trim(), 160);
  }
  return e.kind;
}

/** The evidence per criterion, most recent first (events as given, most recent first). */
export function checklist(events: readonly ActivityEvent[]): Map<Criterion, ActivityEvent[]> {
  const out = new Map<Criterion, ActivityEvent[]>(CRITERIA.map((c) => [c, []]));
  for (const e of events) for (const c of criteriaOf(e)) out.get(c)!.push(e);
  return out;
}

export interface Composition {
  size: number;
  byKind: Partial<Record<CopilKind, number>>;
  /** Groups of criterion 5's diversity with nobody in them. */
  missing: string[];
}

/** The CoPil's composition against the diversity groups of the configuration. */
export function composition(members: readonly Pick<CopilMember, "kind">[], c: MomentumConfig = MOMENTUM_CONFIG): Composition {
  const byKind: Partial<Record<CopilKind, number>> = {};
  for (const m of members) byKind[m.kind] = (byKind[m.kind] ?? 0) + 1;
  const missing = c.roster.diversity.filter((g) => !g.kinds.some((k) => (byKind[k as CopilKind] ?? 0) > 0)).map((g) => g.group);
  return { size: members.length, byKind, missing };
}
