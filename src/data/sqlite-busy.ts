/**
 * Several processes on one SQLite file (the bot and `npm run import`, two terminals) take
 * turns at the file's single write lock. Two things made the loser fail instead of wait:
 * - the adapter opens transactions with a plain (deferred) `BEGIN`: a transaction that reads
 *   and then writes must upgrade its lock, and in WAL mode, when another process committed
 *   since the read, SQLite answers SQLITE_BUSY at once, without waiting (waiting could not
 *   help: the snapshot is stale). `BEGIN IMMEDIATE` takes the write lock first, before any
 *   read, so the busy timeout applies and the snapshot is always fresh;
 * - the busy timeout is a synchronous wait in better-sqlite3 (the event loop stops), so it is
 *   kept short, and a statement or `BEGIN` still busy after it is tried again after an
 *   asynchronous pause that grows and is jittered (so that waiting processes do not retry in
 *   step), within a bounded total. A statement that answered SQLITE_BUSY did nothing: trying
 *   it again is safe; a transaction is tried again from its `BEGIN`, before any of its work.
 */
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { Mutex } from "async-mutex";
import pRetry from "p-retry";

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];

export interface BusyRetry {
  /** Retries after the first busy answer (each after SQLite's own busy timeout). */
  retries: number;
  /** First pause; doubled at each retry, times a random factor between 1 and 2. */
  minDelayMs: number;
  maxDelayMs: number;
  /** No retry starts after this long since the first try. */
  maxTotalMs: number;
}

/**
 * Up to a minute in all. A write holds the lock for milliseconds, but a command is one
 * transaction, and on a loaded machine twenty processes queueing for the lock one command
 * after the other were measured to wait more than 30 s for their turn.
 */
export const DEFAULT_BUSY_RETRY: BusyRetry = { retries: 100, minDelayMs: 10, maxDelayMs: 1_000, maxTotalMs: 60_000 };

/** True for SQLITE_BUSY and SQLITE_LOCKED (and their extended codes), however deep Prisma wrapped them. */
export function isSqliteBusy(error: unknown): boolean {
  return errorCodes(error).some((code) => /^SQLITE_(BUSY|LOCKED)/.test(code));
}

/**
 * The `code` and `originalCode` of an error, of its `cause` chain and of the driver adapter
 * error Prisma keeps in `meta.driverAdapterError` (where the database's own code lives).
 */
export function errorCodes(error: unknown, depth = 0): string[] {
  if (typeof error !== "object" || error === null || depth > 6) return [];
  const e = error as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  const own = [e.code, e.originalCode].filter((c): c is string => typeof c === "string");
  return [...own, ...errorCodes(e.cause, depth + 1), ...errorCodes(e.meta?.driverAdapterError, depth + 1)];
}

/** Wraps the adapter factory: immediate transactions, busy statements tried again. */
export function retryBusySqlite(factory: Factory, retry: BusyRetry = DEFAULT_BUSY_RETRY): Factory {
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connect") return async () => patientAdapter(await target.connect(), retry);
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function whileBusy<T>(work: () => Promise<T>, retry: BusyRetry): Promise<T> {
  return pRetry(work, {
    retries: retry.retries,
    factor: 2,
    minTimeout: retry.minDelayMs,
    maxTimeout: retry.maxDelayMs,
    randomize: true,
    maxRetryTime: retry.maxTotalMs,
    shouldRetry: ({ error }) => isSqliteBusy(error),
  });
}

function patientAdapter(adapter: Adapter, retry: BusyRetry): Adapter {
  // One transaction at a time on the one connection, as the adapter's own startTransaction does.
  const lock = new Mutex();
  const begin = async (): Promise<Transaction> => {
    const release = await lock.acquire();
    try {
      await whileBusy(() => adapter.executeRaw(statement("BEGIN IMMEDIATE")), retry);
    } catch (error) {
      release();
      throw error;
    }
    // Prisma ends the transaction with a COMMIT or ROLLBACK statement of its own, then calls
    // commit() or rollback(), which only let the connection go (as in the adapter).
    const end = async () => release();
    return {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      options: { usePhantomQuery: false },
      queryRaw: (query) => adapter.queryRaw(query),
      executeRaw: (query) => adapter.executeRaw(query),
      commit: end,
      rollback: end,
    };
  };
  return new Proxy(adapter, {
    get(target, prop) {
      switch (prop) {
        case "queryRaw":
          return (query: Query) => whileBusy(() => target.queryRaw(query), retry);
        case "executeRaw":
          return (query: Query) => whileBusy(() => target.executeRaw(query), retry);
        case "startTransaction":
          // Other isolation levels: the adapter refuses them with its own error.
          return (isolationLevel?: Parameters<Adapter["startTransaction"]>[0]) =>
            isolationLevel && isolationLevel !== "SERIALIZABLE" ? target.startTransaction(isolationLevel) : begin();
        default: {
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        }
      }
    },
  });
}

function statement(sql: string): Query {
  return { sql, args: [], argTypes: [] };
}
