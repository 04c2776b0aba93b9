/**
 * The queue of shared commands (src/cluster/work-queue.ts) on Redis, beside the other Redis
 * code of the bot (the shared rate limits, limits.ts): a list every replica takes jobs from
 * (BRPOP hands each job to exactly one taker) and one channel per replica where the answers to
 * its jobs come back (pub/sub: an answer for a replica that is gone is dropped with it, as its
 * user's request went with it).
 */
import type { Logger } from "../core/logger.js";
import type { WorkQueue } from "../cluster/work-queue.js";

/**
 * Three connections: commands, the blocking take, the subscription (a subscribed or blocked
 * connection does nothing else). `namespace` keeps deployments that share a Redis apart (the
 * replicas of one deployment give the same).
 */
export async function createRedisWorkQueue(url: string, namespace: string, logger: Logger): Promise<WorkQueue> {
  const JOBS = `cdce:work:${namespace}:jobs`;
  const answers = (origin: string) => `cdce:work:${namespace}:answers:${origin}`;
  const { Redis } = await import("ioredis");
  const open = (role: string) => {
    const client = new Redis(url, { maxRetriesPerRequest: 3, enableOfflineQueue: true, lazyConnect: false });
    client.on("error", (err: unknown) => logger.warn({ err, role }, "redis (shared work) error"));
    return client;
  };
  const commands = open("commands");
  const taker = open("taker");
  const subscriber = open("answers");
  const listeners = new Map<string, (message: string) => void>();
  subscriber.on("message", (channel: string, message: string) => listeners.get(channel)?.(message));
  return {
    push: async (job) => void (await commands.lpush(JOBS, job)),
    async take(timeoutMs) {
      const got = await taker.brpop(JOBS, Math.max(0.01, timeoutMs / 1000));
      return got ? got[1] : null;
    },
    giveBack: async (job) => void (await commands.rpush(JOBS, job)),
    withdraw: async (job) => (await commands.lrem(JOBS, 1, job)) > 0,
    answer: async (origin, message) => void (await commands.publish(answers(origin), message)),
    async listen(origin, onMessage) {
      listeners.set(answers(origin), onMessage);
      await subscriber.subscribe(answers(origin));
    },
    async close() {
      // The taker may be blocked in BRPOP: disconnected, not asked to quit politely.
      taker.disconnect();
      await Promise.allSettled([commands.quit(), subscriber.quit()]);
    },
  };
}
