/**
 * What the neighbours feature stores: each commune's answers to the items of its "near you"
 * digest ("Nous aussi", "Agir ensemble"), once per commune, item and answer. Implemented in
 * src/data/repositories/neighbours.ts.
 */
export const NEIGHBOUR_ANSWERS = ["too", "together"] as const;
export type NeighbourAnswer = (typeof NEIGHBOUR_ANSWERS)[number];

export interface NeighbourRepository {
  /** Records the answer; false when the commune had already given it for this item. */
  answer(input: { communeId: string; item: string; answer: NeighbourAnswer; at: Date }): Promise<boolean>;
  /** How many communes gave this answer to the item. */
  count(item: string, answer: NeighbourAnswer): Promise<number>;
}

/** The settings of the feature (read from the environment at start, see docs/territory.md). */
export interface NeighbourSettings {
  /** Communes within this distance (km, as the crow flies) are neighbours. */
  distanceKm: number;
}

/** The default of NEIGHBOURS_DISTANCE_KM. */
export const DEFAULT_NEIGHBOUR_KM = 25;
