/**
 * The roles people ask for with `/cdce rejoindre`, the words they type for them in the four
 * languages, who decides (the commune's CoPil, or coordination for the network's roles), and
 * the audience of kits and webinars that matches each role.
 */
import { fold } from "../../core/fold.js";
import type { Audience } from "../../core/ports.js";
import { ROLES, type Role } from "../../core/types.js";
import type { MessageKey, Translate } from "../../core/i18n/catalogue.js";
import { copilKindOf, type CopilKind } from "../watch/index.js";

/** Folded words for each role; `citoyen` (a citizen member of the CoPil) is read apart. */
const ROLE_WORDS: Record<Role, string[]> = {
  coordination: ["coordination", "koordination", "coordinatie", "cooerdinatie", "coordinator"],
  copil: ["copil", "comite", "comite de pilotage", "membre du copil", "steuerungsgruppe", "stuurgroep", "steering", "committee"],
  elu: ["elu", "elue", "elu·e", "echevin", "echevine", "councillor", "ratsmitglied", "gemeinderat", "gemeenteraadslid", "schepen"],
  agent: ["agent", "agente", "agent communal", "staff", "gemeindebedienstete", "gemeindebediensteter", "ambtenaar", "gemeentepersoneel"],
  benevole: ["benevole", "benevoles", "volunteer", "freiwillige", "freiwilliger", "ehrenamtliche", "ehrenamtlicher", "vrijwilliger"],
  ambassadeur: ["ambassadeur", "ambassadrice", "ambassadeur·ice", "ambassador", "botschafter", "botschafterin", "ambassadeurs"],
};

/** A typed role, or a citizen member of the CoPil (`citoyen`: the CoPil role, kind citizen). */
export function readRole(raw: string): { role: Role; kind?: CopilKind } | undefined {
  const w = fold(raw).trim();
  if (!w) return undefined;
  const role = ROLES.find((r) => r === w || ROLE_WORDS[r].includes(w));
  if (role) return { role };
  // Someone asking to sit in the CoPil for a group of criterion 5 (`citoyen`, `commerce`).
  const kind = copilKindOf(w);
  return kind ? { role: "copil", kind } : undefined;
}

/**
 * `Namur benevole`, `La Roche-en-Ardenne copil`, `ambassadeur`: the commune words and the
 * role word (the last word when it names a role). Options given by name win.
 */
export function splitCommuneAndRole(o: { commune?: string; role?: string }): { commune?: string; role?: string } {
  if (o.role || !o.commune) return o;
  const words = o.commune.trim().split(/\s+/);
  const last = words.at(-1)!;
  if (!readRole(last)) return o;
  const commune = words.slice(0, -1).join(" ");
  return { commune: commune || undefined, role: last };
}

/** Words that name the network itself instead of a commune. */
const NETWORK_WORDS = new Set(["reseau", "le reseau", "network", "netzwerk", "netwerk"]);
export const namesNetwork = (raw: string | undefined): boolean => !!raw && NETWORK_WORDS.has(fold(raw).trim());

/** Roles held for the network rather than a commune: coordination, or an ambassador without a commune. */
export function networkRole(role: Role): boolean {
  return role === "coordination" || role === "ambassadeur";
}

/** The kits' and webinars' audience of a role. */
export const AUDIENCE_OF: Record<Role, Audience> = {
  coordination: "coordination",
  copil: "copil",
  elu: "elus",
  agent: "agents",
  benevole: "benevoles",
  ambassadeur: "ambassadeurs",
};

export const roleLabel = (t: Translate, role: Role) => t(`join.role.${role}` as MessageKey);
