/**
 * `/cdce copil ajouter Marie Dupont role:citoyen [fin:2027-06-30] [commune:Namur]`: a new
 * CoPil member (CoPil members of the commune, or coordination). Without options, a form.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { communeOption } from "../../src/core/scope.js";
import { COPIL_KINDS } from "../../src/features/watch/ports.js";
import { copilKindOf, KIND_EXAMPLES, matchByName, parseDay } from "../../src/features/watch/input.js";
import { formatDay, kindLabel } from "../../src/features/watch/format.js";
import { prefixWithin } from "../../src/core/clip.js";

export default defineCommand({
  name: "copil ajouter",
  words: { fr: "copil ajouter", de: "copil hinzufügen", nl: "copil toevoegen", en: "copil add" },
  intent: "manage",
  optionWords: { nom: { de: "name", nl: "naam", en: "name" }, role: { de: "rolle", nl: "rol", en: "role" }, fin: { de: "ende", nl: "einde", en: "end" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["copil add"],
  help: {
    fr: "Ajouter un membre au CoPil (CoPil ou coordination)",
    de: "Ein Mitglied zum CoPil hinzufügen (CoPil oder Koordination)",
    nl: "Een lid aan de CoPil toevoegen (CoPil of coördinatie)",
    en: "Add a member to the CoPil (CoPil or coordination)",
  },
  usage: { fr: "copil ajouter Marie Dupont role:citoyen fin:2027-06-30", de: "copil ajouter Maria Schmitz role:commerce", nl: "copil ajouter Marie Peeters role:ecole", en: "copil ajouter Mary Smith role:elu" },
  scope: "commune",
  permission: "copil.manage",
  activity: { kind: "copil_change", data: ({ options }) => ({ change: "added", kind: options.role }) },
  options: {
    nom: text({ help: { fr: "Nom du membre", de: "Name des Mitglieds", nl: "Naam van het lid", en: "Member's name" }, max: 120, rest: true }),
    role: choice({ help: { fr: `Rôle : ${KIND_EXAMPLES.join(", ")}`, de: `Rolle: ${KIND_EXAMPLES.join(", ")}`, nl: `Rol: ${KIND_EXAMPLES.join(", ")}`, en: `Role: ${KIND_EXAMPLES.join(", ")}` }, values: COPIL_KINDS, normalize: copilKindOf }),
    fin: text({ help: { fr: "Fin du mandat (AAAA-MM-JJ)", de: "Mandatsende (JJJJ-MM-TT)", nl: "Einde van het mandaat (JJJJ-MM-DD)", en: "End of mandate (YYYY-MM-DD)" }, max: 20 }),
    commune: communeOption(),
  },
  form: ({ t }) => ({
    title: t("copil.form.title"),
    submitCommand: "copil ajouter",
    submitLabel: t("form.submit"),
    fields: [
      { name: "nom", label: t("copil.form.name"), kind: "text", required: true },
      { name: "role", label: t("copil.form.role"), kind: "text", required: true, placeholder: KIND_EXAMPLES.join(", ") },
      { name: "fin", label: t("copil.form.end"), kind: "text", required: false, placeholder: "2027-06-30" },
    ],
  }),
  async run({ options, commune, t, locale, now, services }) {
    if (!options.nom) throw new CdceError("copil.no_name", "copil.needName");
    if (!options.role) throw new CdceError("copil.no_kind", "copil.needKind", { kinds: KIND_EXAMPLES.join(", ") });
    const end = options.fin ? parseDay(options.fin) : null;
    if (options.fin && !end) throw new CdceError("copil.bad_date", "copil.badDate", { value: prefixWithin(options.fin, 20) });
    const present = await services.watch.copil.active(commune.id, now);
    if (matchByName(present, options.nom).some((m) => m.name.toLowerCase() === options.nom!.toLowerCase())) {
      throw new CdceError("copil.duplicate", "copil.duplicate", { name: options.nom, commune: commune.name });
    }
    await services.watch.copil.add({ communeId: commune.id, name: options.nom, kind: options.role, personId: null, since: now, mandateEndsOn: end });
    return message(locale, t("copil.added", { name: options.nom, kind: kindLabel(t, options.role), commune: commune.name, mandate: end ? formatDay(locale, end) : "none" }));
  },
});
