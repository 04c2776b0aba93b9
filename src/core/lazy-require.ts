/**
 * A package loaded on its first use, synchronously (through its CommonJS build). For
 * libraries that only some commands need (date parsing, calendar files): a bot that runs
 * idle for days should not hold them in memory from the start (measured on the idle bot:
 * chrono-node alone is about 4 MB of heap).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  // eslint-disable-next-line architecture/layers -- the one require of a computed name, checked at its callers
  return () => (loaded ??= require(name) as T);
}
