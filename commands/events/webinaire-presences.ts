/**
 * `/cdce webinaire presences k3x9q` lists the registered people with a button each to mark
 * who came; `noms:"Alice Martin, Bob"` marks a list at once (an import); `tous:oui` marks
 * everyone registered. Coordination for webinars, the CoPil for its local events.
 * `/cdce webinaire present k3x9q <registration>` is what a button runs.
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { clip, prefixWithin } from "../../src/core/clip.js";
import { assertCanManage, eventByCode } from "../../src/features/events/lookup.js";
import { markAttended, matchNames } from "../../src/features/events/attendance.js";
import type { Block, Button } from "../../src/core/types.js";

/** Buttons per reply: five rows of four, within Discord's five action rows. */
const MAX_BUTTONS = 20;

export default defineCommand({
  name: "webinaire presences",
  words: { fr: "webinaire presences", de: "webinar anwesenheit", nl: "webinar aanwezigheid", en: "webinar attendance" },
  intent: "manage",
  optionWords: { code: { de: "code", nl: "code", en: "code" }, inscription: { de: "anmeldung", nl: "inschrijving", en: "registration" }, noms: { de: "namen", nl: "namen", en: "names" }, tous: { de: "alle", nl: "alle", en: "all" } },
  // A first gate for help and the front door; the event's own commune (or the network) is checked on it.
  permission: "commune.manage",
  changesState: true,
  aliases: ["webinaire present", "webinaire attendance", "evenement presences", "webinar anwesenheit", "webinar aanwezigheid"],
  help: { fr: "Noter qui était présent (et compter pour la dynamique des communes)", de: "Festhalten, wer anwesend war (zählt für die Dynamik der Gemeinden)", nl: "Noteren wie aanwezig was (telt mee voor de dynamiek van de gemeenten)", en: "Record who attended (counts for the communes’ momentum)" },
  usage: { fr: 'webinaire presences k3x9q noms:"Alice Martin, Bob Leroy"', de: 'webinaire presences k3x9q noms:"Anna Kessler"', nl: 'webinaire presences k3x9q noms:"Lotte Peeters"', en: 'webinaire presences k3x9q noms:"Emma Jones"' },
  options: {
    code: text({ help: { fr: "Code", de: "Code", nl: "Code", en: "Code" }, max: 20 }),
    inscription: text({ help: { fr: "Identifiant d’inscription (bouton)", de: "Anmeldungskennung (Button)", nl: "Inschrijvingscode (knop)", en: "Registration id (button)" }, max: 40 }),
    noms: text({ help: { fr: "Noms des présent·es, séparés par des virgules", de: "Namen der Anwesenden, durch Kommas getrennt", nl: "Namen van de aanwezigen, gescheiden door komma’s", en: "Names of those present, comma-separated" }, max: 2000 }),
    tous: choice({ help: { fr: "oui : toutes les personnes inscrites", de: "oui: alle Angemeldeten", nl: "oui: alle ingeschrevenen", en: "oui: everyone registered" }, values: ["oui"] as const, normalize: (r) => (["oui", "yes", "ja"].includes(r.toLowerCase()) ? "oui" : undefined) }),
  },
  async run({ options, actor, t, locale, now, services }) {
    const event = await eventByCode(services, options.code);
    assertCanManage(actor, event, "webinaire presences");
    const deps = { repo: services.events.repo, repos: services.repos, notifier: services.notifier };
    const going = await services.events.repo.registrations(event.id, { statuses: ["going"] });
    if (event.startsAt.getTime() > now.getTime()) return message(locale, t("ev.attendance.notYet", { title: event.title }));
    let note = "";
    if (options.inscription || options.noms || options.tous) {
      let chosen = going;
      const unknown: string[] = [];
      if (options.inscription) chosen = going.filter((r) => r.id === options.inscription);
      else if (options.noms) {
        const m = await matchNames(services.repos, going, options.noms);
        chosen = m.found;
        unknown.push(...m.unknown);
      }
      const marked = await markAttended(deps, event, chosen, now);
      note = t("ev.attendance.marked", { count: marked.length });
      if (unknown.length) note += `\n${t("ev.attendance.unknown", { names: prefixWithin(unknown.join(", "), 200) })}`;
    }
    const fresh = await services.events.repo.registrations(event.id, { statuses: ["going"] });
    const present = fresh.filter((r) => r.attendedAt).length;
    const blocks: Block[] = [{ type: "header", text: t("ev.attendance.title", { title: event.title, present, total: fresh.length }) }];
    if (note) blocks.push({ type: "section", text: note });
    const names = new Map<string, string>();
    for (const r of fresh) names.set(r.id, (await services.repos.identity.getPerson(r.personId))?.name ?? "?");
    if (fresh.length) blocks.push({ type: "section", text: clip(fresh.map((r) => `${r.attendedAt ? "✓" : "·"} ${names.get(r.id)}`).join("\n"), 2900) });
    const buttons: Button[] = fresh.filter((r) => !r.attendedAt).slice(0, MAX_BUTTONS).map((r) => ({ label: `✓ ${clip(names.get(r.id)!, 60)}`, command: `webinaire presences ${event.code} inscription:${r.id}` }));
    for (let i = 0; i < buttons.length; i += 4) blocks.push({ type: "actions", buttons: buttons.slice(i, i + 4) });
    if (fresh.some((r) => !r.attendedAt)) blocks.push({ type: "context", text: t("ev.attendance.hint", { code: event.code }) });
    return reply(locale, blocks);
  },
});
