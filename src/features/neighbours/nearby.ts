/**
 * Which communes are near which: the great-circle distance between town centres (the
 * communes' coordinates, from the seed's facts or the commune table import), within the
 * configured distance. Pure.
 */
import type { Commune } from "../../core/ports.js";
import { distanceKm } from "../watch/index.js";

export interface Neighbour {
  commune: Commune;
  /** Rounded to the kilometre. */
  km: number;
}

/** Whether a commune can be placed (both coordinates known). */
export const placed = (c: Pick<Commune, "latitude" | "longitude">) => c.latitude !== null && c.longitude !== null;

/**
 * The communes within `maxKm` of `home`, nearest first (then by name); `home` itself, merged
 * and departed communes and communes without coordinates are left out.
 */
export function neighboursOf(home: Commune, communes: readonly Commune[], maxKm: number): Neighbour[] {
  const out: Neighbour[] = [];
  for (const c of communes) {
    if (c.id === home.id || c.status === "merged" || c.status === "left") continue;
    const km = distanceKm(home, c);
    if (km === null || km > maxKm) continue;
    out.push({ commune: c, km: Math.round(km) });
  }
  return out.sort((a, b) => a.km - b.km || a.commune.name.localeCompare(b.commune.name, "fr"));
}

/** The `count` nearest communes whatever the distance (when none is within it). */
export function nearestOf(home: Commune, communes: readonly Commune[], count: number): Neighbour[] {
  return neighboursOf(home, communes, Number.POSITIVE_INFINITY).slice(0, count);
}
