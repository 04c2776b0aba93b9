/**
 * When a person acted, for ordering what they asked: the platform's own stamp of the click
 * (Slack's `action_ts`, the time inside a Discord interaction's id), not the time a replica
 * got round to it. Two replicas answer clicks in parallel, each with its own queue, so the
 * order in which they handle clicks is not the order people clicked in; the platform's stamp
 * is the same clock for every click. A stamp from the future, or older than five minutes
 * (Slack refuses requests older than that; a clock that drifted, a replayed request), is not
 * trusted: then the time it is handled counts. A burst can keep a click waiting for its turn
 * for a minute and more on a busy machine, so the window is not shorter.
 */
const TRUSTED_PAST_MS = 5 * 60_000;

export function actedAt(stamp: Date | undefined, now: Date): Date {
  if (!stamp || Number.isNaN(stamp.getTime())) return now;
  const age = now.getTime() - stamp.getTime();
  return age < 0 || age > TRUSTED_PAST_MS ? now : stamp;
}
