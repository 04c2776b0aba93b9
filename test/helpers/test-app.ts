/**
 * A complete app (real dispatcher, real repositories) over a fresh SQLite file in the
 * temp folder, seeded with the demo communes and the kit catalogue. The clock is
 * controllable. Close it after use.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, type App, type AppOptions } from "../../src/app.js";
import { silentLogger, type Logger } from "../../src/core/logger.js";
import { pgReachable, scratchPostgres } from "../integration/data/support.js";

export interface TestApp extends App {
  /** Moves the controllable clock. */
  setNow(d: Date): void;
  databaseUrl: string;
}

export async function createTestApp(
  options: { now?: Date; seed?: boolean; demoHistory?: boolean; logger?: Logger; databaseUrl?: string; coordinators?: ReadonlySet<string>; onHandled?: AppOptions["onHandled"]; platforms?: AppOptions["platforms"]; publicUrl?: string } = {},
): Promise<TestApp> {
  let now = options.now ?? new Date("2026-11-29T10:00:00Z");
  const dir = options.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), "cdce-test-"));
  const databaseUrl = options.databaseUrl ?? `file:${join(dir!, "test.db")}`;
  const app = await createApp({
    databaseUrl,
    logger: options.logger ?? silentLogger,
    clock: () => now,
    seed: options.seed ?? true,
    demoHistory: options.demoHistory,
    coordinators: options.coordinators,
    onHandled: options.onHandled,
    platforms: options.platforms,
    publicUrl: options.publicUrl,
  });
  return {
    ...app,
    databaseUrl,
    setNow(d: Date) {
      now = d;
    },
    async close() {
      await app.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

type TestAppOptions = Parameters<typeof createTestApp>[0];

/** The same app over a fresh PostgreSQL schema, dropped when the app closes. */
export async function createPostgresTestApp(options: Omit<NonNullable<TestAppOptions>, "databaseUrl"> = {}): Promise<TestApp> {
  const scratch = scratchPostgres();
  const app = await createTestApp({ ...options, databaseUrl: scratch.url });
  return {
    ...app,
    async close() {
      await app.close();
      await scratch.cleanup();
    },
  };
}

/**
 * Apps on each database a suite runs on, for `describe.each`: SQLite always, PostgreSQL when
 * it answers (otherwise `pgReachable` prints why its cases are absent).
 */
export async function appsOnEachDatabase(suite: string, options: Omit<NonNullable<TestAppOptions>, "databaseUrl"> = {}): Promise<[string, () => Promise<TestApp>][]> {
  const providers: [string, () => Promise<TestApp>][] = [["SQLite", () => createTestApp(options)]];
  if (await pgReachable(suite)) providers.push(["PostgreSQL", () => createPostgresTestApp(options)]);
  return providers;
}
