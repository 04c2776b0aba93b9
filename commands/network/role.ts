/**
 * `/cdce role <@personne> <role> [commune]` — coordination gives someone a role (CoPil of
 * Namur, volunteer, coordination...). `/cdce role <@personne> aucun` removes every role.
 * The person may not have used the bot yet: they are created from their platform id, but
 * only once their platform confirms a real user behind it (never @everyone, @here, a role
 * mention or a bare word, which would otherwise become an account holding the role).
 */
import { defineCommand, type CommandContext } from "../../src/core/commands.js";
import { choice, text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { ensureMembership } from "../../src/core/identity.js";
import { CdceError } from "../../src/core/errors.js";
import { parseUserMention } from "../../src/core/platform-users.js";
import type { Person } from "../../src/core/ports.js";
import { DEFAULT_TIME_ZONE, ROLES } from "../../src/core/types.js";
import { prefixWithin } from "../../src/core/clip.js";
import { startJourney } from "../../src/features/joining/index.js";

/**
 * The person a mention names: known here already, or confirmed by the platform and then
 * created. Refused with a clear message otherwise; nothing is created then.
 */
async function namedPerson(qui: string, ctx: Pick<CommandContext<unknown>, "actor" | "services" | "users">, create: boolean): Promise<Person | null> {
  const { actor, services, users } = ctx;
  const shown = prefixWithin(qui, 60);
  const userId = parseUserMention(qui, actor.platform);
  if (!userId) throw new CdceError("role.bad_user", "role.badUser", { user: shown });
  const { identity } = services.repos;
  const known = await identity.findByAccount(actor.platform, actor.workspaceId, userId);
  if (known || !create) return known;
  const found = await users.lookup(actor.platform, actor.workspaceId, userId);
  if (!found.found) throw new CdceError(`role.user_${found.reason}`, found.reason === "unknown" ? "role.unknownUser" : "role.unverifiable", { user: shown });
  const account = { platform: actor.platform, workspaceId: actor.workspaceId, userId };
  return identity.createWithAccount(account, { name: prefixWithin(found.name ?? userId, 120), locale: "fr", localeChosen: false, timeZone: DEFAULT_TIME_ZONE });
}

const QUI = { fr: "La personne (@mention)", de: "Die Person (@Erwähnung)", nl: "De persoon (@vermelding)", en: "The person (@mention)" };
const ROLE = { fr: "Rôle, ou « aucun »", de: "Rolle, oder „aucun“", nl: "Rol, of ‘aucun’", en: "Role, or “aucun” (none)" };
const COMMUNE = { fr: "Commune (sauf coordination)", de: "Gemeinde (außer Koordination)", nl: "Gemeente (behalve coördinatie)", en: "Commune (except coordination)" };
const ROLE_SUBMIT = { fr: "Donner le rôle", de: "Rolle geben", nl: "Rol geven", en: "Give the role" };
const HELP = { fr: "Donner un rôle à une personne (coordination)", de: "Einer Person eine Rolle geben (Koordination)", nl: "Iemand een rol geven (coördinatie)", en: "Give someone a role (coordination)" };

export default defineCommand({
  name: "role",
  words: { fr: "role", de: "rolle", nl: "rol", en: "role" },
  intent: "manage",
  optionWords: { qui: { de: "wer", nl: "wie", en: "who" }, role: { de: "rolle", nl: "rol", en: "role" }, commune: { de: "gemeinde", nl: "gemeente", en: "commune" } },
  changesState: true,
  aliases: ["rolle", "rol"],
  help: HELP,
  usage: { fr: "role @Marie copil Namur", de: "role @Marie copil Eupen", nl: "role @Marie copil Jette", en: "role @Marie copil Namur" },
  permission: "channels.configure",
  options: {
    qui: text({ help: QUI, max: 120, required: true }),
    role: choice({ help: ROLE, values: [...ROLES, "aucun"] as const }),
    commune: text({ help: COMMUNE, max: 80, rest: true, autocomplete: "commune" }),
  },
  // Opened with no option (Discord's right-click on a member fills in the person); the
  // chain checks the right before showing it, like the command itself.
  form: ({ locale }) => ({
    title: HELP[locale] ?? HELP.fr,
    submitCommand: "role",
    submitLabel: ROLE_SUBMIT[locale] ?? ROLE_SUBMIT.fr,
    fields: [
      { name: "qui", label: QUI[locale] ?? QUI.fr, kind: "text", required: true },
      { name: "role", label: ROLE[locale] ?? ROLE.fr, kind: "text", required: true, placeholder: [...ROLES, "aucun"].join(", ") },
      { name: "commune", label: COMMUNE[locale] ?? COMMUNE.fr, kind: "text", required: false, placeholder: "Namur" },
    ],
  }),
  async run({ options, actor, t, locale, services, now, users }) {
    if (!options.role) throw new CdceError("role.bad_user", "role.badUser", { user: prefixWithin(options.qui, 60) });
    const { memberships, communes } = services.repos;
    const who = options.qui.startsWith("<@") ? options.qui : `\`${options.qui.replace(/^@/, "")}\``;
    if (options.role === "aucun") {
      // Someone the bot never knew holds no role: nothing to remove, nobody to create.
      const person = await namedPerson(options.qui, { actor, services, users }, false);
      const active = person ? await memberships.activeFor(person.id, now) : [];
      for (const m of active) await memberships.end(m.id, now);
      return message(locale, t("role.removed", { user: who, count: active.length }));
    }
    let communeId: string | null = null;
    let inCommune = "";
    if (options.role !== "coordination") {
      if (!options.commune) throw new CdceError("role.commune_needed", "role.communeNeeded", { role: options.role });
      const commune = await communes.findByName(options.commune);
      if (!commune) throw new CdceError("commune.unknown", "commune.unknown", { name: prefixWithin(options.commune, 60) });
      communeId = commune.id;
      inCommune = t("role.inCommune", { commune: commune.name });
    }
    const person = (await namedPerson(options.qui, { actor, services, users }, true))!;
    const had = (await memberships.activeFor(person.id, now)).some((m) => m.role === options.role && m.communeId === communeId);
    await ensureMembership(services.repos, person.id, options.role, communeId, now);
    // A role newly given starts its welcome journey (direct messages over the next weeks).
    if (!had) await startJourney(services, { personId: person.id, communeId, role: options.role, reason: "given" }, now);
    services.logger.info({ by: actor.personId, person: person.id, role: options.role, communeId }, "role given");
    return message(locale, t("role.given", { user: who, role: options.role, commune: inCommune }));
  },
});
