/**
 * The pieces of a feed that ical-generator does not write for us: escaped and folded calendar
 * lines, the ETag that ignores DTSTAMP, the weak If-None-Match comparison, the token and its
 * hash, and the feed paths.
 */
import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { buildFeed, escapeText, foldLine } from "../../src/features/calendar-feeds/ics-feed.js";
import { feedEtag, matchesEtag } from "../../src/features/calendar-feeds/http.js";
import { hashToken, newToken, sameHash } from "../../src/features/calendar-feeds/token.js";
import { feedAddress, parseFeedPath } from "../../src/features/calendar-feeds/addresses.js";

const entry = { uid: "e1@cdce-bot", sequence: 3, summary: "Stand; marché, Noël", status: "CONFIRMED" as const, when: { kind: "timed" as const, start: new Date("2027-10-31T09:00:00Z"), end: new Date("2027-10-31T11:00:00Z"), timeZone: "Europe/Brussels" } };

describe("feed lines", () => {
  it("escapes TEXT values and folds at 75 octets without cutting a character", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const long = `DESCRIPTION:${"é".repeat(80)}`;
    const folded = foldLine(long);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(long);
  });

  it("writes NAME, DESCRIPTION (escaped) and local times in their zone after the October change", () => {
    const body = buildFeed({ name: "CDCE · Ath, Enghien; et al.", description: "Un agenda, tenu à jour.\nDeux lignes.", entries: [entry], now: new Date("2027-10-01T00:00:00Z") });
    expect(body).toContain("NAME:CDCE · Ath\\, Enghien\\; et al.\r\n");
    expect(body).toContain("DESCRIPTION:Un agenda\\, tenu à jour.\\nDeux lignes.\r\n");
    const cal = new ICAL.Component(ICAL.parse(body));
    expect(cal.getFirstPropertyValue("description")).toBe("Un agenda, tenu à jour.\nDeux lignes.");
    const ev = cal.getFirstSubcomponent("vevent")!;
    // 31 October 2027 is after the last Sunday of October: 09:00Z is 10:00 in Brussels (CET).
    expect(String(ev.getFirstPropertyValue("dtstart"))).toBe("2027-10-31T10:00:00");
    expect(ev.getFirstPropertyValue("summary")).toBe("Stand; marché, Noël");
    expect(ev.getFirstPropertyValue("sequence")).toBe(3);
  });

  it("ties every alarm to the start, also one that rings after it (a volunteer's later slot)", () => {
    const body = buildFeed({ name: "n", description: "d", entries: [{ ...entry, alarms: [3600, 0, -600] }], now: new Date("2027-10-01T00:00:00Z") });
    const unfolded = body.replace(/\r\n /g, "");
    expect(unfolded).toContain("TRIGGER;RELATED=START:-PT1H\r\n");
    expect(unfolded).toContain("TRIGGER;RELATED=START:PT0S\r\n");
    expect(unfolded).toContain("TRIGGER;RELATED=START:PT10M\r\n");
    expect(unfolded).not.toContain("RELATED=END");
  });
});

describe("ETag", () => {
  it("ignores DTSTAMP (when the copy was made) but not the content", () => {
    const a = buildFeed({ name: "n", description: "d", entries: [entry], now: new Date("2027-10-01T00:00:00Z") });
    const b = buildFeed({ name: "n", description: "d", entries: [entry], now: new Date("2027-10-02T00:00:00Z") });
    const c = buildFeed({ name: "n", description: "d", entries: [{ ...entry, sequence: 4 }], now: new Date("2027-10-01T00:00:00Z") });
    expect(a).not.toBe(b);
    expect(feedEtag(a)).toBe(feedEtag(b));
    expect(feedEtag(a)).not.toBe(feedEtag(c));
  });

  it("compares weakly, in a list, and takes *", () => {
    expect(matchesEtag('W/"x"', 'W/"x"')).toBe(true);
    expect(matchesEtag('"x"', 'W/"x"')).toBe(true);
    expect(matchesEtag('"y", W/"x"', 'W/"x"')).toBe(true);
    expect(matchesEtag("*", 'W/"x"')).toBe(true);
    expect(matchesEtag('"y"', 'W/"x"')).toBe(false);
    expect(matchesEtag(undefined, 'W/"x"')).toBe(false);
  });
});

describe("tokens and paths", () => {
  it("makes 256-bit tokens, different each time, hashed to 64 hex characters", () => {
    const a = newToken();
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    expect(newToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(sameHash(hashToken(a), hashToken(a))).toBe(true);
    expect(sameHash(hashToken(a), hashToken(newToken()))).toBe(false);
    expect(sameHash("", "")).toBe(false);
  });

  it("reads feed paths and builds both address forms under PUBLIC_URL (with or without a path)", () => {
    expect(parseFeedPath("/cal/reseau.ics?lang=de")).toEqual({ target: { kind: "network" }, lang: "de" });
    expect(parseFeedPath("/cal/c/la-roche-en-ardenne.ics")).toEqual({ target: { kind: "commune", slug: "la-roche-en-ardenne" }, lang: null });
    expect(parseFeedPath("/cal/p/abc.ics")).toEqual({ target: { kind: "personal", token: "abc" }, lang: null });
    expect(parseFeedPath("/cal/p/a/b.ics")).toBe("unknown");
    expect(parseFeedPath("/calendar")).toBeNull();
    expect(feedAddress("https://x.be/bot", "/cal/reseau.ics")).toEqual({ https: "https://x.be/bot/cal/reseau.ics", webcal: "webcal://x.be/bot/cal/reseau.ics" });
    expect(feedAddress("https://x.be/", "/cal/reseau.ics").https).toBe("https://x.be/cal/reseau.ics");
  });
});
