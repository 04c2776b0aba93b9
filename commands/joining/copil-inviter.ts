/**
 * `/cdce copil inviter <réponse>` (the "Invite" button of `copil candidats`): the CoPil
 * invites someone who answered a recruitment call. It is a join request accepted at once:
 * the person gets the CoPil role and a roster seat, is told, and starts the welcome journey,
 * as any accepted request. They had said they were interested: no second question.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { PermissionDenied, can } from "../../src/core/permissions.js";
import { prefixWithin } from "../../src/core/clip.js";
import { decisionNotice, grantRequest } from "../../src/features/joining/requests.js";

export default defineCommand({
  name: "copil inviter",
  words: { fr: "copil inviter", de: "copil einladen", nl: "copil uitnodigen", en: "copil invite" },
  intent: "manage",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" } },
  changesState: true,
  aliases: ["copil invite"],
  help: { fr: "Inviter au CoPil une personne qui a répondu à un appel", de: "Eine Person, die auf einen Aufruf geantwortet hat, in die Steuerungsgruppe einladen", nl: "Iemand die op een oproep antwoordde uitnodigen in de stuurgroep", en: "Invite to the CoPil someone who answered a call" },
  usage: { fr: "copil inviter 3f2a9c1b", de: "copil inviter 3f2a9c1b", nl: "copil inviter 3f2a9c1b", en: "copil inviter 3f2a9c1b" },
  permission: "copil.manage",
  options: {
    ref: text({ help: { fr: "Référence de la réponse", de: "Referenz der Antwort", nl: "Referentie van het antwoord", en: "Answer reference" }, max: 40 }),
  },
  async run({ options, actor, t, locale, now, services }) {
    const r = (options.ref ?? "").trim();
    const found = r ? await services.joining.recruit.findAnswer(r) : [];
    if (found.length !== 1) throw new CdceError("recruit.answer_not_found", "recruit.answerNotFound", { ref: prefixWithin(r, 40) || "?" });
    const answer = found[0]!;
    const commune = await services.repos.communes.get(answer.communeId);
    if (!can(actor, "copil.manage", { communeId: answer.communeId })) throw new PermissionDenied("join.forbidden", "join.forbidden", { commune: commune?.name ?? "?" });
    const person = await services.repos.identity.getPerson(answer.personId);
    const name = person?.name ?? "?";
    if (!(await services.joining.recruit.markInvited(answer.id, now))) return message(locale, t("recruit.alreadyInvited", { name }));
    const request = await services.joining.requests.createDecided({ personId: answer.personId, communeId: answer.communeId, role: "copil", copilKind: null, origin: "invite" }, now);
    // The answer first, then the first welcome message (queued in that order, posted in that order).
    const told = (await services.notifier.enqueue(decisionNotice(request, commune?.name ?? null, now))).queued > 0;
    await grantRequest(services, request, name, now);
    return message(locale, `${t("recruit.invited", { name, commune: commune?.name ?? "?" })} ${t(told ? "join.told" : "join.untold")}`);
  },
});
