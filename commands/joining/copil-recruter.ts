/**
 * `/cdce copil recruter [commune] [reseau:oui]`: the CoPil posts a call for new members in
 * the commune's channel (and the network's, if asked), naming the groups of criterion 5 its
 * roster is missing, with an "I am interested" button. The answers: `copil candidats`.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice } from "../../src/core/options.js";
import { communeOption } from "../../src/core/scope.js";
import { message } from "../../src/core/reply.js";
import { rosterHealth } from "../../src/features/watch/index.js";
import { recruitNotice } from "../../src/features/joining/recruit.js";

const yesNo = (s: string) => (/^(oui|yes|ja|y|o|1|true)$/i.test(s) ? "oui" : /^(non|no|nein|nee|n|0|false)$/i.test(s) ? "non" : undefined);

export default defineCommand({
  name: "copil recruter",
  words: { fr: "copil recruter", de: "copil anwerben", nl: "copil werven", en: "copil recruit" },
  intent: "manage",
  optionWords: { commune: { de: "gemeinde", nl: "gemeente", en: "commune" }, reseau: { de: "netzwerk", nl: "netwerk", en: "network" } },
  changesState: true,
  aliases: ["copil recruit", "copil appel"],
  help: { fr: "Lancer un appel à rejoindre le CoPil, pour les groupes qui y manquent", de: "Einen Aufruf zur Steuerungsgruppe starten, für die fehlenden Gruppen", nl: "Een oproep starten om bij de stuurgroep te komen, voor de ontbrekende groepen", en: "Post a call to join the CoPil, for the groups it is missing" },
  usage: { fr: "copil recruter reseau:oui", de: "copil recruter Eupen", nl: "copil recruter reseau:oui", en: "copil recruter Namur reseau:oui" },
  scope: "commune",
  permission: "copil.manage",
  options: {
    commune: communeOption({ rest: true }),
    reseau: choice({ help: { fr: "oui : aussi dans le canal du réseau", de: "oui: auch im Kanal des Netzwerks", nl: "oui: ook in het kanaal van het netwerk", en: "oui: in the network’s channel too" }, values: ["oui", "non"] as const, normalize: yesNo }),
  },
  async run({ options, commune, t, locale, now, services }) {
    const missing = rosterHealth(await services.watch.copil.active(commune.id, now), now).composition.missing;
    const network = options.reseau === "oui";
    const call = await services.joining.recruit.createCall({ communeId: commune.id, groups: missing, network }, now);
    let queued = (await services.notifier.enqueue(recruitNotice(call, commune.name, { kind: "purpose", purpose: "commune", communeId: commune.id }, "commune", now))).queued;
    let toNetwork = 0;
    if (network) toNetwork = (await services.notifier.enqueue(recruitNotice(call, commune.name, { kind: "purpose", purpose: "network" }, "network", now))).queued;
    queued += toNetwork;
    if (queued === 0) return message(locale, t("recruit.noChannel", { commune: commune.name }));
    return message(locale, t("recruit.posted", { commune: commune.name, network: toNetwork ? t("recruit.posted.network") : "" }));
  },
});
