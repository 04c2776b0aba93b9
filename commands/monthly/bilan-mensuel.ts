/**
 * `/cdce bilan mensuel [on|off] [commune]`: switches the commune's monthly update on or off
 * (its CoPil, staff, councillors); alone, says whether it is on and previews the month under
 * way, with the copy-ready texts for the college, the council and partners.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice } from "../../src/core/options.js";
import { communeOption } from "../../src/core/scope.js";
import { message } from "../../src/core/reply.js";
import { fold } from "../../src/core/fold.js";
import { monthContaining } from "../../src/features/monthly/month.js";
import { gatherMonth } from "../../src/features/monthly/gather.js";
import { monthlyReply } from "../../src/features/monthly/render.js";

const ON = new Set(["on", "oui", "yes", "ja", "an", "ein", "aan", "actif", "active", "activer", "aktiv", "aktivieren", "activeren", "1", "true"]);
const OFF = new Set(["off", "non", "no", "nein", "aus", "uit", "nee", "inactif", "desactiver", "deaktivieren", "deactiveren", "0", "false"]);
const onOff = (raw: string) => (ON.has(fold(raw).trim()) ? "on" : OFF.has(fold(raw).trim()) ? "off" : undefined);

export default defineCommand({
  name: "bilan mensuel",
  words: { fr: "bilan mensuel", de: "bilanz monatlich", nl: "overzicht maandelijks", en: "monthly update" },
  intent: "manage",
  optionWords: { etat: { de: "stand", nl: "stand", en: "status" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["bilan", "monatsbilanz", "maandoverzicht", "monthly", "bilan mois"],
  help: {
    fr: "Bilan mensuel de la commune dans son canal : l’activer, le désactiver, le prévisualiser",
    de: "Monatsbilanz der Gemeinde in ihrem Kanal: ein- oder ausschalten, Vorschau",
    nl: "Maandoverzicht van de gemeente in haar kanaal: aan- of uitzetten, voorproefje",
    en: "The commune's monthly update in its channel: switch it on or off, preview it",
  },
  usage: { fr: "bilan mensuel on", de: "bilan mensuel an", nl: "bilan mensuel aan", en: "bilan mensuel on" },
  scope: "commune",
  permission: "commune.manage",
  options: {
    etat: choice({ help: { fr: "on ou off", de: "an oder aus", nl: "aan of uit", en: "on or off" }, values: ["on", "off"] as const, normalize: onOff }),
    commune: communeOption({ rest: true }),
  },
  async run({ options: o, commune, t, locale, now, services }) {
    const repo = services.community.monthlyUpdates;
    if (o.etat === "off") return message(locale, t((await repo.set(commune.id, false, now)) ? "monthly.off" : "monthly.already.off", { commune: commune.name }));
    if (o.etat === "on") {
      if (!(await repo.set(commune.id, true, now))) return message(locale, t("monthly.already.on", { commune: commune.name }));
      // "It will be posted" only where a channel of the commune is there to post it in.
      const reached = await services.notifier.reaches({ kind: "purpose", purpose: "commune", communeId: commune.id });
      return message(locale, t(reached ? "monthly.on" : "monthly.on.noChannel", { commune: commune.name }));
    }
    const on = await repo.isOn(commune.id);
    const data = await gatherMonth(services, commune, monthContaining(now, commune.timeZone), now);
    return monthlyReply(t, locale, data, "ephemeral", t(on ? "monthly.status.on" : "monthly.status.off", { commune: commune.name }));
  },
});
