/**
 * Moving a settable clock forward and running, in time order, every job that came due in
 * between, each with the clock held at its own scheduled instant: what the bot would have
 * done had that time really passed (the Fair-O-Mètre ladder at 09:00 each day, the Monday
 * momentum scan, the digest, the reminders the outbox posts at their hour). Then the clock
 * stays at the target and runs on.
 *
 * Due instants come from each job's cron expression read in its zone (croner; the same
 * grammar as node-cron's: 5 fields, or 6 with seconds first), after the start (excluded) and
 * up to the target (included).
 *
 * Jobs that fire more often than `sparseUnderMs` (the outbox sweep every 2 seconds, the poll
 * closing every 5 minutes) would mean a million runs for a month: they run only at their
 * first own tick after something may be waiting for them, that is after another job ran, or
 * after `nextWake` says something comes due (the outbox's next message).
 */
import { Cron } from "croner";
import { ClockBackwardsError, type SettableClock } from "../core/time/settable-clock.js";

/** What the advance needs of a job: its name and when it runs. */
export interface TimedJob {
  name: string;
  schedule: string;
  timeZone?: string;
}

export interface AdvanceOptions<J extends TimedJob> {
  jobs: readonly J[];
  clock: SettableClock;
  to: Date;
  /** Runs `job` as its schedule would at `at` (the clock is held there meanwhile); a throw is recorded, not fatal. */
  runAt(job: J, at: Date): Promise<void>;
  /** Zone of jobs that name none. */
  defaultTimeZone: string;
  /** Schedules replaced by configuration, by job name (as the scheduler applies them). */
  overrides?: Readonly<Record<string, string>>;
  /** Jobs whose consecutive runs are closer than this run sparsely (see above). Default: one hour. */
  sparseUnderMs?: number;
  /** The first instant strictly after `after` at which something comes due for the sparse jobs, if any. */
  nextWake?(after: Date): Promise<Date | undefined>;
  /** A bound on runs, against a schedule or a wake source that never ends. Default: 100,000. */
  maxRuns?: number;
}

export interface AdvanceRun {
  job: string;
  at: Date;
  ok: boolean;
}

export interface AdvanceResult {
  from: Date;
  to: Date;
  /** Every run, in the order (and at the instants) they happened. */
  runs: AdvanceRun[];
}

const HOUR_MS = 3_600_000;

/** A cron expression read in a zone, for computing instants only (it starts no timer). */
export function cronIn(schedule: string, timeZone: string): Cron {
  return new Cron(schedule, { timezone: timeZone, mode: "5-or-6-parts", paused: true });
}

/** The instants a schedule fires after `from` (excluded) up to `to` (included), at most `limit`. */
export function dueInstants(schedule: string, timeZone: string, from: Date, to: Date, limit = 10_000): Date[] {
  const cron = cronIn(schedule, timeZone);
  const out: Date[] = [];
  for (let at = cron.nextRun(from); at && at <= to && out.length < limit; at = cron.nextRun(at)) out.push(at);
  return out;
}

/** The first instant `cron` fires at or after `at`. */
function firstAtOrAfter(cron: Cron, at: Date): Date | null {
  return cron.nextRun(new Date(at.getTime() - 1));
}

interface Regular<J> {
  job: J;
  cron: Cron;
  next: Date | null;
}
interface Sparse<J> {
  job: J;
  cron: Cron;
  /** Something may be waiting for it since this instant. */
  pendingSince?: Date;
}

export async function advanceClock<J extends TimedJob>(o: AdvanceOptions<J>): Promise<AdvanceResult> {
  const from = o.clock.now();
  if (o.to < from) throw new ClockBackwardsError(from, o.to);
  const sparseUnder = o.sparseUnderMs ?? HOUR_MS;
  const maxRuns = o.maxRuns ?? 100_000;
  const regular: Regular<J>[] = [];
  const sparse: Sparse<J>[] = [];
  for (const job of o.jobs) {
    const cron = cronIn(o.overrides?.[job.name] ?? job.schedule, job.timeZone ?? o.defaultTimeZone);
    const first = cron.nextRun(from);
    const second = first && cron.nextRun(first);
    if (first && second && second.getTime() - first.getTime() < sparseUnder) sparse.push({ job, cron });
    else regular.push({ job, cron, next: first });
  }
  const runs: AdvanceRun[] = [];
  const wakeSparse = (since: Date) => {
    if (since > o.to) return;
    for (const s of sparse) if (!s.pendingSince || since < s.pendingSince) s.pendingSince = since;
  };
  const refreshWake = async (after: Date) => {
    const wake = await o.nextWake?.(after);
    if (wake) wakeSparse(wake);
  };
  let finished = false;
  try {
    await refreshWake(from);
    for (;;) {
      // The earliest due run; at the same instant, the regular jobs first (in list order), then the sparse ones.
      let pick: { at: Date; regular?: Regular<J>; sparse?: Sparse<J> } | undefined;
      for (const r of regular) if (r.next && r.next <= o.to && (!pick || r.next < pick.at)) pick = { at: r.next, regular: r };
      for (const s of sparse) {
        const at = s.pendingSince && firstAtOrAfter(s.cron, s.pendingSince);
        if (at && at <= o.to && (!pick || at < pick.at)) pick = { at, sparse: s };
      }
      if (!pick) break;
      if (runs.length >= maxRuns) throw new Error(`demo clock: more than ${maxRuns} job runs before ${o.to.toISOString()}`);
      const { at } = pick;
      const job = (pick.regular ?? pick.sparse)!.job;
      o.clock.holdAt(at);
      let ok = true;
      try {
        await o.runAt(job, at);
      } catch {
        ok = false;
      }
      runs.push({ job: job.name, at, ok });
      if (pick.regular) {
        pick.regular.next = pick.regular.cron.nextRun(at);
        wakeSparse(at);
      } else pick.sparse!.pendingSince = undefined;
      await refreshWake(at);
    }
    finished = true;
  } finally {
    // Done: the clock runs on from the target. Stopped half-way: from where it got to.
    o.clock.resumeAt(finished ? o.to : o.clock.now());
  }
  return { from, to: o.to, runs };
}
