/**
 * Assembles the core over a database: repositories, kit catalogue, commands, dispatcher.
 * Used by main.ts, the import script, tests and benchmarks; starts no platform and no timer.
 */
import { openDatabase } from "./data/database.js";
import type { DatabaseTimeouts } from "./data/timeouts.js";
import { databaseUnavailableError } from "./data/unavailable.js";
import { seedDemoData } from "./data/seed/seed.js";
import { seedDemoHistory } from "./data/seed/load-history.js";
import { KitCatalog } from "./features/kits/index.js";
import { createDispatcher, type Dispatcher, type DispatcherOptions } from "./core/dispatcher.js";
import type { Services } from "./core/commands.js";
import type { Logger } from "./core/logger.js";
import type { Clock } from "./core/types.js";
import type { DemoClock } from "./features/demo/index.js";
import type { Platform } from "./core/types.js";
import { CHANGE_HOOKS, createRegistry } from "./features/index.js";
import { PrismaLeaseStore } from "./data/lease-store.js";
import { PrismaCalendarMirrorStore } from "./data/calendar-mirror-store.js";
import type { CalendarMirrorStore } from "./core/calendar.js";
import type { OutboxNotifier } from "./delivery/notifier.js";
import { composeServices } from "./compose-services.js";
import type { OutboxStore } from "./delivery/outbox.js";
import type { LeaseStore } from "./cluster/lease.js";
import { boundedDispatcher, COMMAND_SLOTS } from "./command-slots.js";
import { createInbound, type Inbound } from "./core/inbound.js";
import { sharedDispatcher, type SharedDispatcher } from "./cluster/shared-work.js";
import type { WorkQueue } from "./cluster/work-queue.js";

export interface AppOptions {
  databaseUrl: string;
  logger: Logger;
  clock?: Clock;
  seed?: boolean;
  /**
   * With `seed`: also give the demo communes a year of history (rosters, actions, webinars,
   * grades, mentoring), once, on a network with no such data of its own. Off in tests that
   * build their own world.
   */
  demoHistory?: boolean;
  onHandled?: DispatcherOptions["onHandled"];
  /** `platform:workspace:user` accounts that are coordination from the start. */
  coordinators?: ReadonlySet<string>;
  /** How long to wait for the database before telling people it is unavailable (defaults: src/data/timeouts.ts). */
  databaseTimeouts?: Partial<DatabaseTimeouts>;
  /** The terminal demo's movable clock (`services.demo`), when this run is the terminal demo. */
  demo?: DemoClock;
  /** The platforms this deployment posts to (default: all): notices for the others are not queued. */
  platforms?: readonly Platform[];
  /** PUBLIC_URL: the public web address, under which the calendar feeds and the public polls' links are given out. */
  publicUrl?: string;
  /** Communes within this distance (km) are neighbours (NEIGHBOURS_DISTANCE_KM; default 25). */
  neighbourKm?: number;
  /** With several replicas: the queue they share commands through, and this replica's name (src/cluster/shared-work.ts). */
  shareWork?: { queue: WorkQueue; replica: string };
}

export interface App {
  services: Services;
  dispatcher: Dispatcher;
  /** With `shareWork`: the dispatcher sharing commands with the other replicas, to start and stop. */
  shared?: SharedDispatcher;
  /** The dispatcher as platforms are given it (src/core/platform.ts). */
  inbound: Inbound;
  provider: "sqlite" | "postgresql";
  /** The outbox, its notifier and the leases, for the delivery runtime (src/runtime.ts). */
  delivery: { store: OutboxStore; notifier: OutboxNotifier; leases: LeaseStore; calendars: CalendarMirrorStore; ping(): Promise<void> };
  close(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<App> {
  const clock = options.clock ?? (() => new Date());
  const db = await openDatabase({ url: options.databaseUrl, logger: options.logger, timeouts: options.databaseTimeouts });
  try {
    if (options.seed) {
      await seedDemoData(db.repos, clock());
      if (options.demoHistory) {
        const history = await seedDemoHistory(db.prisma, clock());
        options.logger.info(history.written ? { demoHistory: "written", activities: history.plan.activities.length } : { demoHistory: history.why }, "demo history");
      }
    }
    const kits = await KitCatalog.load(db.repos.kits);
    const { services, notifier, store } = composeServices(db.prisma, db.repos, { provider: db.provider, kits, clock, logger: options.logger, demo: options.demo, platforms: options.platforms, publicUrl: options.publicUrl?.replace(/\/+$/, ""), neighbourKm: options.neighbourKm });
    // Bounded: see src/command-slots.ts.
    const bounded = boundedDispatcher(createDispatcher({ registry: createRegistry(), services, onHandled: options.onHandled, coordinators: options.coordinators, explainFailure: databaseUnavailableError, changed: CHANGE_HOOKS }));
    // Takes others' commands while one of its slots is free: a command waits in the cluster's
    // queue only while every replica is full.
    const shared = options.shareWork ? sharedDispatcher(bounded, options.shareWork.queue, { replica: options.shareWork.replica, logger: options.logger, takeBelow: COMMAND_SLOTS }) : undefined;
    const dispatcher = shared ?? bounded;
    const leases = new PrismaLeaseStore(db.prisma);
    const ping = async () => void (await db.prisma.$queryRawUnsafe("SELECT 1"));
    const close = async () => {
      await shared?.close();
      await db.close();
    };
    return { services, dispatcher, ...(shared ? { shared } : {}), inbound: createInbound({ dispatcher, services }), provider: db.provider, delivery: { store, notifier, leases, calendars: new PrismaCalendarMirrorStore(db.prisma), ping }, close };
  } catch (err) {
    await db.close();
    throw err;
  }
}
