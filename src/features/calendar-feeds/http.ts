/**
 * The feeds over HTTP, for whatever web server mounts `/cal/*` (the public pages' fastify
 * server calls it; tests call it directly or behind node:http). Framework-agnostic: a path
 * and headers in, a status, headers and a body out; null when the path is not a feed's.
 *
 *   const handleFeedRequest = createFeedHandler(app.services);
 *   const res = await handleFeedRequest({ path: request.url, headers: request.headers });
 *
 * Conditional GET: the ETag is a hash of the calendar without its DTSTAMP lines (the instant
 * each copy is made), so an unchanged feed answers 304 to If-None-Match. An unknown, renewed
 * or malformed token, or an unknown commune, is a bare 404. Logs never carry the path (it
 * holds the token): only which kind of feed and the status.
 */
import { createHash } from "node:crypto";
import type { Services } from "../../core/commands.js";
import { translator } from "../../core/i18n/catalogue.js";
import { LOCALES, type Locale } from "../../core/types.js";
import { communePath, networkPath, parseFeedPath, personalPath, type FeedTarget } from "./addresses.js";
import { buildFeed, REFRESH_SECONDS, type FeedEntry } from "./ics-feed.js";
import { communeEntries, networkEntries, personalEntries } from "./sources.js";

export interface FeedRequest {
  /** The request's path, with its query string if any (`/cal/reseau.ics?lang=nl`). */
  path: string;
  headers: Record<string, string | undefined>;
}

export interface FeedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type HandleFeedRequest = (req: FeedRequest) => Promise<FeedResponse | null>;

/** What the feeds read: events, communes and people, the tokens, the clock, the logger. */
export type FeedServices = Pick<Services, "events" | "repos" | "calendarFeeds" | "clock" | "logger">;

const NOT_FOUND: FeedResponse = { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }, body: "Not found\n" };
/** The database (or anything else) failed: calendar applications try again later. */
const UNAVAILABLE: FeedResponse = { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "300" }, body: "Unavailable\n" };

const asLocale = (v: string | null | undefined): Locale | null => (v && (LOCALES as readonly string[]).includes(v) ? (v as Locale) : null);

/** Weak: two copies differ by their DTSTAMP, their content is the same. */
export function feedEtag(body: string): string {
  const stable = body.replace(/^DTSTAMP:[^\r\n]*\r\n/gm, "");
  return `W/"${createHash("sha256").update(stable, "utf8").digest("base64url").slice(0, 32)}"`;
}

/** Whether If-None-Match names this ETag (weak comparison, RFC 9110 13.1.2), or is `*`. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

function header(headers: FeedRequest["headers"], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

interface Built {
  name: string;
  description: string;
  path: string;
  entries: FeedEntry[];
  /** A personal feed is nobody else's business: not cached by shared caches. */
  personal: boolean;
}

/**
 * How long a public feed (a commune's, the network's) is reused: calendar applications and a
 * page's visitors ask for the same few feeds, and building one reads the events and writes
 * the calendar (milliseconds of CPU each); a change shows within these seconds, well inside
 * REFRESH-INTERVAL. A personal feed is never reused: a renewed token must stop at once.
 */
export const PUBLIC_FEED_FRESH_MS = 5_000;
const MAX_CACHED_FEEDS = 500;

interface Cached {
  at: number;
  built: Promise<{ built: Built; body: string; etag: string } | null>;
}

