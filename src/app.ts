/**
 * Assembles the core over a database: repositories, kit catalogue, commands, dispatcher.
 * Used by main.ts, the import script, tests and benchmarks; starts no platform and no timer.
 */
import { openDatabase } from "./data/database.js";
import { seedDemoData } from "./data/seed/seed.js";
import { KitCatalog } from "./core/kits/service.js";
import { createDispatcher, type Dispatcher, type DispatcherOptions } from "./core/dispatcher.js";
import type { Services } from "./core/commands.js";
import type { Logger } from "./core/logger.js";
import type { Clock } from "./core/types.js";
import { createRegistry } from "../commands/index.js";

export interface AppOptions {
  databaseUrl: string;
  logger: Logger;
  clock?: Clock;
  seed?: boolean;
  onHandled?: DispatcherOptions["onHandled"];
}

export interface App {
  services: Services;
  dispatcher: Dispatcher;
  provider: "sqlite" | "postgresql";
  close(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<App> {
  const clock = options.clock ?? (() => new Date());
  const db = await openDatabase({ url: options.databaseUrl, logger: options.logger });
  try {
    if (options.seed) await seedDemoData(db.repos, clock());
    const kits = await KitCatalog.load(db.repos.kits);
    const services: Services = { repos: db.repos, kits, clock, logger: options.logger };
    const dispatcher = createDispatcher({ registry: createRegistry(), services, onHandled: options.onHandled });
    return { services, dispatcher, provider: db.provider, close: () => db.close() };
  } catch (err) {
    await db.close();
    throw err;
  }
}
