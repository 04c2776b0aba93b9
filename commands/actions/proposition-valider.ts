/**
 * `/cdce proposition valider <réf>`: the commune's CoPil (or coordination) validates a
 * proposed action (the "Valider" button). It becomes a local event of the commune, which
 * the proposer co-organises; they are told by direct message.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { eventCard } from "../../src/features/events/index.js";
import { decisionNotice, decisionPrefix, eventFromProposal } from "../../src/features/actions/proposals.js";
import { proposalToDecide, proposerName } from "../../src/features/actions/decide.js";
import { checklistFor } from "../../src/features/actions/checklists.js";

export default defineCommand({
  name: "proposition valider",
  words: { fr: "proposition valider", de: "vorschlag annehmen", nl: "voorstel goedkeuren", en: "proposal accept" },
  intent: "manage",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" } },
  changesState: true,
  aliases: ["vorschlag annehmen", "voorstel goedkeuren", "proposal accept"],
  help: { fr: "Valider une action proposée : elle devient une action de la commune (CoPil)", de: "Einen Aktionsvorschlag annehmen: Er wird eine Aktion der Gemeinde (Steuerungsgruppe)", nl: "Een actievoorstel goedkeuren: het wordt een actie van de gemeente (stuurgroep)", en: "Accept a proposed action: it becomes an action of the commune (committee)" },
  usage: { fr: "proposition valider 3f2a9c1b", de: "vorschlag annehmen 3f2a9c1b", nl: "voorstel goedkeuren 3f2a9c1b", en: "proposal accept 3f2a9c1b" },
  // A first gate for help; the proposal's own commune is checked on it.
  permission: "commune.manage",
  options: { ref: text({ help: { fr: "Référence de la proposition", de: "Referenz des Vorschlags", nl: "Referentie van het voorstel", en: "Proposal reference" }, max: 40 }) },
  async run({ options, actor, t, locale, now, services }) {
    const { proposal, commune } = await proposalToDecide(services, actor, options.ref);
    if (proposal.status !== "pending") return message(locale, t("act.decided.already", { status: proposal.status }));
    // Decided first, conditionally: two members clicking together create one event.
    const decided = await services.actions.proposals.decide(proposal.id, { status: "accepted", reason: null, at: now });
    if (!decided) return message(locale, t("act.decided.already", { status: "accepted" }));
    const event = await services.events.createLocal(eventFromProposal(decided, commune, actor.personId, locale), [], now);
    await services.actions.proposals.linkEvent(decided.id, event.id);
    if (decided.proposerId) await services.actions.organisers.add(event.id, decided.proposerId);
    const notice = decisionNotice(decided, commune, now, event.code);
    if (notice) await services.notifier.enqueue(notice);
    const who = await proposerName(services, decided, t("act.someone"));
    const told = services.notifier.queuedUnder(decisionPrefix(decided)) > 0;
    const head = told ? t("act.accepted.told", { title: event.title, code: event.code, who }) : [t("act.accepted", { title: event.title, code: event.code, who }), decided.proposerId ? t("act.untold", { who }) : ""].filter(Boolean).join(" ");
    const list = checklistFor(event.theme) ?? checklistFor(undefined)!;
    return reply(locale, [
      { type: "section", text: head },
      ...eventCard(event, t, locale, { zone: actor.timeZone, slots: [], communeName: commune.name, buttons: false }),
      { type: "actions", buttons: [{ label: t("task.button.template", { name: list.name[locale] }), command: `tache modele ${event.code} ${list.key}`, style: "primary" }, { label: t("task.button.tasks"), command: `taches ${event.code}` }] },
    ]);
  },
});
