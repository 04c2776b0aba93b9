/**
 * Replicas share their commands. Platforms do not spread work evenly: Discord's gateway
 * delivers every interaction to the one replica holding it, and a load balancer sends Slack
 * requests around without knowing what each costs. So a replica whose command slots are all
 * taken (src/command-slots.ts) does not queue a new command behind them: it puts it on a queue
 * every replica takes from when it has room, and answers its user with the reply that comes
 * back. Only the command travels (who, what, when: src/cluster/wire.ts), never a platform
 * handle: the replica that received the request acknowledges it and delivers the reply.
 *
 * Off by default (SHARE_COMMANDS): it pays when the replicas run on separate machines. Measured
 * with both replicas on one 2-core machine (the RSVP burst bench), it cost about 1.5 ms of CPU
 * per command (Redis, encoding) and lengthened the replies, since both replicas already share
 * that machine's cores.
 *
 * Each job runs once. A job nobody took within `withdrawAfterMs` is taken back and run here
 * (LREM tells whether it was still waiting); one that was taken is waited for until
 * `giveUpAfterMs`, then answered as a failure, and a taker never starts a job past that
 * instant (its user has been answered). A command with files runs where it arrived (the
 * files stay in this process).
 */
import { randomUUID } from "node:crypto";
import type { Dispatcher } from "../core/dispatcher.js";
import type { Logger } from "../core/logger.js";
import type { IncomingCommand, Reply } from "../core/types.js";
import type { WorkQueue } from "./work-queue.js";
import { decodeIncoming, decodeReply, encodeIncoming, encodeReply } from "./wire.js";

/** The local dispatcher, bounded, with how many commands it holds (running and waiting). */
export interface LocalDispatcher extends Dispatcher {
  busy(): boolean;
  load(): number;
}

export interface SharedWorkOptions {
  replica: string;
  logger: Logger;
  /** This replica takes others' jobs while it holds fewer commands than this. */
  takeBelow: number;
  withdrawAfterMs?: number;
  giveUpAfterMs?: number;
  /** Wall clock (ms) for the jobs' deadlines, read by every replica. */
  now?: () => number;
}

interface Job {
  id: string;
  origin: string;
  /** After this instant (ms since the epoch) nobody starts it: its user was answered. */
  until: number;
  incoming: string;
}

type Answer = { id: string; reply: string } | { id: string; failed: true };

export interface SharedDispatcher extends Dispatcher {
  busy(): boolean;
  /** Listens for answers and starts taking jobs. */
  start(): Promise<void>;
  /** Stops taking jobs (jobs handed out still get their answers until close). */
  stopTaking(): Promise<void>;
  close(): Promise<void>;
  /** Jobs handed out, taken (its own included), taken back unstarted, and put back by a taker that was full, since the start. */
  readonly counts: { shared: number; taken: number; withdrawn: number; givenBack: number };
}

export function sharedDispatcher(local: LocalDispatcher, queue: WorkQueue, o: SharedWorkOptions): SharedDispatcher {
  // Every replica takes from the queue, this one too: a job waits this long only when this
  // replica cannot reach the queue's takers at all, not when the cluster is merely full.
  const withdrawAfterMs = o.withdrawAfterMs ?? 10_000;
  const giveUpAfterMs = o.giveUpAfterMs ?? 60_000;
  const now = o.now ?? (() => Date.now());
  const waiting = new Map<string, (answer: Answer) => void>();
  const counts = { shared: 0, taken: 0, withdrawn: 0, givenBack: 0 };
  let taking: Promise<void> | undefined;
  const running = new Set<Promise<void>>();
  let stopped = false;
  let listening = false;

  async function share(incoming: IncomingCommand): Promise<Reply> {
    const job: Job = { id: randomUUID(), origin: o.replica, until: now() + giveUpAfterMs, incoming: encodeIncoming(incoming) };
    const text = JSON.stringify(job);
    const answered = new Promise<Answer>((resolve) => waiting.set(job.id, resolve));
    const timers: NodeJS.Timeout[] = [];
    const after = (ms: number) => new Promise<"late">((resolve) => timers.push(setTimeout(resolve, ms, "late")));
    try {
      await queue.push(text);
      counts.shared++;
      let first = await Promise.race([answered, after(withdrawAfterMs)]);
      if (first === "late") {
        if (await queue.withdraw(text)) {
          counts.withdrawn++;
          return await local.handle(incoming);
        }
        first = await Promise.race([answered, after(giveUpAfterMs - withdrawAfterMs)]);
      }
      if (first === "late" || "failed" in first) throw new Error(first === "late" ? "a shared command got no answer in time" : "a shared command failed where it ran");
      return decodeReply(first.reply);
    } finally {
      waiting.delete(job.id);
      for (const t of timers) clearTimeout(t);
    }
  }

  async function run(text: string): Promise<void> {
    let job: Job;
    try {
      job = JSON.parse(text) as Job;
    } catch {
      return o.logger.warn({ length: text.length }, "shared work: unreadable job dropped");
    }
    if (now() > job.until) return o.logger.warn({ job: job.id, origin: job.origin }, "shared work: job past its time, not started");
    counts.taken++;
    let answer: Answer;
    try {
      answer = { id: job.id, reply: encodeReply(await local.handle(decodeIncoming(job.incoming))) };
    } catch (err) {
      // The dispatcher answers the user's own mistakes itself; this is the unexpected.
      o.logger.error({ err, job: job.id }, "shared work: job failed");
      answer = { id: job.id, failed: true };
    }
    await queue.answer(job.origin, JSON.stringify(answer)).catch((err: unknown) => o.logger.warn({ err, job: job.id }, "shared work: answer not sent"));
  }

  async function takeLoop(): Promise<void> {
    while (!stopped) {
      if (local.load() >= o.takeBelow) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      try {
        const text = await queue.take(1_000);
        // Blocked in the take since before this replica filled up: the job goes back, first in
        // line, for a replica with room (or for this one once it has room again).
        if (text && local.load() >= o.takeBelow) {
          await queue.giveBack(text);
          counts.givenBack++;
          continue;
        }
        if (text) {
          const r = run(text).finally(() => running.delete(r));
          running.add(r);
        }
      } catch (err) {
        if (stopped) return;
        o.logger.warn({ err }, "shared work: taking failed, trying again in 1 s");
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
  }

  return {
    registry: local.registry,
    users: local.users,
    busy: () => local.busy(),
    counts,
    handle(incoming) {
      // Files stay where they arrived; before the answers are heard, nothing is shared.
      if (!listening || stopped || !local.busy() || incoming.files?.length) return local.handle(incoming);
      return share(incoming).catch((err: unknown) => {
        o.logger.error({ err }, "shared work: no answer, the command may or may not have run");
        throw err;
      });
    },
    async start() {
      await queue.listen(o.replica, (message) => {
        try {
          const answer = JSON.parse(message) as Answer;
          waiting.get(answer.id)?.(answer);
        } catch {
          o.logger.warn({ length: message.length }, "shared work: unreadable answer dropped");
        }
      });
      listening = true;
      taking = takeLoop();
    },
    async stopTaking() {
      stopped = true;
      await taking;
      // Jobs taken are finished and answered: their users are waiting on another replica.
      await Promise.allSettled([...running]);
      o.logger.info({ ...counts }, "shared work: stopped taking");
    },
    async close() {
      await this.stopTaking();
      await queue.close();
    },
  };
}
