/**
 * The campaign calendar: the Semaine du Commerce Équitable (early October, about ten days
 * from the first Wednesday: 2–12 Oct 2024, 1–11 Oct 2025), World Fair Trade Day (second
 * Saturday of May) and Oxfam's fair-trade breakfasts (the third weekend of November:
 * Saturday and Sunday). Six weeks before each, every CoPil gets a prompt with ideas and the
 * matching kits; local events dated inside a campaign are tagged with it.
 */
import { DateTime } from "luxon";
import { nthWeekdayOfMonth } from "../../core/time/local.js";

export const CAMPAIGN_IDS = ["sce", "wftd", "oxfam"] as const;
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
  /** The day the prompt names (World Fair Trade Day itself, the Saturday of the breakfasts). */
  day: Date;
  /** How the prompt names it: one day, or a weekend. */
  span: "day" | "weekend";
  /**
   * A national moment the network announces (a launch at a given hour and place): the
   * prompt then says when and where. None of the built-in campaigns has one yet.
   */
  time?: string;
  place?: string;
}

function campaign(id: CampaignId, year: number, first: DateTime, days: number, day: DateTime = first, span: Campaign["span"] = "day"): Campaign {
  return {
    id,
    year,
    key: `${id}-${year}`,
    start: first.toJSDate(),
    end: first.plus({ days }).toJSDate(),
    promptAt: first.minus({ weeks: PROMPT_WEEKS }).set({ hour: PROMPT_HOUR }).toJSDate(),
    day: day.toJSDate(),
    span,
  };
}

/** The campaigns of a year, in date order. */
export function campaignsOf(year: number, zone: string): Campaign[] {
  // World Fair Trade Day: the second Saturday of May (luxon weekday 6); events the week before count.
  const wftd = nthWeekdayOfMonth(year, 5, 6, 2, zone);
  // Semaine du Commerce Équitable: from the first Wednesday of October (weekday 3), eleven days.
  const sce = nthWeekdayOfMonth(year, 10, 3, 1, zone);
  // Oxfam's breakfasts: the third Saturday of November and the Sunday after (16–17 Nov 2024, 15–16 Nov 2025).
  const oxfam = nthWeekdayOfMonth(year, 11, 6, 3, zone);
  return [campaign("wftd", year, wftd.minus({ days: 7 }), 8, wftd), campaign("sce", year, sce, 11), campaign("oxfam", year, oxfam, 2, oxfam, "weekend")];
}

/** The campaign a stored key (`oxfam-2027`) names, or null for a key of no known campaign. */
export function campaignIdOf(key: string): CampaignId | null {
  const id = key.split("-")[0];
  return (CAMPAIGN_IDS as readonly string[]).includes(id ?? "") ? (id as CampaignId) : null;
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
