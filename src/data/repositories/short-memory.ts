/**
 * A few seconds' memory of small answers every command asks for and that rarely change (the
 * boards of the network, who has opened their home): the same trade as the identity cache
 * (identity-cache.ts). A write made in this process forgets what it touches at once; one made
 * by another replica is seen once the entry expires, TTL_MS at most. One memory per database
 * client and name, shared by the transactions opened on it.
 */
import { rootOf } from "../transaction.js";

export const SHORT_MEMORY_TTL_MS = 5_000;
const MAX_ENTRIES = 5_000;

export class ShortMemory<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly ttlMs = SHORT_MEMORY_TTL_MS,
    private readonly wallClock: () => number = () => Date.now(),
  ) {}

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires <= this.wallClock()) return void this.entries.delete(key);
    return e.value;
  }

  set(key: string, value: V): void {
    // Oldest first out (a Map keeps insertion order): never unbounded.
    while (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expires: this.wallClock() + this.ttlMs });
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

const memories = new WeakMap<object, Map<string, ShortMemory<unknown>>>();

export function shortMemoryOf<V>(db: object, name: string): ShortMemory<V> {
  const root = rootOf(db);
  let named = memories.get(root);
  if (!named) memories.set(root, (named = new Map()));
  let memory = named.get(name);
  if (!memory) named.set(name, (memory = new ShortMemory<unknown>()));
  return memory as ShortMemory<V>;
}
