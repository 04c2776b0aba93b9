/**
 * Builds the {@link Services} the commands use over one database client, and gives them a
 * `transaction` that builds the same services again over a transaction's client: inside a
 * unit of work, every repository, the notifier (so the outbox rows it writes), the events
 * service and the outbox admin write through that one transaction.
 */
import type { Services } from "./core/commands.js";
import type { Logger } from "./core/logger.js";
import type { Clock, Platform } from "./core/types.js";
import type { KitCatalog } from "./features/kits/index.js";
import type { DemoClock } from "./features/demo/index.js";
import type { GeoSource } from "./features/initiatives/index.js";
import { FileGeoSource } from "./data/repositories/geo.js";
import { EventService } from "./features/events/index.js";
import type { Db } from "./data/client.js";
import { PrismaOutboxStore } from "./data/outbox-store.js";
import { createRepositories } from "./data/repositories/index.js";
import { createCommunity } from "./data/repositories/community.js";
import { PrismaEventRepository } from "./data/repositories/events.js";
import { createActionStores } from "./data/repositories/actions.js";
import { createAmbassadorStores } from "./data/repositories/ambassadors.js";
import { createWatchRepositories } from "./data/repositories/watch.js";
import { createJoiningRepositories } from "./data/repositories/joining.js";
import { PrismaBoardRepository } from "./data/repositories/boards.js";
import { PrismaHomeVisitRepository } from "./data/repositories/home-visits.js";
import { runTransaction } from "./data/transaction.js";
import { OutboxNotifier } from "./delivery/notifier.js";
import { PrismaPendingImportStore } from "./data/repositories/pending-imports.js";
import { sheetCodec } from "./data/spreadsheet/index.js";
import { PlatformCalendars } from "./core/calendar.js";
import { PrismaCalendarMirrorStore } from "./data/calendar-mirror-store.js";
import { CalendarFeedService } from "./features/calendar-feeds/index.js";
import { PrismaFeedTokenStore } from "./data/repositories/calendar-feeds.js";
import { PrismaNeighbourRepository } from "./data/repositories/neighbours.js";
import { PrismaFeastRepository } from "./data/repositories/feasts.js";
import { DEFAULT_NEIGHBOUR_KM } from "./features/neighbours/index.js";

export interface ServiceBase {
  provider: "sqlite" | "postgresql";
  kits: KitCatalog;
  clock: Clock;
  logger: Logger;
  /** The platforms this deployment posts to (default: all); see OutboxNotifier. */
  platforms?: readonly Platform[];
  /** The terminal demo's movable clock, when this run is the terminal demo (src/scheduler/demo-clock.ts). */
  demo?: DemoClock;
  /** PUBLIC_URL: where the public web server (its pages, the calendar feeds) answers. */
  publicUrl?: string;
  /** Communes within this distance (km) are neighbours; default DEFAULT_NEIGHBOUR_KM. */
  neighbourKm?: number;
}

/** What lives as long as the process, whichever client the services are over. */
interface Shared extends ServiceBase {
  /** Read once from its file, then kept: not again for each unit of work. */
  geo: GeoSource;
  /** The platforms' calendar readers, registered by their adapters (one for the process). */
  calendars: PlatformCalendars;
}

export interface ComposedServices {
  services: Services;
  /** The process's notifier: the delivery runtime listens to it to wake the outbox worker. */
  notifier: OutboxNotifier;
  store: PrismaOutboxStore;
}

/** The services over the database's own client (`repos` already built by openDatabase). */
export function composeServices(db: Db, repos: Services["repos"], serviceBase: ServiceBase): ComposedServices {
  const base: Shared = { ...serviceBase, geo: new FileGeoSource(), calendars: new PlatformCalendars() };
  const store = new PrismaOutboxStore(db, base.provider, base.clock);
  const notifier = new OutboxNotifier({ store, repos, clock: base.clock, logger: base.logger.child({ component: "outbox" }), platforms: base.platforms });
  const services: Services = {
    ...over(db, repos, store, notifier, base),
    transaction: (work) => inTransaction(db, base, notifier, work),
  };
  return { services, notifier, store };
}

async function inTransaction<T>(db: Db, base: Shared, processNotifier: OutboxNotifier, work: (scope: Services) => Promise<T>): Promise<T> {
  let due: Date[] = [];
  const result = await runTransaction(db, async (tx) => {
    due = []; // a run that is tried again starts with nothing queued
    const repos = createRepositories(tx, base.provider);
    const store = new PrismaOutboxStore(tx, base.provider, base.clock);
    const notifier = new OutboxNotifier({ store, repos, clock: base.clock, logger: base.logger.child({ component: "outbox" }), platforms: base.platforms });
    notifier.onQueued((dueAt) => due.push(dueAt));
    const scope: Services = { ...over(tx, repos, store, notifier, base), transaction: (inner) => inner(scope) };
    return work(scope);
  });
  // Committed: the rows exist, the worker may look for them.
  for (const dueAt of due) processNotifier.queued(dueAt);
  return result;
}

function over(db: Db, repos: Services["repos"], store: PrismaOutboxStore, notifier: OutboxNotifier, base: Shared): Omit<Services, "transaction"> {
  const calendar = { mirrors: new PrismaCalendarMirrorStore(db), platforms: base.calendars };
  const events = new EventService({ repo: new PrismaEventRepository(db), notifier, repos, calendar, logger: base.logger.child({ component: "events" }) });
  return {
    repos,
    kits: base.kits.over(repos.kits),
    clock: base.clock,
    logger: base.logger,
    notifier,
    outbox: store,
    calendars: base.calendars,
    watch: createWatchRepositories(db, base.provider),
    joining: createJoiningRepositories(db),
    boards: new PrismaBoardRepository(db),
    homeVisits: new PrismaHomeVisitRepository(db),
    community: { ...createCommunity(db), geo: base.geo },
    events,
    calendarFeeds: new CalendarFeedService({ tokens: new PrismaFeedTokenStore(db), publicUrl: base.publicUrl }),
    actions: createActionStores(db),
    ambassadorNetwork: createAmbassadorStores(db),
    neighbours: { repo: new PrismaNeighbourRepository(db), settings: { distanceKm: base.neighbourKm ?? DEFAULT_NEIGHBOUR_KM } },
    feasts: new PrismaFeastRepository(db),
    imports: { codec: sheetCodec, pending: new PrismaPendingImportStore(db) },
    ...(base.demo ? { demo: base.demo } : {}),
    ...(base.publicUrl ? { publicUrl: base.publicUrl } : {}),
  };
}
