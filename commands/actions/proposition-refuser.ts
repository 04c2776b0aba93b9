/**
 * `/cdce proposition refuser <réf> <raison>`: the commune's CoPil (or coordination) refuses
 * a proposed action, with a reason the proposer receives by direct message. The "Refuser"
 * button comes without a reason: it opens a form asking for it.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { prefixWithin } from "../../src/core/clip.js";
import { decisionNotice, decisionPrefix, proposalBlocks } from "../../src/features/actions/proposals.js";
import { proposalToDecide, proposerName } from "../../src/features/actions/decide.js";

export default defineCommand({
  name: "proposition refuser",
  words: { fr: "proposition refuser", de: "vorschlag ablehnen", nl: "voorstel weigeren", en: "proposal refuse" },
  intent: "manage",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" }, raison: { de: "grund", nl: "reden", en: "reason" } },
  changesState: true,
  aliases: ["vorschlag ablehnen", "voorstel weigeren", "proposal refuse"],
  help: { fr: "Refuser une action proposée, avec une raison transmise à la personne (CoPil)", de: "Einen Aktionsvorschlag ablehnen, mit einem Grund für die Person (Steuerungsgruppe)", nl: "Een actievoorstel weigeren, met een reden voor de persoon (stuurgroep)", en: "Refuse a proposed action, with a reason passed on to the person (committee)" },
  usage: { fr: "proposition refuser 3f2a9c1b Déjà un stand ce jour-là", de: "vorschlag ablehnen 3f2a9c1b Schon ein Stand an dem Tag", nl: "voorstel weigeren 3f2a9c1b Al een stand die dag", en: "proposal refuse 3f2a9c1b Already a stand that day" },
  permission: "commune.manage",
  options: {
    ref: text({ help: { fr: "Référence de la proposition", de: "Referenz des Vorschlags", nl: "Referentie van het voorstel", en: "Proposal reference" }, max: 40 }),
    raison: text({ help: { fr: "Raison (transmise à la personne)", de: "Grund (wird der Person mitgeteilt)", nl: "Reden (wordt aan de persoon bezorgd)", en: "Reason (passed on to the person)" }, max: 500, rest: true }),
  },
  async run({ options, actor, t, locale, now, services }) {
    const { proposal, commune } = await proposalToDecide(services, actor, options.ref);
    if (proposal.status !== "pending") return message(locale, t("act.decided.already", { status: proposal.status }));
    const reason = options.raison?.trim();
    if (!reason) {
      // The button: ask the reason in a form (a modal on Slack and Discord).
      const form = {
        title: t("act.refuse.formTitle"),
        submitCommand: "proposition refuser",
        submitLabel: t("form.submit"),
        fields: [
          { name: "ref", label: t("act.refuse.field.ref"), kind: "text" as const, required: true, value: proposal.id.slice(0, 8) },
          { name: "raison", label: t("act.refuse.field.reason"), kind: "textarea" as const, required: true },
        ],
      };
      return { ...reply(locale, [{ type: "section", text: t("act.reason.missing") }, ...proposalBlocks(t, locale, proposal, actor.timeZone)]), form };
    }
    const decided = await services.actions.proposals.decide(proposal.id, { status: "refused", reason: prefixWithin(reason, 500), at: now });
    if (!decided) return message(locale, t("act.decided.already", { status: "refused" }));
    const notice = decisionNotice(decided, commune, now, null);
    if (notice) await services.notifier.enqueue(notice);
    const who = await proposerName(services, decided, t("act.someone"));
    const told = services.notifier.queuedUnder(decisionPrefix(decided)) > 0;
    const text = told ? t("act.refused.told", { title: decided.title, who }) : [t("act.refused", { title: decided.title }), decided.proposerId ? t("act.untold", { who }) : ""].filter(Boolean).join(" ");
    return message(locale, text);
  },
});