export function createFeedHandler(services: FeedServices, options: { freshMs?: number } = {}): HandleFeedRequest {
  const log = services.logger.child({ component: "calendar-feeds" });
  const cache = new Map<string, Cached>();
  const freshMs = options.freshMs ?? PUBLIC_FEED_FRESH_MS;

  /**
   * A public feed as built less than `freshMs` ago (the process's own elapsed time, like the
   * pages' cache: the bot's clock may be a demo's); concurrent requests share one build.
   */
  function publicFeed(key: string, make: () => Promise<{ built: Built; body: string; etag: string } | null>): Cached["built"] {
    const hit = cache.get(key);
    if (hit && performance.now() - hit.at < freshMs) return hit.built;
    if (cache.size >= MAX_CACHED_FEEDS) cache.clear();
    const built = make();
    cache.set(key, { at: performance.now(), built });
    // A failed build is not kept: the next request tries again.
    built.catch(() => cache.delete(key));
    return built;
  }

  async function build(target: FeedTarget, lang: Locale | null, now: Date): Promise<Built | null> {
    if (target.kind === "personal") {
      const personId = await services.calendarFeeds.personFor(target.token);
      if (!personId) return null;
      const person = await services.repos.identity.getPerson(personId);
      const t = translator(person?.locale ?? "fr");
      return { name: t("feeds.personal.name"), description: t("feeds.personal.description"), path: personalPath(target.token), entries: await personalEntries(services, personId, now, t), personal: true };
    }
    if (target.kind === "commune") {
      const commune = await services.repos.communes.findByName(target.slug);
      // The slug exactly: a name typed differently is not another address of the same feed.
      if (!commune || commune.slug !== target.slug) return null;
      const t = translator(lang ?? commune.languages[0] ?? "fr");
      return { name: t("feeds.commune.name", { commune: commune.name }), description: t("feeds.commune.description", { commune: commune.name }), path: communePath(commune.slug), entries: await communeEntries(services, commune.id, now), personal: false };
    }
    const t = translator(lang ?? "fr");
    return { name: t("feeds.network.name"), description: t("feeds.network.description"), path: networkPath(), entries: await networkEntries(services, now), personal: false };
  }

  return async function handleFeedRequest(req: FeedRequest): Promise<FeedResponse | null> {
    const parsed = parseFeedPath(req.path);
    if (parsed === null) return null;
    if (parsed === "unknown") return NOT_FOUND;
    const kind = parsed.target.kind;
    const now = services.clock();
    const make = async () => {
      const built = await build(parsed.target, asLocale(parsed.lang), now);
      if (!built) return null;
      const body = buildFeed({
        name: built.name,
        description: built.description,
        url: services.calendarFeeds.publicUrl,
        source: services.calendarFeeds.address(built.path)?.https,
        entries: built.entries,
        now,
      });
      return { built, body, etag: feedEtag(body) };
    };
    let made: { built: Built; body: string; etag: string } | null;
    try {
      made = parsed.target.kind === "personal" ? await make() : await publicFeed(`${kind}:${parsed.target.kind === "commune" ? parsed.target.slug : ""}:${parsed.lang ?? ""}`, make);
    } catch (err) {
      // Answered here rather than thrown: a web server's error log would write the request's
      // path, and with it the token. The error text cannot hold the token: queries carry its hash.
      log.error({ feed: kind, err: err instanceof Error ? err.message : String(err) }, "calendar feed failed");
      return UNAVAILABLE;
    }
    if (!made) {
      log.info({ feed: kind, status: 404 }, "calendar feed not found");
      return NOT_FOUND;
    }
    const { built, body, etag } = made;
    const headers = {
      ETag: etag,
      "Cache-Control": `${built.personal ? "private" : "public"}, max-age=${Math.min(REFRESH_SECONDS, 900)}`,
      // A feed address is a capability: never sent on as a referrer, never indexed.
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex",
    };
    if (matchesEtag(header(req.headers, "if-none-match"), etag)) {
      log.debug({ feed: kind, status: 304 }, "calendar feed unchanged");
      return { status: 304, headers, body: "" };
    }
    log.debug({ feed: kind, status: 200, entries: built.entries.length }, "calendar feed served");
    return {
      status: 200,
      headers: { ...headers, "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `inline; filename="${kind === "network" ? "cdce-reseau" : kind === "commune" ? "cdce-commune" : "cdce-agenda"}.ics"` },
      body,
    };
  };
}
