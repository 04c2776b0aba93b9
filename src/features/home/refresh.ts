/**
 * When homes and boards are refreshed: after each change, for the person who made it, the
 * members of the commune it concerns, and the boards showing that commune. Refreshes are
 * paced: the key names a window of PACE_MS and the row is due at its end, so that any number
 * of changes in one window publish each home once, with the state at the end of the window
 * (the content is built when the row is sent). This breaks the rule "keys never hold the
 * time" on purpose: here the window is what identifies one refresh.
 */
import type { Services } from "../../core/commands.js";
import type { ChangeHook } from "../../core/chain/context.js";
import type { ChannelRef } from "../../core/types.js";

/** One refresh per surface per window. */
export const PACE_MS = 10_000;
/** Homes refreshed after one change, at most (the rest are current on their next visit). */
export const MAX_MEMBERS = 200;

/** The window of `now`: its start (in the key) and its end (when the refresh is due). */
export function paceWindow(now: Date): { start: number; dueAt: Date } {
  const start = Math.floor(now.getTime() / PACE_MS) * PACE_MS;
  return { start, dueAt: new Date(start + PACE_MS) };
}

export async function refreshHome(services: Services, personId: string, now: Date): Promise<void> {
  const w = paceWindow(now);
  await services.notifier.refresh({ kind: "home", personId }, { key: `home:${personId}:${w.start}`, dueAt: w.dueAt });
}

/** A board refreshed now (pinning it), or at the end of the window (after a change). */
export async function refreshBoard(services: Services, channel: ChannelRef, now: Date, at: "now" | "paced" = "paced"): Promise<void> {
  const w = paceWindow(now);
  const where = `${channel.platform}:${channel.workspaceId}:${channel.channelId}`;
  await services.notifier.refresh({ kind: "board", channel }, at === "now" ? { key: `board:${where}:pin:${now.getTime()}`, dueAt: now } : { key: `board:${where}:${w.start}`, dueAt: w.dueAt });
}

/**
 * After a change: the homes of the actor and of the commune's members, among those who have
 * opened their home at least once (the others see it current when they first open it), the
 * commune's boards and coordination's.
 */
export const afterChange: ChangeHook = async ({ services, actor, commune, now }) => {
  const people = new Set([actor.personId]);
  if (commune) for (const m of await services.repos.memberships.activeInCommune(commune.id, now)) people.add(m.personId);
  const opened = await services.homeVisits.openedAmong([...people]);
  for (const personId of [...people].filter((p) => opened.has(p)).slice(0, MAX_MEMBERS)) await refreshHome(services, personId, now);
  for (const board of await services.boards.showing(commune?.id ?? null)) await refreshBoard(services, board.channel, now);
};
