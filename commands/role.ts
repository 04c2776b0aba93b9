/**
 * `/cdce role <@personne> <role> [commune]` — coordination gives someone a role (CoPil of
 * Namur, volunteer, coordination...). `/cdce role <@personne> aucun` removes every role.
 * The person may not have used the bot yet: they are created from their platform id.
 */
import { defineCommand } from "../src/core/commands.js";
import { choice, text } from "../src/core/options.js";
import { message } from "../src/core/reply.js";
import { ensureMembership } from "../src/core/identity.js";
import { CdceError } from "../src/core/errors.js";
import { DEFAULT_TIME_ZONE, ROLES } from "../src/core/types.js";

/** Reads a Slack (`<@U123|name>`), Discord (`<@123>`, `<@!123>`) mention, or a bare id. */
export function parseMention(raw: string): string | undefined {
  const m = /^<@!?([A-Za-z0-9]+)(?:\|[^>]*)?>$/.exec(raw.trim()) ?? /^@?([A-Z0-9]{6,}|\d{15,25}|[a-z0-9_-]{2,40})$/.exec(raw.trim());
  return m?.[1];
}

export default defineCommand({
  name: "role",
  aliases: ["rolle", "rol"],
  help: { fr: "Donner un rôle à une personne (coordination)", de: "Einer Person eine Rolle geben (Koordination)", nl: "Iemand een rol geven (coördinatie)", en: "Give someone a role (coordination)" },
  usage: { fr: "role @Marie copil Namur", de: "role @Marie copil Eupen", nl: "role @Marie copil Jette", en: "role @Marie copil Namur" },
  permission: "channels.configure",
  options: {
    qui: text({ help: { fr: "La personne (@mention)", de: "Die Person (@Erwähnung)", nl: "De persoon (@vermelding)", en: "The person (@mention)" }, max: 120, required: true }),
    role: choice({ help: { fr: "Rôle, ou « aucun »", de: "Rolle, oder „aucun“", nl: "Rol, of ‘aucun’", en: "Role, or “aucun” (none)" }, values: [...ROLES, "aucun"] as const }),
    commune: text({ help: { fr: "Commune (sauf coordination)", de: "Gemeinde (außer Koordination)", nl: "Gemeente (behalve coördinatie)", en: "Commune (except coordination)" }, max: 80, rest: true, autocomplete: "commune" }),
  },
  async run({ options, actor, t, locale, services, now }) {
    const userId = parseMention(options.qui);
    if (!userId || !options.role) throw new CdceError("role.bad_user", "role.badUser");
    const { identity, memberships, communes } = services.repos;
    const account = { platform: actor.platform, workspaceId: actor.workspaceId, userId };
    const person =
      (await identity.findByAccount(account.platform, account.workspaceId, userId)) ??
      (await identity.createWithAccount(account, { name: userId, locale: "fr", localeChosen: false, timeZone: DEFAULT_TIME_ZONE }));
    const who = options.qui.startsWith("<@") ? options.qui : `\`${userId}\``;
    if (options.role === "aucun") {
      const active = await memberships.activeFor(person.id, now);
      for (const m of active) await memberships.end(m.id, now);
      return message(locale, t("role.removed", { user: who, count: active.length }));
    }
    let communeId: string | null = null;
    let inCommune = "";
    if (options.role !== "coordination") {
      if (!options.commune) throw new CdceError("role.commune_needed", "role.communeNeeded", { role: options.role });
      const commune = await communes.findByName(options.commune);
      if (!commune) throw new CdceError("commune.unknown", "commune.unknown", { name: options.commune.slice(0, 60) });
      communeId = commune.id;
      inCommune = t("role.inCommune", { commune: commune.name });
    }
    await ensureMembership(services.repos, person.id, options.role, communeId, now);
    services.logger.info({ by: actor.personId, person: person.id, role: options.role, communeId }, "role given");
    return message(locale, t("role.given", { user: who, role: options.role, commune: inCommune }));
  },
});
