/**
 * `/cdce webinaire k3x9q` (or `/cdce evenement k3x9q`): one event, my registration, and who
 * from my commune takes part (a CoPil sees which of its members attend which training).
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { eventByCode } from "../../src/features/events/lookup.js";
import { eventCard } from "../../src/features/events/render.js";
import type { Block } from "../../src/core/types.js";

export default defineCommand({
  name: "webinaire",
  words: { fr: "webinaire", de: "webinar", nl: "webinar", en: "webinar" },
  intent: "find",
  optionWords: { code: { de: "code", nl: "code", en: "code" } },
  changesState: false,
  aliases: ["webinar", "evenement", "veranstaltung"],
  help: { fr: "Voir un webinaire ou un évènement, et qui de ma commune y participe", de: "Ein Webinar oder eine Veranstaltung ansehen, und wer aus meiner Gemeinde teilnimmt", nl: "Een webinar of evenement bekijken, en wie van mijn gemeente deelneemt", en: "See a webinar or event, and who from my commune takes part" },
  usage: { fr: "webinaire k3x9q", de: "webinaire k3x9q", nl: "webinaire k3x9q", en: "webinaire k3x9q" },
  options: {
    code: text({ help: { fr: "Code du webinaire (ex. k3x9q)", de: "Code des Webinars (z. B. k3x9q)", nl: "Code van het webinar (bv. k3x9q)", en: "Webinar code (e.g. k3x9q)" }, max: 20 }),
  },
  async run({ options, actor, t, locale, services }) {
    if (!options.code) return message(locale, t("ev.codeMissing"));
    const event = await eventByCode(services, options.code);
    const repo = services.events.repo;
    const regs = await repo.registrations(event.id, { statuses: ["going", "waitlist"] });
    const mine = regs.find((r) => r.personId === actor.personId && r.slotId === "");
    const slots = await repo.slots(event.id);
    const commune = event.communeId ? await services.repos.communes.get(event.communeId) : null;
    // Read now (cached briefly, given up after a moment): never holds the reply for long.
    const interested = await services.events.interested(event);
    const blocks: Block[] = eventCard(event, t, locale, {
      zone: actor.timeZone,
      status: mine ? (mine.status === "going" ? "going" : "waitlist") : null,
      waitlisted: regs.filter((r) => r.status === "waitlist" && r.slotId === "").length,
      slots,
      communeName: commune?.name,
      interested,
    });
    if (mine) blocks.splice(2, 0, { type: "context", text: t(mine.status === "going" ? "ev.you.going" : "ev.you.waitlist") });
    // Who from my communes takes part: names, with their status.
    const home = new Set(actor.communeIds);
    const ours = regs.filter((r) => r.communeId && home.has(r.communeId));
    if (home.size) {
      const names: string[] = [];
      for (const r of ours.slice(0, 30)) {
        const p = await services.repos.identity.getPerson(r.personId);
        const slot = slots.find((s) => s.id === r.slotId);
        names.push(`${p?.name ?? "?"}${r.status === "waitlist" ? ` (${t("ev.status.waitlist")})` : ""}${slot ? ` (${t("ev.slot.short", { n: slot.position })})` : ""}${r.attendedAt ? " ✓" : ""}`);
      }
      blocks.push({ type: "section", text: names.length ? t("ev.fromMyCommune", { count: ours.length, names: names.join(", ") }) : t("ev.fromMyCommune.none") });
    }
    // A local action's tasks (and the co-management kit's checklists): one click away.
    if (event.kind === "local") blocks.push({ type: "actions", buttons: [{ label: t("task.button.tasks"), command: `taches ${event.code}` }] });
    return reply(locale, blocks);
  },
});
