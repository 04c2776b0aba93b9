/**
 * The service's structured logger (pino). Secrets are redacted by key wherever they
 * appear in a logged object; tokens are never logged on purpose either. What people wrote
 * and who they are on a platform stay out of the logs at every level: message bodies and
 * profile fields are redacted by key, and errors (whose messages may quote a query's
 * values, such as Prisma's) keep their words up to the first quoted content.
 */
import { pino, type Logger as PinoLogger } from "pino";

export const REDACTED_KEYS = [
  "token",
  "botToken",
  "appToken",
  "signingSecret",
  "clientSecret",
  "authorization",
  "password",
  "SLACK_BOT_TOKEN",
  "SLACK_APP_TOKEN",
  "SLACK_SIGNING_SECRET",
  "DISCORD_TOKEN",
];

/** Keys whose values are what people wrote or who they are: never logged, at any level. */
export const PERSONAL_KEYS = ["text", "blocks", "payload", "body", "profile", "real_name", "display_name", "email", "phone", "content", "embeds"];

/**
 * Library messages that embed a request, a response or an event quote it as JSON (the Web
 * API client's request bodies and results, Socket Mode envelopes, Bolt's debug dump, a
 * Prisma error's arguments): keep the words before it, never the content.
 */
export function withoutContent(text: string): string {
  const at = text.search(/[{[]\s*["{[]|\{\s*\w+:\s/);
  return at < 0 ? text : `${text.slice(0, at)}[content redacted]`;
}

/** pino's error serializer, with the message and stack cut before any quoted content. */
function errorWithoutContent(err: unknown): unknown {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown> | undefined;
  if (!out || typeof out !== "object") return out;
  if (typeof out.message === "string") out.message = withoutContent(out.message);
  if (typeof out.stack === "string") out.stack = withoutContent(out.stack);
  return out;
}

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): PinoLogger {
  const paths = [...REDACTED_KEYS, ...PERSONAL_KEYS].flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
  return pino(
    {
      level: options.level ?? "info",
      redact: { paths, censor: "[redacted]" },
      serializers: { err: errorWithoutContent, error: errorWithoutContent, cause: errorWithoutContent },
      base: { service: "cdce-bot" },
    },
    (options.destination as pino.DestinationStream | undefined) ?? pino.destination(2),
  );
}
