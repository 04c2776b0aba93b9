/**
 * Local services for tests and benchmarks that need real ones: a free loopback port, and
 * Redis (a database of its own per user, flushed around each use) with a visible notice
 * when it is not there, so that the suite skips instead of failing.
 */
import { createServer } from "node:net";
import { Redis } from "ioredis";

/** Redis for tests (a database of its own, flushed before and after). */
export const REDIS_TEST_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/9";

/** A TCP port free on 127.0.0.1 right now (for a child process to listen on). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Whether Redis answers at `url`; prints why not (a visible notice for a skipped suite). */
export async function redisReachable(suite: string, url = REDIS_TEST_URL): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch (error) {
    console.warn(`[${suite}] SKIPPED: Redis unreachable at ${new URL(url).host} (${(error as Error).message}); start it or set TEST_REDIS_URL`);
    return false;
  } finally {
    client.disconnect();
  }
}

/** Empties the Redis database of `url`. */
export async function flushRedis(url = REDIS_TEST_URL): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    await client.flushdb();
  } finally {
    client.disconnect();
  }
}
