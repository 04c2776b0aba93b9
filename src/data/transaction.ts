/**
 * One database transaction for a unit of work, on SQLite and PostgreSQL alike (Prisma
 * interactive transactions). The work receives a client bound to the transaction and
 * typed as the ordinary one, so the repositories are built over it unchanged:
 * - their own `$transaction(...)` calls become savepoints of the surrounding transaction
 *   (a repository that retries its small transaction retries the savepoint, not the unit);
 * - {@link withSavepoint} lets a repository try a write that may break a unique key and go on
 *   afterwards: PostgreSQL refuses every statement of a transaction after a failed one,
 *   unless the failure happened inside a savepoint that was rolled back.
 * A unit that lost a race with another writer (a PostgreSQL serialization failure or
 * deadlock) is run again, whole: nothing it did survived the rollback, and whatever it
 * wants to do after the commit (waking the outbox worker) is done only once it committed.
 */
import type { Db } from "./client.js";

/** The client inside an interactive transaction. */
type TxClient = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const SCOPED = Symbol("cdce.transaction");
const ROOT = Symbol("cdce.transaction.root");

export interface TransactionOptions {
  /** How long the unit may wait for the connection (SQLite: for the transaction before it). */
  maxWaitMs?: number;
  /** How long the unit may hold the transaction open before Prisma rolls it back. */
  timeoutMs?: number;
  /** Runs of a unit that keeps losing races with other writers, the first included. */
  attempts?: number;
}

// Generous: on a loaded 2-core machine, commands queue behind each other on SQLite's
// single connection, and a unit that is rolled back for taking too long is a lost command.
const DEFAULTS: Required<TransactionOptions> = { maxWaitMs: 65_000, timeoutMs: 30_000, attempts: 4 };

/** Whether `db` is already bound to a transaction (then a new unit joins it). */
export function inTransaction(db: Db): boolean {
  return (db as unknown as Record<symbol, unknown>)[SCOPED] === true;
}

/**
 * The client a transaction was opened on (the client itself outside a transaction): what
 * lives as long as the client, such as the identity cache, is keyed by it.
 */
export function rootOf(db: object): object {
  return ((db as Record<symbol, unknown>)[ROOT] as object | undefined) ?? db;
}

/**
 * Runs `work` in one transaction and returns what it returned once committed; rolls back
 * and rethrows if it throws. Inside a transaction already, `work` joins it.
 */
export async function runTransaction<T>(db: Db, work: (tx: Db) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  if (inTransaction(db)) return work(db);
  const o = { ...DEFAULTS, ...options };
  for (let run = 1; ; run++) {
    try {
      return await db.$transaction((tx) => work(scoped(tx, db)), { maxWait: o.maxWaitMs, timeout: o.timeoutMs });
    } catch (error) {
      if (run >= o.attempts || !isWriteConflict(error)) throw error;
    }
  }
}

/**
 * Runs one statement (or a few) that may fail, so that the surrounding transaction, if any,
 * is still usable after the failure: a savepoint inside a transaction, a plain call outside.
 */
export function withSavepoint<T>(db: Db, work: () => Promise<T>): Promise<T> {
  return inTransaction(db) ? db.$transaction(() => work()) : work();
}

/** The transaction client, with `$transaction` made of savepoints and a mark saying it is one. */
function scoped(tx: TxClient, root: Db): Db {
  let savepoints = 0;
  const nested = async (arg: unknown): Promise<unknown> => {
    const name = `cdce_sp_${++savepoints}`;
    await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
    try {
      const result = Array.isArray(arg) ? await inOrder(arg as Array<PromiseLike<unknown>>) : await (arg as (db: Db) => Promise<unknown>)(client);
      await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
      await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
      throw error;
    }
  };
  const client = new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === SCOPED) return true;
      if (prop === ROOT) return root;
      if (prop === "$transaction") return nested;
      return Reflect.get(target, prop, receiver) as unknown;
    },
  }) as unknown as Db;
  return client;
}

/** The batch form of `$transaction`: Prisma's queries are lazy, each runs when awaited. */
async function inOrder(queries: Array<PromiseLike<unknown>>): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const q of queries) results.push(await q);
  return results;
}

/**
 * A transaction that lost to another writer and may simply be run again: PostgreSQL's
 * serialization failure (40001) and deadlock (40P01), reported by Prisma as P2034. Not
 * SQLite's busy answers: transactions there begin IMMEDIATE, holding the write lock before
 * any work, and a busy BEGIN is already tried again by the adapter (sqlite-busy.ts), up to
 * its limit; running the unit again after that would only make the person wait longer to
 * hear that the database is unavailable. Nor a statement timeout: the database is slow or
 * away, and running again would not help.
 */
export function isWriteConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  if ((error as { code?: unknown }).code === "P2034") return true;
  // The adapter's own error, under Prisma's: its original code says what PostgreSQL said.
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta?.driverAdapterError?.cause;
  return cause?.originalCode === "40001" || cause?.originalCode === "40P01";
}
