/** `/cdce jeunesse ajouter nom:"MJ Le Prisme" type:maison-de-jeunes [commune]`: records a youth group of the commune (any member). */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import { communeOption } from "../../src/core/scope.js";
import { CdceError } from "../../src/core/errors.js";
import { prefixWithin } from "../../src/core/clip.js";
import { YOUTH_KINDS } from "../../src/features/ambassadors/index.js";
import { kindLabel, readYouthKind } from "../../src/features/ambassadors/youth.js";

export default defineCommand({
  name: "jeunesse ajouter",
  words: { fr: "jeunesse ajouter", de: "jugend hinzufuegen", nl: "jeugd toevoegen", en: "youth add" },
  intent: "share",
  optionWords: { nom: { de: "name", nl: "naam", en: "name" }, type: { de: "typ", nl: "type", en: "type" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["jugend hinzufügen", "jugend hinzufuegen", "jeugd toevoegen", "youth add"],
  help: { fr: "Ajouter un groupe de jeunes de ma commune (maison de jeunes, mouvement de jeunesse)", de: "Eine Jugendgruppe meiner Gemeinde hinzufügen (Jugendhaus, Jugendbewegung)", nl: "Een jeugdgroep van mijn gemeente toevoegen (jeugdhuis, jeugdbeweging)", en: "Add a youth group of my commune (youth centre, youth movement)" },
  usage: { fr: 'jeunesse ajouter nom:"MJ Le Prisme" type:maison-de-jeunes', de: 'jugend hinzufuegen name:"Jugendtreff Eupen" typ:maison-de-jeunes', nl: 'jeugd toevoegen naam:"Jeugdhuis De Branding" type:maison-de-jeunes', en: 'youth add name:"Youth centre" type:maison-de-jeunes' },
  scope: "commune",
  permission: "commune.contribute",
  refusal: "youth.notMember",
  options: {
    nom: text({ help: { fr: "Nom du groupe", de: "Name der Gruppe", nl: "Naam van de groep", en: "Name of the group" }, max: 120, rest: true }),
    type: text({ help: { fr: YOUTH_KINDS.join(", "), de: YOUTH_KINDS.join(", "), nl: YOUTH_KINDS.join(", "), en: YOUTH_KINDS.join(", ") }, max: 40 }),
    commune: communeOption(),
  },
  async run({ options, commune, t, locale, services }) {
    const name = options.nom?.trim();
    if (!name) throw new CdceError("youth.name_missing", "youth.nameMissing");
    const kind = options.type ? readYouthKind(options.type) : "autre";
    if (!kind) throw new CdceError("youth.bad_kind", "youth.badKind", { value: prefixWithin(options.type ?? "", 40), kinds: YOUTH_KINDS.join(", ") });
    const { group, created } = await services.ambassadorNetwork.youth.add({ communeId: commune.id, name: prefixWithin(name, 120), kind });
    const head = created ? t("youth.added", { commune: commune.name, name: group.name, kind: kindLabel(t, group.kind) }) : t("youth.exists", { commune: commune.name, name: group.name });
    return reply(locale, [{ type: "section", text: head }, { type: "actions", buttons: [{ label: t("youth.button.link"), command: `jeunesse lier ${group.id.slice(0, 8)} commune:${commune.slug}` }] }]);
  },
});
