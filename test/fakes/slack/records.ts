/**
 * Recorded traffic of the fake Slack, with waiting that never sleeps: `next()` looks at
 * what already arrived, then waits for the matching event, failing after a timeout.
 */
import { EventEmitter } from "node:events";

/**
 * How long a wait lasts before failing. Generous because the suites share two cores with
 * other work; under vitest's 30 s test timeout, so a missing event fails with our message.
 */
export const WAIT_MS = 15_000;

export class Recorder<T> {
  readonly items: T[] = [];
  private readonly events = new EventEmitter();

  constructor(readonly name: string) {
    this.events.setMaxListeners(100);
  }

  push(item: T): void {
    this.items.push(item);
    this.events.emit("item", item);
  }

  /** Items matching `match`, in arrival order. */
  filter(match: (item: T) => boolean): T[] {
    return this.items.filter(match);
  }

  /**
   * The first item matching `match` not among the `skip` first matches (already seen),
   * now or as soon as it arrives.
   */
  next(match: (item: T) => boolean = () => true, options: { skip?: number; timeoutMs?: number } = {}): Promise<T> {
    const skip = options.skip ?? 0;
    const timeoutMs = options.timeoutMs ?? WAIT_MS;
    const seen = this.items.filter(match);
    if (seen.length > skip) return Promise.resolve(seen[skip]!);
    let count = seen.length;
    return new Promise<T>((resolve, reject) => {
      const onItem = (item: T) => {
        if (!match(item)) return;
        if (count++ < skip) return;
        cleanup();
        resolve(item);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake slack: no ${this.name} matched within ${timeoutMs} ms (have ${this.items.length})`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off("item", onItem);
      };
      this.events.on("item", onItem);
    });
  }

  /** Waits until `count` items match. */
  async atLeast(count: number, match: (item: T) => boolean = () => true, timeoutMs = WAIT_MS): Promise<T[]> {
    if (count > 0) await this.next(match, { skip: count - 1, timeoutMs });
    return this.filter(match);
  }

  clear(): void {
    this.items.length = 0;
  }
}
