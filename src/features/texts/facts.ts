/**
 * The facts of a ready-to-send text, taken from what is stored and nothing else: the
 * commune (its name, since when it holds the title), the initiative or event (title,
 * description, day, time, place, link) and the partners credited on it. A fact not stored is
 * absent, and the templates leave out what needs it.
 */
import type { Commune } from "../../core/ports.js";
import type { Locale } from "../../core/types.js";
import { formatLocalDay, formatLocalTime } from "../../core/time/local.js";
import { formatDay } from "../watch/index.js";
import type { Initiative } from "../initiatives/index.js";
import type { CdceEvent } from "../events/index.js";
import type { Facts } from "./template.js";

const INTL: Record<Locale, string> = { fr: "fr-BE", de: "de-BE", nl: "nl-BE", en: "en-GB" };
const DAY_ARTICLE: Record<Locale, string> = { fr: "le ", de: "dem ", nl: "", en: "" };

/**
 * Since when the commune holds the title, as precisely as it is stored: `2014-07-03` a day,
 * `2021-10` a month, `2023` a year; `<=2019` or nothing says no date (the title stays, without "since").
 */
export function sinceText(titledOn: string | null, locale: Locale): string | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(titledOn?.trim() ?? "");
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
  // A day takes its article where the language wants one: "depuis le 19 juillet 2022", "seit dem 19. Juli 2022".
  if (month && day) return `${DAY_ARTICLE[locale]}${formatDay(locale, new Date(Date.UTC(year, month - 1, day)))}`;
  if (month) return new Intl.DateTimeFormat(INTL[locale], { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, 1)));
  return String(year);
}

/** `a, b et c` in the text's language. */
export function listText(locale: Locale, items: readonly string[]): string | undefined {
  return items.length ? new Intl.ListFormat(INTL[locale], { style: "long", type: "conjunction" }).format(items) : undefined;
}

const given = (s: string | null | undefined) => (s && s.trim() ? s.trim() : undefined);

function communeFacts(commune: Commune, locale: Locale, partnerNames: readonly string[]): Facts {
  return { commune: commune.name, since: sinceText(commune.titledOn, locale), partners: listText(locale, partnerNames) };
}

export function initiativeFacts(i: Initiative, commune: Commune, partnerNames: readonly string[], locale: Locale): Facts {
  return {
    ...communeFacts(commune, locale, partnerNames),
    title: i.title,
    description: given(i.description),
    date: formatDay(locale, i.happenedOn),
    place: given(i.place),
    link: i.links[0],
  };
}

export function eventFacts(e: CdceEvent, commune: Commune, partnerNames: readonly string[], locale: Locale): Facts {
  return {
    ...communeFacts(commune, locale, partnerNames),
    title: e.title,
    description: given(e.description),
    date: formatLocalDay(e.startsAt, e.timeZone, locale),
    time: formatLocalTime(e.startsAt, e.timeZone),
    place: given(e.place),
    link: given(e.link),
  };
}
