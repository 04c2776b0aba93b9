/**
 * The service's structured logger (pino). Secrets are redacted by key wherever they
 * appear in a logged object; tokens are never logged on purpose either.
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

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): PinoLogger {
  const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
  return pino(
    {
      level: options.level ?? "info",
      redact: { paths, censor: "[redacted]" },
      base: { service: "cdce-bot" },
    },
    (options.destination as pino.DestinationStream | undefined) ?? pino.destination(2),
  );
}
