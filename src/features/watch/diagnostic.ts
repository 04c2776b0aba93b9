/**
 * The diagnostic questionnaire on what holds a commune back (the users' document: "diagnostic
 * des freins à la mobilisation des acteur·ices du territoire"): the six obstacles, the words
 * people type for them in four languages, and the stored answer.
 */
import { fold } from "../../core/fold.js";

export const OBSTACLES = ["temps", "personnes", "politique", "idees", "partenaires", "demarches"] as const;
export type Obstacle = (typeof OBSTACLES)[number];

/** Words (folded: lower case, no accents) that name each obstacle, in fr, de, nl, en. */
const WORDS: Record<Obstacle, string[]> = {
  temps: ["temps", "time", "zeit", "tijd", "disponibilite", "1"],
  personnes: ["personnes", "people", "gens", "benevoles", "membres", "leute", "personen", "mensen", "vrijwilligers", "2"],
  politique: ["politique", "soutien politique", "political", "politics", "politik", "politiek", "elus", "3"],
  idees: ["idees", "idee", "ideas", "idea", "ideen", "ideeen", "4"],
  partenaires: ["partenaires", "partenaire", "partners", "partner", "partnern", "5"],
  demarches: ["demarches", "paperasse", "administratif", "paperwork", "admin", "verwaltung", "papierkram", "papierwerk", "administratie", "fom", "6"],
};

/** Maps a typed word to an obstacle, or undefined. */
export function obstacleOf(raw: string): Obstacle | undefined {
  const w = fold(raw).trim().replace(/\s+/g, " ");
  return OBSTACLES.find((o) => o === w || WORDS[o].includes(w));
}

/** What a CoPil answered, as stored in the commune's activity log (kind `diagnostic`). */
export interface DiagnosticAnswer {
  obstacles: Obstacle[];
  main: Obstacle | null;
  detail: string | null;
  need: string | null;
}

/** Reads a stored answer back (tolerates missing fields). */
export function readAnswer(data: Record<string, unknown> | null): DiagnosticAnswer {
  const d = data ?? {};
  const obstacles = Array.isArray(d.obstacles) ? d.obstacles.filter((o): o is Obstacle => OBSTACLES.includes(o as Obstacle)) : [];
  const main = OBSTACLES.includes(d.main as Obstacle) ? (d.main as Obstacle) : null;
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
  return { obstacles, main, detail: str(d.detail), need: str(d.need) };
}

/** `diagnostic:<communeId>:request:<yyyy-mm>`: the questionnaire goes to a CoPil at most once a month. */
export function diagnosticRequestKey(communeId: string, now: Date): string {
  return `diagnostic:${communeId}:request:${now.toISOString().slice(0, 7)}`;
}
