/**
 * `--now 2027-09-20T08:55`: the instant the terminal demo starts at. ISO 8601; without an
 * offset it is Brussels time (Europe/Brussels), and then a local time that does not exist
 * (the hour skipped on the last Sunday of March) or exists twice (the hour repeated on the last
 * Sunday of October) is refused with the way to say it, rather than moved or guessed.
 */
import { DateTime } from "luxon";

export const DEMO_ZONE = "Europe/Brussels";

/** Refused `--now` value, with the reason (printed on stderr, exit code 2). */
export class DemoNowError extends Error {}

const HAS_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const HAS_TIME = /T/i;

export function parseDemoNow(raw: string): Date {
  const text = raw.trim();
  const example = "e.g. --now 2027-09-20T08:55 (Brussels time) or --now 2027-09-20T08:55+02:00";
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) throw new DemoNowError(`--now "${raw}" is not an ISO date and time: ${example}`);
  if (HAS_TIME.test(text) && HAS_OFFSET.test(text)) {
    const at = DateTime.fromISO(text, { setZone: true });
    if (!at.isValid) throw new DemoNowError(`--now "${raw}" is not a valid instant (${at.invalidExplanation ?? at.invalidReason}): ${example}`);
    return at.toJSDate();
  }
  if (HAS_OFFSET.test(text.replace(/^\d{4}-\d{2}-\d{2}/, ""))) throw new DemoNowError(`--now "${raw}" has an offset but no time: ${example}`);
  const local = DateTime.fromISO(text, { zone: DEMO_ZONE });
  if (!local.isValid) throw new DemoNowError(`--now "${raw}" is not a valid date and time (${local.invalidExplanation ?? local.invalidReason}): ${example}`);
  // Luxon moves a time in the spring gap forward: the fields it kept tell.
  const typed = DateTime.fromISO(text, { zone: "UTC" });
  const same = (["year", "month", "day", "hour", "minute", "second"] as const).every((f) => local[f] === typed[f]);
  if (!same) throw new DemoNowError(`--now "${raw}" does not exist in Brussels: the clocks skip that hour (summer time starts). Give an offset or another time.`);
  // The autumn hour happens twice: both readings are valid, so ask which.
  const other = [local.minus({ hours: 1 }), local.plus({ hours: 1 })].map((d) => d.setZone(DEMO_ZONE)).find((d) => d.toFormat("yyyy-MM-dd'T'HH:mm:ss") === local.toFormat("yyyy-MM-dd'T'HH:mm:ss"));
  if (other) {
    const offsets = [local, other].map((d) => d.toFormat("ZZ")).sort().reverse();
    throw new DemoNowError(`--now "${raw}" happens twice in Brussels (the clocks go back): say which, e.g. ${text}${offsets[0]} (summer time) or ${text}${offsets[1]} (winter time).`);
  }
  return local.toJSDate();
}

/**
 * Why this run may not move its clock, or undefined when it may: only the terminal alone, on
 * its own SQLite file. With Slack or Discord running, or on PostgreSQL (shared with replicas
 * and real people), a clock in another year would send real reminders at the wrong time.
 */
export function demoClockRefusal(plan: { slack: boolean; discord: boolean }, databaseUrl: string): string | undefined {
  const running = [plan.slack && "Slack", plan.discord && "Discord"].filter(Boolean);
  if (running.length) return `--now is for the terminal demo only: ${running.join(" and ")} would run too (${running.length > 1 ? "their tokens are" : "its token is"} set). Unset SLACK_BOT_TOKEN and DISCORD_TOKEN, or use --once.`;
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return "--now is for the terminal demo only: DATABASE_URL is PostgreSQL (a shared database). Use a SQLite file, e.g. DATABASE_URL=file:./data/demo.db.";
  return undefined;
}
