/**
 * The campaign calendar: the Semaine du Commerce Équitable (early October, about ten days
 * from the first Wednesday: 2–12 Oct 2024, 1–11 Oct 2025) and World Fair Trade Day (second
 * Saturday of May). Six weeks before each, every CoPil gets a prompt with ideas and the
 * matching kits; local events dated inside a campaign are tagged with it.
 */
import { DateTime } from "luxon";
import { nthWeekdayOfMonth } from "../../core/time/local.js";

export const CAMPAIGN_IDS = ["sce", "wftd"] as const;
export type CampaignId = (typeof CAMPAIGN_IDS)[number];

/** How long before a campaign the CoPils are prompted. */
export const PROMPT_WEEKS = 6;
/** The prompt goes out at this local time. */
export const PROMPT_HOUR = 9;

export interface Campaign {
  id: CampaignId;
  year: number;
  /** `sce-2027`: stored on the local events that answer it. */
  key: string;
  /** First instant of the first local day. */
  start: Date;
  /** First instant after the last local day. */
  end: Date;
  /** 09:00 local, six weeks before the start. */
  promptAt: Date;
}

function campaign(id: CampaignId, year: number, first: DateTime, days: number): Campaign {
  return {
    id,
    year,
    key: `${id}-${year}`,
    start: first.toJSDate(),
    end: first.plus({ days }).toJSDate(),
    promptAt: first.minus({ weeks: PROMPT_WEEKS }).set({ hour: PROMPT_HOUR }).toJSDate(),
  };
}

/** The two campaigns of a year, in date order. */
export function campaignsOf(year: number, zone: string): Campaign[] {
  // World Fair Trade Day: the second Saturday of May (luxon weekday 6); events the week before count.
  const wftd = nthWeekdayOfMonth(year, 5, 6, 2, zone);
  // Semaine du Commerce Équitable: from the first Wednesday of October (weekday 3), eleven days.
  const sce = nthWeekdayOfMonth(year, 10, 3, 1, zone);
  return [campaign("wftd", year, wftd.minus({ days: 7 }), 8), campaign("sce", year, sce, 11)];
}

/** The day World Fair Trade Day itself falls on (for messages). */
export function worldFairTradeDay(year: number, zone: string): Date {
  return nthWeekdayOfMonth(year, 5, 6, 2, zone).toJSDate();
}

/** The campaign whose days contain `instant`, if any. */
export function campaignAt(instant: Date, zone: string): Campaign | null {
  const year = DateTime.fromJSDate(instant, { zone }).year;
  return campaignsOf(year, zone).find((c) => c.start <= instant && instant < c.end) ?? null;
}

/** Campaigns whose prompt time has come but which have not started yet at `now`. */
export function campaignsToPrompt(now: Date, zone: string): Campaign[] {
  const year = DateTime.fromJSDate(now, { zone }).year;
  return [...campaignsOf(year, zone), ...campaignsOf(year + 1, zone)].filter((c) => c.promptAt <= now && now < c.start);
}
