/** A logger that keeps every entry, to assert on what was (or was not) logged. */
import type { Logger } from "../../src/core/logger.js";

export interface Entry {
  level: "debug" | "info" | "warn" | "error";
  obj: object;
  msg?: string;
}

export function captureLogger(entries: Entry[] = [], bindings: object = {}): Logger & { entries: Entry[] } {
  const at = (level: Entry["level"]) => (obj: object, msg?: string) => {
    entries.push({ level, obj: { ...bindings, ...obj }, msg });
  };
  return {
    entries,
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (b) => captureLogger(entries, { ...bindings, ...b }),
  };
}
