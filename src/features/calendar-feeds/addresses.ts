/**
 * Feed addresses under PUBLIC_URL: `/cal/p/<token>.ics` (a person's own), `/cal/c/<slug>.ics`
 * (a commune's public events), `/cal/reseau.ics` (the network's webinars), each in its https
 * form and its webcal form (which calendar applications open as a subscription).
 */
export const FEED_PREFIX = "/cal/";
export const NETWORK_FEED = "reseau";

export interface FeedAddress {
  https: string;
  webcal: string;
}

function join(publicUrl: string, path: string): string {
  const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;
  return new URL(path.replace(/^\//, ""), base).toString();
}

export function feedAddress(publicUrl: string, path: string): FeedAddress {
  const https = join(publicUrl, path);
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}

export const personalPath = (token: string) => `${FEED_PREFIX}p/${token}.ics`;
export const communePath = (slug: string) => `${FEED_PREFIX}c/${encodeURIComponent(slug)}.ics`;
export const networkPath = () => `${FEED_PREFIX}${NETWORK_FEED}.ics`;

export type FeedTarget = { kind: "personal"; token: string } | { kind: "commune"; slug: string } | { kind: "network" };

/** Which feed a request path asks for, or null when it is not a feed path; `?lang=xx` is read too. */
export function parseFeedPath(rawPath: string): { target: FeedTarget; lang: string | null } | null | "unknown" {
  const q = rawPath.indexOf("?");
  const path = q < 0 ? rawPath : rawPath.slice(0, q);
  const lang = q < 0 ? null : new URLSearchParams(rawPath.slice(q + 1)).get("lang");
  if (!path.startsWith(FEED_PREFIX)) return null;
  const rest = path.slice(FEED_PREFIX.length);
  if (rest === `${NETWORK_FEED}.ics`) return { target: { kind: "network" }, lang };
  const m = /^([pc])\/([^/]+)\.ics$/.exec(rest);
  if (!m) return "unknown";
  let id: string;
  try {
    id = decodeURIComponent(m[2]!);
  } catch {
    return "unknown";
  }
  return { target: m[1] === "p" ? { kind: "personal", token: id } : { kind: "commune", slug: id }, lang };
}
