/**
 * `/cdce voisins aussi <i-ref|e-code> [commune:]` (the "Nous aussi" button of the "near
 * you" digest): records that the commune does the same as its neighbour. Once per commune
 * and item; it lands in the commune's activity as an action (`initiative`, with the title,
 * the type and where it came from), which the momentum watch counts.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { communeOption } from "../../src/core/scope.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { prefixWithin } from "../../src/core/clip.js";
import { resolveItem } from "../../src/features/neighbours/resolve.js";

export default defineCommand({
  name: "voisins aussi",
  words: { fr: "voisins aussi", de: "nachbarn auch", nl: "buren ook", en: "neighbours too" },
  intent: "take-part",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["nachbarn auch", "buren ook", "neighbours too", "neighbors too"],
  hidden: true,
  help: {
    fr: "« Nous aussi » : notre commune fait la même chose qu’une commune voisine",
    de: "„Wir auch“: Unsere Gemeinde macht dasselbe wie eine Nachbargemeinde",
    nl: "„Wij ook”: onze gemeente doet hetzelfde als een buurgemeente",
    en: "“We do it too”: our commune does the same as a neighbouring one",
  },
  usage: { fr: "voisins aussi e-k3x9q", de: "nachbarn auch e-k3x9q", nl: "buren ook e-k3x9q", en: "neighbours too e-k3x9q" },
  scope: "commune",
  permission: "commune.contribute",
  refusal: "nb.notMember",
  activity: { kind: "initiative", data: ({ options }) => ({ too: options.ref }) },
  options: {
    ref: text({ help: { fr: "Référence (i-… ou e-…)", de: "Referenz (i-… oder e-…)", nl: "Referentie (i-… of e-…)", en: "Reference (i-… or e-…)" }, max: 40 }),
    commune: communeOption(),
  },
  async run({ options, commune, actor, t, locale, now, services, activity }) {
    const item = await resolveItem(services, options.ref, actor);
    if (!item) throw new CdceError("neighbours.bad_ref", "nb.badRef", { ref: prefixWithin(options.ref ?? "", 40) });
    if (item.owners.includes(commune.id)) {
      activity.skip();
      return message(locale, t("nb.own", { title: item.title, commune: commune.name }));
    }
    const created = await services.neighbours.repo.answer({ communeId: commune.id, item: item.ref, answer: "too", at: now });
    if (!created) {
      activity.skip();
      return message(locale, t("nb.too.already", { title: item.title, commune: commune.name }));
    }
    activity.set({ too: item.ref, title: item.title, type: item.type, from: item.fromName, via: "neighbours" });
    return message(locale, t("nb.too.done", { title: item.title, commune: commune.name, from: item.fromName }));
  },
});
