/**
 * `/cdce idee <texte> [anonyme:oui] [commune:]`: drops an idea in a commune's idea box
 * (the caller's commune by default; members of the commune only). The commune's channel gets it with status buttons for
 * the CoPil; the author is told each change, even when anonymous (never shown), when the bot
 * can write to them privately (else the reply says so).
 */
import { defineCommand } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { communeOption } from "../../src/core/scope.js";
import { newIdeaNotice } from "../../src/features/ideas/service.js";

const yesNo = (s: string) => (/^(oui|yes|ja|y|o|1|true)$/i.test(s) ? "oui" : /^(non|no|nein|nee|n|0|false)$/i.test(s) ? "non" : undefined);

export default defineCommand({
  name: "idee",
  words: { fr: "idee", de: "idee", nl: "idee", en: "idea" },
  intent: "share",
  optionWords: { texte: { de: "text", nl: "tekst", en: "text" }, anonyme: { de: "anonym", nl: "anoniem", en: "anonymous" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["idea", "idée", "ideen", "idee box"],
  help: { fr: "Déposer une idée dans la boîte à idées de votre commune", de: "Eine Idee in die Ideenbox Ihrer Gemeinde legen", nl: "Een idee in de ideeënbus van uw gemeente steken", en: "Drop an idea in your commune’s idea box" },
  usage: { fr: "idee Un stand au marché de Noël anonyme:oui", de: "idee Ein Stand am Weihnachtsmarkt anonyme:oui", nl: "idee Een stand op de kerstmarkt anonyme:oui", en: "idee A stand at the Christmas market anonyme:oui" },
  // Anonymity hides the name from readers, not from the rules: only members post.
  scope: "commune",
  permission: "commune.contribute",
  refusal: "idea.error.notMember",
  options: {
    texte: text({ help: { fr: "Votre idée", de: "Ihre Idee", nl: "Uw idee", en: "Your idea" }, max: 2000, rest: true }),
    anonyme: choice({ help: { fr: "oui : votre nom n’est jamais montré", de: "oui: Ihr Name wird nie gezeigt", nl: "oui: uw naam wordt nooit getoond", en: "oui: your name is never shown" }, values: ["oui", "non"] as const, normalize: yesNo }),
    commune: communeOption(),
  },
  async run({ options: o, commune, t, locale, actor, now, services }) {
    if (!o.texte) throw new CdceError("idea.empty", "idea.error.empty");
    const anonymous = o.anonyme === "oui";
    const idea = await services.community.ideas.create({ communeId: commune.id, authorId: actor.personId, anonymous, text: o.texte });
    await services.notifier.enqueue(newIdeaNotice(idea, commune.name, anonymous ? null : actor.name, now));
    // "You will be told at each step" only to an author the bot can write to privately (the status notices go there).
    const reachable = await services.notifier.reaches({ kind: "person", personId: actor.personId });
    const key = anonymous ? (reachable ? "idea.created.anonymous" : "idea.created.anonymous.unreachable") : reachable ? "idea.created" : "idea.created.unreachable";
    return message(locale, t(key, { commune: commune.name, ref: idea.id.slice(0, 8) }));
  },
});
