/**
 * `/cdce evenement proposer type:stand titre:"Stand au marché" debut:"12/10 9h-13h" lieu:"Place d’Armes"`
 * Any member of the commune (a volunteer, an ambassador) proposes a local action to its
 * CoPil. Without options: a form of five fields. The commune's channels get it with
 * "Valider" / "Refuser"; the proposer hears the decision by direct message.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { communeOption } from "../../src/core/scope.js";
import { LOCAL_EVENT_OPTIONS, LOCAL_EVENT_OPTION_WORDS, localEventFields, readLocalEvent } from "../../src/features/events/index.js";
import { proposalBlocks, proposalNotice, refOf } from "../../src/features/actions/proposals.js";

const h = (fr: string, de: string, nl: string, en: string) => ({ fr, de, nl, en });

export default defineCommand({
  name: "evenement proposer",
  words: { fr: "evenement proposer", de: "veranstaltung vorschlagen", nl: "evenement voorstellen", en: "event propose" },
  intent: "share",
  optionWords: LOCAL_EVENT_OPTION_WORDS,
  changesState: true,
  aliases: ["proposer", "veranstaltung vorschlagen", "evenement voorstellen", "event propose"],
  help: h("Proposer une action locale au CoPil de ma commune (stand, atelier…) : il la valide ou non", "Der Steuerungsgruppe meiner Gemeinde eine lokale Aktion vorschlagen (Stand, Workshop…)", "De stuurgroep van mijn gemeente een lokale actie voorstellen (stand, workshop…)", "Propose a local action to my commune’s steering committee (stand, workshop…)"),
  usage: {
    fr: 'evenement proposer type:stand titre:"Stand au marché" debut:"12/10 9h-13h" lieu:"Place d’Armes"',
    de: 'veranstaltung vorschlagen typ:stand titel:"Infostand am Markt" beginn:"12.10. 9:00-13:00" ort:"Rathausplatz"',
    nl: 'evenement voorstellen type:stand titel:"Stand op de markt" begin:"12/10 9u-13u" plaats:"Grote Markt"',
    en: 'event propose type:stand title:"Market stand" start:"2027-10-12 9:00-13:00" place:"Main square"',
  },
  scope: "commune",
  // Any member of the commune: volunteers and ambassadors included, unlike `evenement creer`.
  permission: "commune.contribute",
  refusal: "act.propose.notMember",
  options: {
    ...LOCAL_EVENT_OPTIONS,
    description: text({ help: h("En quelques mots", "In wenigen Worten", "In enkele woorden", "In a few words"), max: 500 }),
    commune: communeOption(),
  },
  form: ({ t }) => ({
    title: t("act.propose.formTitle"),
    submitCommand: "evenement proposer",
    submitLabel: t("form.submit"),
    fields: [
      ...localEventFields(t),
      { name: "description", label: t("act.propose.field.description"), kind: "textarea", required: false },
    ],
  }),
  async run({ options, commune, actor, t, locale, now, services }) {
    // Read as a local event would be (same words, same checks), without volunteer slots.
    const read = readLocalEvent({ ...options, creneaux: undefined }, { t, commune, now, personId: actor.personId, locale });
    if (!read.ok) return { ...message(locale, Object.values(read.errors).join("\n")), fieldErrors: read.errors };
    const e = read.event;
    const proposal = await services.actions.proposals.create({
      communeId: commune.id, proposerId: actor.personId, type: e.theme, title: e.title, description: e.description, startsAt: e.startsAt, endsAt: e.endsAt, place: e.place ?? "",
    });
    const notice = proposalNotice(proposal, commune, actor.name, now);
    await services.notifier.enqueue(notice);
    const sent = services.notifier.queuedUnder(`proposal:${proposal.id}:new`) > 0;
    // The decision reaches the proposer only where the bot can write to them privately.
    const reachable = await services.notifier.reaches({ kind: "person", personId: actor.personId });
    const head = [
      t(sent ? "act.propose.sent" : "act.propose.sentNoChannel", { title: proposal.title, commune: commune.name, ref: refOf(proposal) }),
      t(reachable ? "act.propose.willTell" : "act.propose.cannotTell"),
    ].join(" ");
    return reply(locale, [{ type: "section", text: head }, ...proposalBlocks(t, locale, proposal, actor.timeZone)]);
  },
});
