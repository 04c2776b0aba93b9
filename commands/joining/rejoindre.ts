/**
 * `/cdce rejoindre <commune> <role> [groupe:]`: asks to join a commune in a role
 * (bénévole, ambassadeur, CoPil — `citoyen`, `commerce`… name a CoPil seat for that group —,
 * élu, agent, coordination). The commune's CoPil gets the request with Accept / Refuse
 * buttons (coordination for the network's roles); the person gets the answer privately.
 * An ambassador may join the network without a commune. Anyone may ask: it is a request.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { ROLES } from "../../src/core/types.js";
import { COPIL_KINDS, copilKindOf, KIND_EXAMPLES } from "../../src/features/watch/index.js";
import { namesNetwork, readRole, roleLabel, splitCommuneAndRole } from "../../src/features/joining/roles.js";
import { deciders, requestNotice, requestRef, whereText } from "../../src/features/joining/requests.js";

const COMMUNE = { fr: "Commune (rien ou « reseau » : le réseau, pour un·e ambassadeur·ice)", de: "Gemeinde (nichts oder „reseau“: das Netzwerk, für Botschafter·innen)", nl: "Gemeente (niets of ‘reseau’: het netwerk, voor een ambassadeur)", en: "Commune (nothing or “reseau”: the network, for an ambassador)" };
const ROLE = { fr: "Rôle : benevole, ambassadeur, copil, citoyen, elu, agent…", de: "Rolle: benevole, ambassadeur, copil, citoyen, elu, agent…", nl: "Rol: benevole, ambassadeur, copil, citoyen, elu, agent…", en: "Role: benevole, ambassadeur, copil, citoyen, elu, agent…" };
const GROUP = { fr: `Pour le CoPil, votre groupe : ${KIND_EXAMPLES.join(", ")}`, de: `Für die Steuerungsgruppe, Ihre Gruppe: ${KIND_EXAMPLES.join(", ")}`, nl: `Voor de stuurgroep, uw groep: ${KIND_EXAMPLES.join(", ")}`, en: `For the CoPil, your group: ${KIND_EXAMPLES.join(", ")}` };
const HELP = { fr: "Demander à rejoindre une commune (bénévole, ambassadeur·ice, CoPil…)", de: "Beitritt zu einer Gemeinde beantragen (Freiwillige·r, Botschafter·in, Steuerungsgruppe…)", nl: "Vragen om bij een gemeente aan te sluiten (vrijwilliger, ambassadeur, stuurgroep…)", en: "Ask to join a commune (volunteer, ambassador, CoPil…)" };
const SUBMIT = { fr: "Envoyer la demande", de: "Anfrage senden", nl: "Aanvraag versturen", en: "Send the request" };

export default defineCommand({
  name: "rejoindre",
  words: { fr: "rejoindre", de: "beitreten", nl: "aansluiten", en: "join" },
  intent: "take-part",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" }, role: { de: "rolle", nl: "rol", en: "role" }, groupe: { de: "gruppe", nl: "groep", en: "group" } },
  changesState: true,
  aliases: ["adherer", "devenir"],
  help: HELP,
  usage: { fr: "rejoindre Namur benevole", de: "rejoindre Eupen benevole", nl: "rejoindre Jette benevole", en: "rejoindre Namur benevole" },
  // The commune is the one named (the person is not a member yet: no default), possibly none (the network).
  scope: { commune: "optional", fallback: "none", option: (o: { commune?: string; role?: string }) => {
    const c = splitCommuneAndRole(o).commune;
    return c && !namesNetwork(c) ? c : undefined;
  } },
  options: {
    commune: text({ help: COMMUNE, max: 100, rest: true, autocomplete: "commune" }),
    role: text({ help: ROLE, max: 40 }),
    groupe: choice({ help: GROUP, values: COPIL_KINDS, normalize: copilKindOf }),
  },
  form: ({ locale }) => ({
    title: HELP[locale] ?? HELP.fr,
    submitCommand: "rejoindre",
    submitLabel: SUBMIT[locale] ?? SUBMIT.fr,
    fields: [
      { name: "commune", label: COMMUNE[locale] ?? COMMUNE.fr, kind: "text", required: false, placeholder: "Namur" },
      { name: "role", label: ROLE[locale] ?? ROLE.fr, kind: "text", required: true, placeholder: "benevole" },
    ],
  }),
  async run({ options, commune, actor, t, locale, now, services }) {
    const split = splitCommuneAndRole(options);
    const read = split.role ? readRole(split.role) : undefined;
    if (!read || !(ROLES as readonly string[]).includes(read.role)) throw new CdceError("join.no_role", "join.needRole");
    const role = read.role;
    const kind = role === "copil" ? (options.groupe ?? read.kind ?? null) : null;
    // Only an ambassador (and coordination) belongs to the network without a commune.
    const communeId = role === "coordination" ? null : (commune?.id ?? null);
    if (!communeId && role !== "coordination" && role !== "ambassadeur") throw new CdceError("join.no_commune", "join.needCommune", { role });
    const where = whereText(t, role === "coordination" ? null : (commune?.name ?? null));
    const label = roleLabel(t, role);
    const held = await services.repos.memberships.activeFor(actor.personId, now);
    if (held.some((m) => m.role === role && m.communeId === communeId)) return message(locale, t("join.alreadyHeld", { role: label, where }));
    const { request, created } = await services.joining.requests.open({ personId: actor.personId, communeId, role, copilKind: kind }, now);
    const ref = requestRef(request.id);
    const target = await deciders(services, request);
    if (!target) return message(locale, t(created ? "join.sent.nowhere" : "join.already", { role: label, where, ref }));
    // Asked again: posted only if it never was (no channel then); the key keeps it to one post.
    const queued = (await services.notifier.enqueue(requestNotice(request, actor.name, role === "coordination" ? null : (commune?.name ?? null), target.to, now))).queued > 0;
    if (!created && !queued) return message(locale, t("join.already", { role: label, where, ref }));
    if (!queued) return message(locale, t("join.sent.nowhere", { role: label, where, ref }));
    const head = target.who === "copil" ? t("join.sent.copil", { role: label, where, ref, commune: commune!.name }) : t("join.sent.coordination", { role: label, where, ref });
    const reachable = await services.notifier.reaches({ kind: "person", personId: actor.personId });
    return message(locale, `${head} ${t(reachable ? "join.answer.will" : "join.answer.willNot")}`);
  },
});
