/**
 * The queue replicas share commands through (src/cluster/shared-work.ts): jobs every replica
 * takes from, each job handed to exactly one taker, and answers addressed to the replica that
 * put the job. On Redis: src/delivery/redis-work-queue.ts.
 */

export interface WorkQueue {
  push(job: string): Promise<void>;
  /** The oldest job, waiting `timeoutMs` at most; null when none came. */
  take(timeoutMs: number): Promise<string | null>;
  /** Puts back a job just taken, first in line (a taker that found itself full meanwhile). */
  giveBack(job: string): Promise<void>;
  /** Takes `job` back if nobody took it yet: true when it was still waiting. */
  withdraw(job: string): Promise<boolean>;
  answer(origin: string, message: string): Promise<void>;
  /** Calls `onMessage` with every answer sent to `origin`; resolves once listening. */
  listen(origin: string, onMessage: (message: string) => void): Promise<void>;
  close(): Promise<void>;
}
