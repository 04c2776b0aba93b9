/**
 * The one place where permissions are decided. Commands name a permission; the
 * dispatcher (and buttons, forms, scheduled actions) ask `can()`. Nothing else checks roles.
 */
import type { Actor, Role } from "./types.js";

export const PERMISSIONS = [
  /** Add or edit kits of the catalogue. */
  "kit.manage",
  /** Map platform channels to communes and to the network's channels. */
  "channels.configure",
  /** Act for a commune's CoPil (events, roster, ideas): needs the commune. */
  "commune.manage",
  /** Network-wide administration (webinars, outbox, momentum watch, initiative moderation). */
  "network.admin",
  /** Share for a commune (initiatives, experience sheets, ideas): any member of it. */
  "commune.contribute",
  /** Keep a commune's CoPil roster (add, remove members): its CoPil members only. */
  "copil.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Roles that may act for a commune they belong to. */
const COMMUNE_MANAGERS: readonly Role[] = ["copil", "agent", "elu"];

/**
 * Whether `actor` may do `permission`, optionally on a given commune.
 * Coordination may do everything; CoPil members, municipal staff and councillors manage
 * their own commune; everyone else reads and takes part.
 */
export function can(actor: Actor, permission: Permission, target?: { communeId?: string | null }): boolean {
  if (actor.roles.includes("coordination")) return true;
  switch (permission) {
    case "kit.manage":
    case "channels.configure":
    case "network.admin":
      return false;
    case "commune.contribute": {
      const communeId = target?.communeId;
      return communeId ? actor.communeIds.includes(communeId) : actor.communeIds.length > 0;
    }
    case "copil.manage": {
      // Stricter than commune.manage: the roster is the CoPil's own business.
      if (!actor.roles.includes("copil")) return false;
      const communeId = target?.communeId;
      return communeId ? actor.communeIds.includes(communeId) : actor.communeIds.length > 0;
    }
    case "commune.manage": {
      if (!actor.roles.some((r) => COMMUNE_MANAGERS.includes(r))) return false;
      const communeId = target?.communeId;
      return communeId ? actor.communeIds.includes(communeId) : actor.communeIds.length > 0;
    }
  }
}

/**
 * Whether `actor` may edit or delete something a person wrote (an initiative, a sheet, a
 * poll): its author, or coordination. Content whose author erased their data
 * (`authorId` null) is coordination's alone.
 */
export function canModify(actor: Actor, item: { authorId: string | null }): boolean {
  if (actor.roles.includes("coordination")) return true;
  return item.authorId !== null && item.authorId === actor.personId;
}
