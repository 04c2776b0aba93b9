/**
 * The weekly "near you" digest: each followed commune with a linked channel gets, once a
 * week, one message listing what communes within the configured distance shared the week
 * before (initiatives published, local events shared), each with "Nous aussi" and "Agir
 * ensemble" buttons. Not a stream: one message per commune and week, keyed
 * `near:<ISO week>:<communeId>`; the items are those of the previous ISO week only, so an
 * item is never listed twice to a commune, whichever day the job runs or how often.
 */
import { DateTime } from "luxon";
import type { Services } from "../../core/commands.js";
import type { Commune } from "../../core/ports.js";
import type { Notification } from "../../core/notify.js";
import { translator } from "../../core/i18n/catalogue.js";
import { reply } from "../../core/reply.js";
import { DEFAULT_TIME_ZONE, type Block, type Button, type Locale } from "../../core/types.js";
import { formatLocalDay, isoWeek } from "../../core/time/local.js";
import { clip } from "../../core/clip.js";
import { itemsBetween, type NearbyItem } from "./items.js";
import { neighboursOf, placed } from "./nearby.js";

/** At most this many items in one message (the rest are counted). */
export const DIGEST_ITEMS = 8;

/** The week the digest of `now` tells about: the ISO week before `now`'s. */
export function previousWeek(now: Date, zone: string): { label: string; start: Date; end: Date } {
  const current = isoWeek(now, zone);
  return isoWeek(DateTime.fromJSDate(current.start, { zone }).minus({ days: 3 }).toJSDate(), zone);
}

/** A button's command line: the item, then the commune the answer is for (quoted: names have spaces). */
export const answerLine = (command: string, ref: string, commune: Commune) => `${command} ${ref} commune:"${commune.name}"`;

export function itemButtons(t: ReturnType<typeof translator>, item: NearbyItem, home: Commune): Button[] {
  return [
    { label: t("nb.button.too"), command: answerLine("voisins aussi", item.ref, home), style: "primary" },
    { label: t("nb.button.together"), command: answerLine("voisins ensemble", item.ref, home) },
  ];
}

export interface NearbyEntry {
  item: NearbyItem;
  from: Commune;
  km: number;
}

/** The digest of one commune, or null when nothing near it was shared that week. */
export function nearbyDigest(home: Commune, entries: readonly NearbyEntry[], now: Date, week: { label: string }): Notification | null {
  if (entries.length === 0) return null;
  const zone = home.timeZone;
  return {
    key: `near:${week.label}:${home.id}`,
    to: { kind: "purpose", purpose: "commune", communeId: home.id },
    dueAt: now,
    // Last week's news: not worth posting after the week it was meant for.
    expiresAt: new Date(now.getTime() + 6 * 86_400_000),
    render: (locale: Locale) => {
      const t = translator(locale);
      const blocks: Block[] = [{ type: "header", text: t("nb.digest.title", { commune: home.name }) }, { type: "context", text: t("nb.digest.intro", { count: entries.length }) }];
      for (const e of entries.slice(0, DIGEST_ITEMS)) {
        const facts = [`${e.from.name} (${t("nb.km", { km: e.km })})`, formatLocalDay(e.item.day, zone, locale), e.item.place ? clip(e.item.place, 60) : null].filter(Boolean).join(" · ");
        const label = t(e.item.kind === "event" ? "nb.item.event" : "nb.item.initiative");
        blocks.push({ type: "section", text: `**${clip(e.item.title, 120)}** — ${label}\n${facts} · \`${e.item.ref}\`` });
        blocks.push({ type: "actions", buttons: itemButtons(t, e.item, home) });
      }
      if (entries.length > DIGEST_ITEMS) blocks.push({ type: "context", text: t("nb.digest.more", { count: entries.length - DIGEST_ITEMS }) });
      blocks.push({ type: "context", text: t("nb.digest.hint") });
      return reply(locale, blocks, "channel");
    },
  };
}

/**
 * The job's work: for every followed commune with coordinates and a linked channel, the
 * items of the previous week from communes within the distance (its own left out), queued
 * under the week's key. Returns how many communes got a digest queued now.
 */
export async function sendNearbyDigests(services: Services, now: Date, zone = DEFAULT_TIME_ZONE): Promise<number> {
  const week = previousWeek(now, zone);
  const items = await itemsBetween(services, week.start, week.end);
  if (items.length === 0) return 0;
  const communes = await services.repos.communes.list();
  const byId = new Map(communes.map((c) => [c.id, c]));
  let queued = 0;
  for (const home of await services.repos.communes.listFollowed()) {
    if (!placed(home)) continue;
    if ((await services.repos.channels.byPurpose("commune", home.id)).length === 0) continue;
    const near = new Map(neighboursOf(home, communes, services.neighbours.settings.distanceKm).map((n) => [n.commune.id, n.km]));
    const entries = items
      .filter((i) => near.has(i.communeId))
      .map((item) => ({ item, from: byId.get(item.communeId)!, km: near.get(item.communeId)! }))
      .sort((a, b) => a.km - b.km || a.item.day.getTime() - b.item.day.getTime());
    const digest = nearbyDigest(home, entries, now, week);
    if (!digest) continue;
    const result = await services.notifier.enqueue(digest);
    queued += result.queued > 0 ? 1 : 0;
  }
  services.logger.info({ week: week.label, items: items.length, communes: queued }, "near-you digests");
  return queued;
}
