/**
 * How many commands one process works on at once; the others wait their turn, in order.
 *
 * Each command is one database transaction (src/data/transaction.ts) and holds a pooled
 * connection from its first query to its commit. Without a bound, a burst (500 clicks on a
 * webinar's register button within seconds) starts hundreds of commands together: they
 * exhaust the pool (pg gives up waiting for a connection after its connect timeout and the
 * person is told the database is unavailable), the ones holding a connection are slowed
 * by the ones that cannot get one, and every reply comes late. Bounded, the platforms'
 * acknowledgements still leave at once (Slack acks before the work, Discord defers), and
 * the commands run through at the database's pace.
 */
import { Semaphore } from "async-mutex";
import type { Dispatcher } from "./core/dispatcher.js";

/** pg's pool holds 10 connections: 8 for commands leaves 2 for the outbox worker and the leases. */
export const COMMAND_SLOTS = 8;

export function boundedDispatcher(dispatcher: Dispatcher, slots = COMMAND_SLOTS): Dispatcher & { busy(): boolean; load(): number } {
  const semaphore = new Semaphore(slots);
  // Commands running and waiting their turn (what another replica may take some of: src/cluster/shared-work.ts).
  let held = 0;
  return {
    registry: dispatcher.registry,
    users: dispatcher.users,
    async handle(incoming) {
      held++;
      try {
        return await semaphore.runExclusive(() => dispatcher.handle(incoming));
      } finally {
        held--;
      }
    },
    busy: () => semaphore.isLocked(),
    load: () => held,
  };
}
