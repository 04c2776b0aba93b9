/**
 * One SQLite connection, one transaction at a time, and nothing else while it is open.
 *
 * The better-sqlite3 adapter holds a single connection and serialises transactions among
 * themselves, but a query made outside a transaction (the outbox worker claiming rows, a
 * lease renewal) while one is open runs on that same connection, so INSIDE the open
 * transaction: rolled back with it, or committed with work it has nothing to do with. A
 * command now runs as one transaction (see src/data/transaction.ts), so that would be the
 * rule, not the exception. This wrapper makes every statement outside a transaction wait
 * until the open one commits or rolls back; statements of the transaction itself go through.
 */
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** A FIFO lock: `acquire` resolves with the function that releases it. */
class Gate {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const turn = this.tail.then(() => release);
    this.tail = this.tail.then(() => released);
    return turn;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/** Wraps the adapter factory so that its connection is held by one transaction at a time, alone. */
export function serialiseSqlite(factory: Factory): Factory {
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connect") return async () => serialised(await target.connect());
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function serialised(adapter: Adapter): Adapter {
  const gate = new Gate();
  return new Proxy(adapter, {
    get(target, prop) {
      switch (prop) {
        case "queryRaw":
          return (query: Parameters<Adapter["queryRaw"]>[0]) => gate.run(() => target.queryRaw(query));
        case "executeRaw":
          return (query: Parameters<Adapter["executeRaw"]>[0]) => gate.run(() => target.executeRaw(query));
        case "executeScript":
          return (script: string) => gate.run(() => target.executeScript(script));
        case "startTransaction":
          return async (isolationLevel?: Parameters<Adapter["startTransaction"]>[0]) => {
            const release = await gate.acquire();
            try {
              return heldUntilEnd(await target.startTransaction(isolationLevel), release);
            } catch (error) {
              release();
              throw error;
            }
          };
        default: {
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        }
      }
    },
  });
}

/** The transaction lets the gate go when it ends, whichever way. */
function heldUntilEnd(tx: Transaction, release: () => void): Transaction {
  let open = true;
  const end = async (finish: () => Promise<void>) => {
    try {
      await finish();
    } finally {
      if (open) {
        open = false;
        release();
      }
    }
  };
  return new Proxy(tx, {
    get(target, prop) {
      if (prop === "commit") return () => end(() => target.commit());
      if (prop === "rollback") return () => end(() => target.rollback());
      if (prop === "executeRaw") {
        return async (query: Parameters<Transaction["executeRaw"]>[0]) => {
          try {
            return await target.executeRaw(query);
          } catch (error) {
            // Prisma ends a transaction with a COMMIT or ROLLBACK statement and only then
            // calls commit()/rollback(); when that statement fails it calls neither, and the
            // connection would stay locked for good. Roll back what is left and let go.
            if (/^\s*(COMMIT|ROLLBACK)\b/i.test(query.sql)) {
              await target.executeRaw({ ...query, sql: "ROLLBACK" }).catch(() => {});
              await end(() => target.rollback());
            }
            throw error;
          }
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
