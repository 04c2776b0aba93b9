/**
 * The one place where permissions are decided. Commands name a permission; the
 * dispatcher (and buttons, forms, scheduled actions) ask `can()`. Nothing else checks roles.
 *
 * An actor holds (role, commune) pairs. A right on a commune comes only from a pair held in
 * THAT commune: a CoPil seat in Eupen plus a volunteer's badge in Namur manages Eupen and
 * contributes to Namur, never more. Coordination (a network-wide pair) may do everything.
 */
import { CdceError } from "./errors.js";
import type { Actor, ActorMembership, Role } from "./types.js";

export const PERMISSIONS = [
  /** Add or edit kits of the catalogue. */
  "kit.manage",
  /** Map platform channels to communes and to the network's channels; give roles. */
  "channels.configure",
  /** Act for a commune's CoPil (events, Fair-O-Mètre, ideas): needs the commune. */
  "commune.manage",
  /** Network-wide administration (webinars, outbox, momentum watch, initiative moderation). */
  "network.admin",
  /** Share for a commune (initiatives, experience sheets, ideas, tools): any member of it. */
  "commune.contribute",
  /** Keep a commune's CoPil roster (add, remove members): its CoPil members only. */
  "copil.manage",
  /** Read a commune's own dashboards (deadlines, roster, participations): any member of it. */
  "commune.view",
  /**
   * Share an initiative with the whole network: any member of the commune it happened in,
   * and an ambassador of the network (held without a commune) for any commune.
   */
  "network.share",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Members of a commune in any role (coordination is not "of" a commune). */
const MEMBER_ROLES: readonly Role[] = ["copil", "elu", "agent", "benevole", "ambassadeur"];

/**
 * For each permission tied to a commune, the roles that grant it in the commune they are
 * held for. Network permissions are absent: coordination alone has them.
 */
const GRANTED_IN_COMMUNE: Partial<Record<Permission, readonly Role[]>> = {
  "commune.contribute": MEMBER_ROLES,
  "commune.view": MEMBER_ROLES,
  "commune.manage": ["copil", "agent", "elu"],
  // Stricter than commune.manage: the roster is the CoPil's own business.
  "copil.manage": ["copil"],
  "network.share": MEMBER_ROLES,
};

/**
 * Permissions that a role held for the whole network (no commune) grants in every commune:
 * an ambassador of the network shares what they saw anywhere, credited as such.
 */
const GRANTED_NETWORK_WIDE: Partial<Record<Permission, readonly Role[]>> = {
  "network.share": ["ambassadeur"],
};

/** Whether members of a commune (not coordination alone) can hold `permission` there. */
export function grantedInCommune(permission: Permission): boolean {
  return GRANTED_IN_COMMUNE[permission] !== undefined;
}

/**
 * Whether every member of a commune, whatever their role, holds `permission` there: then
 * someone refused it without any commune lacks a membership, not a role.
 */
export function grantedToEveryMember(permission: Permission): boolean {
  const roles = GRANTED_IN_COMMUNE[permission];
  return roles !== undefined && MEMBER_ROLES.every((r) => roles.includes(r));
}

/** What a permission is asked about: a commune, or (no target) "in some commune at least". */
export interface PermissionTarget {
  communeId: string | null | undefined;
}

/** Whether the actor holds the network-wide coordination role. */
export function isCoordination(actor: Pick<Actor, "memberships">): boolean {
  return actor.memberships.some((m) => m.role === "coordination");
}

/** Whether this one pair grants `permission` in `communeId`. */
export function membershipGrants(m: ActorMembership, permission: Permission, communeId: string): boolean {
  if (m.role === "coordination") return true;
  if (m.communeId === null) return GRANTED_NETWORK_WIDE[permission]?.includes(m.role) ?? false;
  return m.communeId === communeId && (GRANTED_IN_COMMUNE[permission]?.includes(m.role) ?? false);
}

/**
 * Whether `actor` may do `permission` on `target`'s commune. Without a target: whether some
 * pair grants it in at least one commune (the dispatcher's first gate, the help listing);
 * the command then asks again with the commune it acts on. A target without a commune
 * (unknown, not resolved) grants nothing but coordination.
 */
export function can(actor: Pick<Actor, "memberships">, permission: Permission, target?: PermissionTarget): boolean {
  if (isCoordination(actor)) return true;
  const roles = GRANTED_IN_COMMUNE[permission];
  if (!roles) return false;
  if (target === undefined) return actor.memberships.some((m) => (m.communeId !== null && roles.includes(m.role)) || (m.communeId === null && (GRANTED_NETWORK_WIDE[permission]?.includes(m.role) ?? false)));
  const communeId = target.communeId;
  if (!communeId) return false;
  return actor.memberships.some((m) => membershipGrants(m, permission, communeId));
}

/**
 * A refusal for lack of rights, in the user's language. The dispatcher counts it as
 * "refused" (not as a typing mistake), so metrics and tests can tell the two apart.
 */
export class PermissionDenied extends CdceError {}

/** Throws `refusal` unless `actor` may do `permission` on `target`. */
export function requirePermission(actor: Pick<Actor, "memberships">, permission: Permission, target: PermissionTarget, refusal: ConstructorParameters<typeof PermissionDenied>): void {
  if (!can(actor, permission, target)) throw new PermissionDenied(...refusal);
}

/**
 * Whether `actor` may edit or delete something a person wrote (an initiative, a sheet, a
 * poll): its author, or coordination. Content whose author erased their data
 * (`authorId` null) is coordination's alone.
 */
export function canModify(actor: Pick<Actor, "memberships" | "personId">, item: { authorId: string | null }): boolean {
  if (isCoordination(actor)) return true;
  return item.authorId !== null && item.authorId === actor.personId;
}

/**
 * Whether content not yet published (awaiting moderation, or refused) exists for `actor`:
 * its author, its commune's CoPil and coordination only. Everyone else is told it is not
 * found, so that nothing (title, author, commune) leaks by any command.
 */
export function canSeeUnpublished(actor: Pick<Actor, "memberships" | "personId">, item: { authorId: string | null; communeId: string }): boolean {
  return canModify(actor, item) || can(actor, "copil.manage", { communeId: item.communeId });
}
