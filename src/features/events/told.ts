/**
 * What a reply says about the people a change was meant to reach: only what the outbox holds
 * (the unit of work's notifier counts it), and for the others that they could not be told
 * and what to do. Never "they are told" from intention alone.
 */
import type { Translate } from "../../core/i18n/catalogue.js";
import type { Notifier } from "../../core/notify.js";

/** Key prefixes of the per-person notices of a change (one notice per person and change). */
export const cancelledPrefix = (eventId: string) => `evt:${eventId}:cancelled:`;
export const movedPrefix = (eventId: string, sequence: number) => `evt:${eventId}:moved:s${sequence}:`;
export const promotedPrefix = (eventId: string) => `evt:${eventId}:promoted:`;

/** How many of `people` got the notice under `prefix` in this unit of work, and how many did not. */
export function tally(notifier: Pick<Notifier, "queuedUnder">, prefix: string, people: number): { told: number; untold: number } {
  const told = Math.min(people, notifier.queuedUnder(prefix));
  return { told, untold: people - told };
}

/** Adds the counts of another session's change. */
export function addTally(into: { told: number; untold: number }, more: { told: number; untold: number }): void {
  into.told += more.told;
  into.untold += more.untold;
}

/**
 * Before a change: how many of the people will be reachable when it is made, and how many not
 * (no account the bot can write to privately), each person asked once.
 */
export async function reachable(notifier: Pick<Notifier, "reaches">, people: readonly string[]): Promise<{ told: number; untold: number }> {
  const asked = new Map<string, boolean>();
  for (const personId of people) if (!asked.has(personId)) asked.set(personId, await notifier.reaches({ kind: "person", personId }));
  const told = people.filter((p) => asked.get(p)).length;
  return { told, untold: people.length - told };
}

/** The sentences about the registered people: none, told, could not be told (and what to do). */
export function peopleSentences(t: Translate, { told, untold }: { told: number; untold: number }): string {
  if (told + untold === 0) return t("ev.people.none");
  return [told > 0 ? t("ev.people.told", { count: told }) : "", untold > 0 ? t("ev.people.untold", { count: untold }) : ""].filter(Boolean).join(" ");
}
