/**
 * The monthly update to a commune's channels, one per commune and month: keyed
 * `monthly:<communeId>:<YYYY-MM>`, so a second run of the job, a restart or a takeover in
 * the same month queues nothing twice.
 */
import { translator } from "../../core/i18n/catalogue.js";
import type { Notification } from "../../core/notify.js";
import type { MonthlyData } from "./gather.js";
import { monthlyReply } from "./render.js";

export const monthlyKey = (communeId: string, monthKey: string) => `monthly:${communeId}:${monthKey}`;

export function monthlyNotice(d: MonthlyData, now: Date): Notification {
  return {
    key: monthlyKey(d.commune.id, d.month.key),
    to: { kind: "purpose", purpose: "commune", communeId: d.commune.id },
    dueAt: now,
    render: (locale) => monthlyReply(translator(locale), locale, d, "channel"),
  };
}
