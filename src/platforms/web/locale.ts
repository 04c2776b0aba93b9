/** The page's language: `?lang=` first (the visible switch), then Accept-Language, then the commune's own, then French. */
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../../core/types.js";

const isLocale = (s: string): s is Locale => (LOCALES as readonly string[]).includes(s);

/** The best of our four languages in an Accept-Language header (`nl-BE,nl;q=0.9,fr;q=0.5`), if any. */
export function fromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .slice(0, 500)
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { lang: (tag ?? "").trim().toLowerCase().split("-")[0] ?? "", q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.q > 0 && isLocale(x.lang))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang as Locale | undefined;
}

export function pickLocale(query: unknown, acceptLanguage: string | undefined, fallback?: readonly Locale[]): { locale: Locale; explicit: boolean } {
  const asked = typeof query === "string" ? query.toLowerCase() : "";
  if (isLocale(asked)) return { locale: asked, explicit: true };
  return { locale: fromAcceptLanguage(acceptLanguage) ?? fallback?.[0] ?? DEFAULT_LOCALE, explicit: false };
}

export const LANGUAGE_NAMES: Record<Locale, string> = { fr: "Français", de: "Deutsch", nl: "Nederlands", en: "English" };
/** BCP 47 tags for dates in Belgium. */
export const INTL_TAG: Record<Locale, string> = { fr: "fr-BE", de: "de-BE", nl: "nl-BE", en: "en-GB" };
