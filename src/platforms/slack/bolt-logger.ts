/**
 * Bolt, the Socket Mode client and the Web API client log through this bridge into the
 * service's logger. Two guards against leaking secrets, since their messages are strings
 * we do not control: objects passed to the logger are never serialised (only errors'
 * name, code and message are kept), quoted content (JSON bodies, results, envelopes) is
 * cut, and every known secret value is masked in the text.
 */
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../core/logger.js";
import { withoutContent } from "../../logger.js";

const MASK = "[redacted]";

/** Replaces each secret (and anything shaped like a Slack token) with a mask. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 6) out = out.split(s).join(MASK);
  // Tokens we were not told about (another workspace's, a refreshed one) are masked by shape.
  return out.replace(/\bx(?:ox[abposre]|app)-[A-Za-z0-9-]{6,}/g, MASK);
}

function describe(part: unknown): string {
  if (typeof part === "string") return part;
  if (typeof part === "number" || typeof part === "boolean") return String(part);
  if (part instanceof Error) {
    const code = (part as { code?: unknown }).code;
    return `${part.name}${typeof code === "string" ? ` [${code}]` : ""}: ${part.message}`;
  }
  // An object may be a request, its headers or the client options: say what it was, no more.
  return part === null || part === undefined ? String(part) : `[${typeof part}]`;
}

/** A Bolt `Logger` that writes into `logger`, scrubbed of `secrets`. */
export function boltLogger(logger: Logger, secrets: readonly string[]): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  let name = "bolt";
  const write = (fn: "debug" | "info" | "warn" | "error") => (...parts: unknown[]) => {
    // Request bodies, results and envelopes carry messages and profiles: words only.
    const msg = scrub(withoutContent(parts.map(describe).join(" ")), secrets);
    logger[fn]({ component: `slack.${name}` }, msg);
  };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    // Bolt asks for a level and sets one; the service logger decides what is written.
    setLevel(l: LogLevel) {
      level = l;
    },
    getLevel() {
      return level;
    },
    setName(n: string) {
      name = n.replace(/[^\w.:-]/g, "").slice(0, 40) || "bolt";
    },
  };
}
