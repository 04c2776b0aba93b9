/**
 * `/cdce parcours [role]`: the welcome journeys as they are stored (coordination): each
 * step's day, what it adds, its text in the reader's language, and the whole of them (every
 * language) as a JSON file to keep or review. Edit with `parcours modifier`.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { reply } from "../../src/core/reply.js";
import type { Block } from "../../src/core/types.js";
import type { MessageKey } from "../../src/core/i18n/catalogue.js";
import { clip } from "../../src/core/clip.js";
import { JOURNEY_ROLES } from "../../src/features/joining/defaults.js";
import { allSteps, stepsOf } from "../../src/features/joining/journey.js";
import { readRole, roleLabel } from "../../src/features/joining/roles.js";
import { CdceError } from "../../src/core/errors.js";

export default defineCommand({
  name: "parcours",
  words: { fr: "parcours", de: "begleitung", nl: "onthaal", en: "onboarding" },
  intent: "manage",
  optionWords: { role: { de: "rolle", nl: "rol", en: "role" } },
  changesState: false,
  aliases: ["parcours accueil", "welcome journey"],
  help: { fr: "Les parcours d’accueil par rôle : étapes, délais, textes (coordination)", de: "Die Willkommensbegleitungen je Rolle: Schritte, Fristen, Texte (Koordination)", nl: "De onthaaltrajecten per rol: stappen, termijnen, teksten (coördinatie)", en: "The welcome journeys by role: steps, delays, texts (coordination)" },
  usage: { fr: "parcours benevole", de: "parcours benevole", nl: "parcours benevole", en: "parcours benevole" },
  permission: "network.admin",
  options: {
    role: text({ help: { fr: "benevole, ambassadeur, copil, elu, agent", de: "benevole, ambassadeur, copil, elu, agent", nl: "benevole, ambassadeur, copil, elu, agent", en: "benevole, ambassadeur, copil, elu, agent" }, max: 40, rest: true }),
  },
  async run({ options, t, locale, services }) {
    const wanted = options.role ? readRole(options.role)?.role : undefined;
    if (options.role && !wanted) throw new CdceError("journey.no_role", "journey.noRole");
    const steps = await allSteps(services);
    const blocks: Block[] = [];
    const shown = steps.filter((s) => (wanted ? s.role === wanted : true));
    for (const role of wanted ? [wanted] : JOURNEY_ROLES) {
      const own = stepsOf(steps, role);
      if (own.length === 0) continue;
      blocks.push({ type: "header", text: t("journey.list.title", { role: `${roleLabel(t, role)} (${role})` }) });
      blocks.push({ type: "section", text: own.map((s) => t("journey.list.step", { n: s.position, kind: t(`journey.kind.${s.kind}` as MessageKey), days: s.delayDays, text: clip(s.text[locale] ?? s.text.fr, wanted ? 600 : 160) })).join("\n") });
    }
    if (blocks.length === 0) throw new CdceError("journey.no_role", "journey.noRole");
    blocks.push({ type: "context", text: t("journey.list.hint") });
    const json = JSON.stringify({ steps: shown.map((s) => ({ role: s.role, position: s.position, kind: s.kind, delayDays: s.delayDays, text: s.text })) }, null, 2);
    return { ...reply(locale, blocks), files: [{ name: `parcours-accueil${wanted ? `-${wanted}` : ""}.json`, contentType: "application/json", data: json }] };
  },
});
