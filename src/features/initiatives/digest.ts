/**
 * The weekly digest to the network's shared channel: initiatives shared during the past
 * week, upcoming webinars, and communes celebrating the anniversary of their title. Pure:
 * the scheduled job gathers the inputs and enqueues what this returns, under the key
 * `digest:weekly:<ISO week>` (a second run of the same week queues nothing).
 */
import { DateTime } from "luxon";
import { translator } from "../../core/i18n/catalogue.js";
import type { Notification } from "../../core/notify.js";
import type { Services } from "../../core/commands.js";
import { DEFAULT_TIME_ZONE } from "../../core/types.js";
import type { Commune } from "../../core/ports.js";
import { reply } from "../../core/reply.js";
import type { Block } from "../../core/types.js";
import { formatLocal, isoWeek } from "../../core/time/local.js";
import type { Initiative } from "./ports.js";
import { initiativeLine } from "./render.js";

/** A webinar as the digest lists it (filled by the events feature when present). */
export interface DigestWebinar {
  title: string;
  startsAt: Date;
  /** What to type to see or join it (`webinaire W12`), if any. */
  command?: string;
}

/** Where upcoming webinars come from; the events feature plugs in here. */
export type UpcomingWebinars = (from: Date, to: Date) => Promise<DigestWebinar[]>;

export interface Anniversary {
  commune: Commune;
  years: number;
  /** The exact day when known (`titledOn` with a day), else the month only. */
  day: Date | null;
}

/**
 * Communes whose title anniversary falls in the week: `titledOn` with a day counts on that
 * day; with a month only, in the week holding the 1st of that month; a year alone or a
 * bound (`<=2019`) is not precise enough to celebrate.
 */
export function anniversaries(communes: readonly Commune[], now: Date, zone: string): Anniversary[] {
  const week = isoWeek(now, zone);
  const start = DateTime.fromJSDate(week.start, { zone });
  const out: Anniversary[] = [];
  for (const c of communes) {
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(c.titledOn ?? "");
    if (!m) continue;
    const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1];
    for (const y of [start.year, start.year + 1]) {
      const at = DateTime.fromObject({ year: y, month, day }, { zone });
      if (!at.isValid || at < start || at.toJSDate() >= week.end) continue;
      if (y - year >= 1) out.push({ commune: c, years: y - year, day: m[3] ? at.toJSDate() : null });
    }
  }
  return out.sort((a, b) => b.years - a.years || a.commune.name.localeCompare(b.commune.name, "fr"));
}

export interface DigestInput {
  now: Date;
  zone: string;
  /** Initiatives published in the past seven days. */
  initiatives: readonly Initiative[];
  communes: readonly Commune[];
  webinars: readonly DigestWebinar[];
}

/** The digest, or null when the week has nothing to tell. */
export function weeklyDigest(input: DigestInput): Notification | null {
  const { now, zone } = input;
  const week = isoWeek(now, zone);
  const names = new Map(input.communes.map((c) => [c.id, c.name]));
  const parties = anniversaries(input.communes, now, zone);
  if (input.initiatives.length === 0 && input.webinars.length === 0 && parties.length === 0) return null;
  return {
    key: `digest:weekly:${week.label}`,
    to: { kind: "purpose", purpose: "network" },
    dueAt: now,
    // A digest read on Thursday is old news: drop it if the outbox could not post it in two days.
    expiresAt: new Date(now.getTime() + 2 * 86_400_000),
    render: (locale) => {
      const t = translator(locale);
      const blocks: Block[] = [{ type: "header", text: t("digest.title", { week: week.label }) }];
      if (input.initiatives.length) {
        const lines = input.initiatives.slice(0, 10).map((i) => `• ${initiativeLine(t, i, names.get(i.communeId) ?? "?")}`);
        if (input.initiatives.length > 10) lines.push(t("digest.more", { count: input.initiatives.length - 10 }));
        blocks.push({ type: "section", text: `**${t("digest.initiatives", { count: input.initiatives.length })}**\n${lines.join("\n")}` });
      }
      if (input.webinars.length) {
        const lines = input.webinars.slice(0, 8).map((w) => `• **${w.title}** — ${formatLocal(w.startsAt, zone, locale, { year: false })}${w.command ? ` · \`/cdce ${w.command}\`` : ""}`);
        blocks.push({ type: "section", text: `**${t("digest.webinars")}**\n${lines.join("\n")}` });
      }
      if (parties.length) {
        const lines = parties.map((p) => `• ${t("digest.anniversary", { commune: p.commune.name, years: p.years })}`);
        blocks.push({ type: "section", text: `**${t("digest.anniversaries")}**\n${lines.join("\n")}` });
      }
      blocks.push({ type: "context", text: t("digest.hint") });
      return reply(locale, blocks, "channel");
    },
  };
}

/**
 * The job's work: gathers the week (published initiatives, webinars of the next 14 days,
 * anniversaries) and queues the digest. Returns whether a digest was queued (false: nothing
 * to tell, or already queued this week).
 */
export async function sendWeeklyDigest(services: Services, now: Date, upcoming?: UpcomingWebinars, zone = DEFAULT_TIME_ZONE): Promise<boolean> {
  const [initiatives, communes, webinars] = await Promise.all([
    services.community.initiatives.list({ statuses: ["published"], publishedSince: new Date(now.getTime() - 7 * 86_400_000), limit: 200 }),
    services.repos.communes.list(),
    upcoming ? upcoming(now, new Date(now.getTime() + 14 * 86_400_000)) : Promise.resolve([]),
  ]);
  const digest = weeklyDigest({ now, zone, initiatives, communes, webinars });
  if (!digest) return false;
  const result = await services.notifier.enqueue(digest);
  services.logger.info({ key: digest.key, initiatives: initiatives.length, webinars: webinars.length, ...result }, "weekly digest");
  return result.queued > 0;
}
