/** Helpers for the calendar feed tests: the token in a reply, a feed parsed with ical.js. */
import ICAL from "ical.js";
import { expect } from "vitest";
import type { App } from "../../src/app.js";
import { createFeedHandler, type FeedResponse } from "../../src/features/calendar-feeds/index.js";

/** The private feed token in an `agenda lien` reply (its https form), or null. */
export function tokenIn(text: string): string | null {
  return /https:\/\/[^\s]+\/cal\/p\/([A-Za-z0-9_-]+)\.ics/.exec(text)?.[1] ?? null;
}

/** One request to the app's feed handler; a non-feed path fails the test. */
export async function getFeed(app: App, path: string, headers: Record<string, string | undefined> = {}): Promise<FeedResponse> {
  const res = await createFeedHandler(app.services)({ path, headers });
  expect(res, `${path} is a feed path`).not.toBeNull();
  return res!;
}

export interface ParsedFeed {
  calendar: ICAL.Component;
  events: ICAL.Component[];
  /** The VEVENT with this UID. */
  byUid(uid: string): ICAL.Component | undefined;
}

/** Parses a feed with ical.js, registering its VTIMEZONEs so that local times convert to instants. */
export function parseFeed(body: string): ParsedFeed {
  const calendar = new ICAL.Component(ICAL.parse(body));
  for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  const events = calendar.getAllSubcomponents("vevent");
  return { calendar, events, byUid: (uid) => events.find((e) => e.getFirstPropertyValue("uid") === uid) };
}

/** The seconds before the start of each VALARM of an event (positive = before). */
export function alarmOffsets(vevent: ICAL.Component): number[] {
  // `+ 0`: an alarm right at the start reads as 0, not -0.
  return vevent.getAllSubcomponents("valarm").map((a) => -(a.getFirstPropertyValue("trigger") as ICAL.Duration).toSeconds() + 0);
}

export const start = (vevent: ICAL.Component) => new ICAL.Event(vevent).startDate.toJSDate();
