/**
 * Checks the kits' links: does each one still answer? A link is `working` when a GET, after
 * following redirects, ends in a 2xx; `broken` otherwise (4xx, 5xx, no answer in time, a
 * refused connection, too many redirects). A few requests at a time and a User-Agent naming
 * the bot, so that the sites we link to can tell who knocks, and are not hammered.
 *
 * The HTTP client is passed in (`fetch` in production, the same against a local server in
 * tests): this module does no I/O of its own.
 */
import type { Kit, KitRepository, LinkCheck } from "../../core/ports.js";

/** Says who we are and where to read about it. */
export const LINK_CHECK_USER_AGENT = "CDCE-bot-linkcheck/0.1 (Communes du Commerce Equitable; checks links of its kit catalogue)";

export type Fetch = (url: string, init: { method: string; redirect: "follow"; signal: AbortSignal; headers: Record<string, string> }) => Promise<{ status: number; body?: { cancel(): Promise<void> } | null }>;

export interface LinkCheckOptions {
  fetch: Fetch;
  now: Date;
  /** Per link, in milliseconds. */
  timeoutMs?: number;
  /** Requests in flight at once. */
  concurrency?: number;
}

/** Checks one URL. Never throws. */
export async function checkLink(url: string, o: LinkCheckOptions): Promise<LinkCheck> {
  const timeoutMs = o.timeoutMs ?? 10_000;
  try {
    const response = await o.fetch(url, {
      method: "GET",
      redirect: "follow",
      signal: AbortSignal.timeout(timeoutMs),
      headers: { "user-agent": LINK_CHECK_USER_AGENT, accept: "text/html,application/pdf,*/*;q=0.8" },
    });
    // Only the status matters: do not download the page.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { status: "working", at: o.now };
    return { status: "broken", at: o.now, reason: String(response.status) };
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    const reason = name === "TimeoutError" || name === "AbortError" ? "timeout" : "network";
    return { status: "broken", at: o.now, reason };
  }
}

/** Checks many URLs, `concurrency` at a time; the answer has one entry per distinct URL. */
export async function checkLinks(urls: readonly string[], o: LinkCheckOptions): Promise<Map<string, LinkCheck>> {
  const queue = [...new Set(urls)];
  const results = new Map<string, LinkCheck>();
  const workers = Array.from({ length: Math.max(1, Math.min(o.concurrency ?? 4, queue.length)) }, async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) results.set(url, await checkLink(url, o));
  });
  await Promise.all(workers);
  return results;
}

export interface CatalogueCheck {
  working: number;
  broken: { kitId: string; url: string; reason?: string }[];
}

/**
 * Checks every link of every kit (withdrawn ones aside) and records each kit's results.
 * The kit's content and date are left alone: a check is not an edit.
 */
export async function checkCatalogueLinks(repo: KitRepository, o: LinkCheckOptions): Promise<CatalogueCheck> {
  const kits = (await repo.all()).filter((k) => !k.withdrawnAt);
  const results = await checkLinks(kits.flatMap((k) => k.links), o);
  const summary: CatalogueCheck = { working: 0, broken: [] };
  for (const kit of kits) {
    if (kit.links.length === 0) continue;
    const checks: Record<string, LinkCheck> = {};
    for (const url of kit.links) {
      const check = results.get(url)!;
      checks[url] = check;
      if (check.status === "working") summary.working++;
      else summary.broken.push({ kitId: kit.id, url, reason: check.reason });
    }
    await repo.recordLinkChecks(kit.id, checks);
  }
  return summary;
}

/** What a reader should be told about a link: nothing when it was found working. */
export function linkFlag(kit: Kit, url: string): "unchecked" | "broken" | null {
  const check = kit.linkChecks?.[url];
  if (!check) return "unchecked";
  return check.status === "broken" ? "broken" : null;
}

/** The broken links of a catalogue, kit by kit (for the monthly list to coordination). */
export function brokenLinks(kits: readonly Kit[]): { kit: Kit; url: string; reason?: string }[] {
  return kits
    .filter((k) => !k.withdrawnAt)
    .flatMap((kit) => kit.links.filter((url) => kit.linkChecks?.[url]?.status === "broken").map((url) => ({ kit, url, reason: kit.linkChecks?.[url]?.reason })));
}
