/**
 * Turns a platform user into an Actor: the person behind the account (created on first
 * use), their language and zone, and the (role, commune) pairs they hold at `now`.
 */
import type { Repositories, Person } from "./ports.js";
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, type Actor, type IncomingCommand, type Role } from "./types.js";
import { toLocale } from "./i18n/catalogue.js";
import { prefixWithin } from "./clip.js";

/** Zones already accepted: building a formatter to check one took ~0.4 ms of CPU on every command (profiled). */
const knownZones = new Set<string>();

/** Accepts only IANA zones the runtime knows; anything else falls back to Brussels. */
export function validTimeZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  if (knownZones.has(zone)) return zone;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    // Bounded by the zones the runtime knows (a few hundred): refused ones are not kept.
    knownZones.add(zone);
    return zone;
  } catch {
    return undefined;
  }
}

export async function resolveActor(incoming: IncomingCommand, repos: Repositories, now: Date): Promise<Actor> {
  const { platform, workspaceId, userId } = incoming;
  const platformLocale = toLocale(incoming.platformLocale);
  const platformZone = validTimeZone(incoming.platformTimeZone);
  let person: Person | null = await repos.identity.findByAccount(platform, workspaceId, userId);
  if (!person) {
    person = await repos.identity.createWithAccount(
      { platform, workspaceId, userId },
      {
        name: prefixWithin(incoming.userName ?? userId, 120),
        locale: platformLocale ?? DEFAULT_LOCALE,
        localeChosen: false,
        timeZone: platformZone ?? DEFAULT_TIME_ZONE,
      },
    );
  } else if (!person.localeChosen && platformLocale && platformLocale !== person.locale) {
    // The platform's language wins until the person picks one with `/cdce langue`.
    person = await repos.identity.updatePerson(person.id, { locale: platformLocale });
  }
  const memberships = await repos.memberships.activeFor(person.id, now);
  return {
    personId: person.id,
    name: person.name,
    platform,
    workspaceId,
    platformUserId: userId,
    locale: person.locale,
    timeZone: person.timeZone,
    ...actorMemberships(memberships),
  };
}

/** The pairs an actor holds, and the communes they make the actor a member of (home first). */
export function actorMemberships(held: readonly { role: Role; communeId: string | null }[]): Pick<Actor, "memberships" | "communeIds"> {
  const memberships = held.map((m) => ({ role: m.role, communeId: m.communeId }));
  const communeIds = [...new Set(memberships.map((m) => m.communeId).filter((c): c is string => !!c))];
  return { memberships, communeIds };
}

/** Gives a person a role (in a commune) unless they already hold it. Used by set-up paths. */
export async function ensureMembership(
  repos: Repositories,
  personId: string,
  role: Role,
  communeId: string | null,
  now: Date,
): Promise<void> {
  const active = await repos.memberships.activeFor(personId, now);
  if (active.some((m) => m.role === role && m.communeId === communeId)) return;
  await repos.memberships.add({ personId, communeId, role, since: now, until: null });
}
