/**
 * Where each registry command sits on Discord: its top-level command (family), and a
 * sub-command or a group and a sub-command (families.ts). Pure and deterministic, computed
 * from the registry: a new command lands in a family by itself. No free-text fallback: a
 * family that cannot hold its commands within Discord's limits is an error, which the
 * registration test reports with the family's name.
 *
 * Commands marked `hidden` (follow-ups run by buttons) are not registered.
 */
import type { CommandRegistry } from "../../core/commands.js";
import { FAMILIES, isReserved, placeOf, type Family } from "./families.js";

/** Discord's maximum of options (sub-commands, groups) at one level. */
export const MAX_ENTRIES = 25;

/** The place of one command. */
export interface Slot {
  /** The registry command name (`initiative modifier`). */
  command: string;
  /** The top-level Discord command (`cdce`, `cdce-admin`…). */
  root: Family;
  /** The sub-command group, when the command is grouped. */
  group?: string;
  /** The sub-command name. */
  sub: string;
  /** Not named in PLACES: placed by the rule (families.ts). */
  derived: boolean;
}

/** The places of all registered commands. */
export interface Layout {
  slots: Slot[];
}

/** The registered (visible) command names of a registry, in its order. */
export function registeredNames(registry: CommandRegistry): string[] {
  return registry.all().filter((d) => !d.hidden).map((d) => d.name);
}

/** The layout of a registry; throws when two commands would share a path. */
export function discordLayout(registry: CommandRegistry): Layout {
  const slots: Slot[] = [];
  const taken = new Map<string, string>();
  for (const def of registry.all()) {
    if (def.hidden) continue;
    const place = placeOf(def.name, def.permission !== undefined);
    const [first, second] = place.path.split(" ") as [string, string | undefined];
    if (place.derived && isReserved(place.family, place.path)) {
      throw new Error(`"${def.name}" would take /${place.family} ${place.path}, kept for another command: give it a place in families.ts`);
    }
    const key = `${place.family} ${place.path}`;
    const other = taken.get(key);
    if (other) throw new Error(`"${def.name}" and "${other}" would both be /${key}`);
    taken.set(key, def.name);
    slots.push({ command: def.name, root: place.family, ...(second ? { group: first, sub: second } : { sub: first }), derived: place.derived });
  }
  // A name at one level is either a group or a sub-command, never both.
  for (const s of slots) {
    if (!s.group && slots.some((o) => o.root === s.root && o.group === s.sub)) throw new Error(`/${s.root} ${s.sub} is both a sub-command and a group`);
  }
  return { slots };
}

/** The families that have at least one command, in FAMILIES order. */
export function usedFamilies(layout: Layout): Family[] {
  return FAMILIES.filter((f) => layout.slots.some((s) => s.root === f));
}

/** A slot as a user types it after the slash: `cdce-admin canal`, `cdce initiative voir`. */
export function pathOf(slot: Slot): string {
  return [slot.root, slot.group, slot.sub].filter(Boolean).join(" ");
}
