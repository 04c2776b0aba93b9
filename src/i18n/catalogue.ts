/**
 * Message catalogues and the translator. French is the source: its keys define
 * `MessageKey`, and the other catalogues must provide every key (the compiler checks
 * presence; a unit test checks that placeholders match). Messages use ICU syntax
 * (`{count, plural, one {# kit} other {# kits}}`) through intl-messageformat.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { roleMessages } from "./roles.js";
import { fr } from "./fr.js";
import { de } from "./de.js";
import { nl } from "./nl.js";
import { en } from "./en.js";
import { outboxMessages } from "./outbox.js";
import { momentumMessages } from "./momentum.js";
import { fomMessages } from "./fom.js";
import { copilMessages } from "./copil.js";
import { watchMessages } from "./watch.js";
import { diagnosticMessages } from "./diagnostic.js";
import { events } from "./events.js";
import { eventsWhen } from "./events-when.js";
import { eventsManage } from "./events-manage.js";
import { eventsTeam } from "./events-team.js";
import { eventsLocal } from "./events-local.js";
import { eventsSeries } from "./events-series.js";
import { initiativeMessages } from "./initiatives.js";
import { pollMessages } from "./polls.js";
import { sharingMessages } from "./sharing.js";
import { ideaMessages } from "./ideas.js";
import { privacyMessages } from "./privacy.js";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../core/types.js";

/**
 * Every bundle of messages: the core's, then one per feature (add a line here).
 * A key defined twice is a bug and stops the start.
 */
const BUNDLES = [
  { fr, de, nl, en },
  roleMessages,
  outboxMessages,
  momentumMessages,
  fomMessages,
  copilMessages,
  watchMessages,
  diagnosticMessages,
  events,
  eventsWhen,
  eventsManage,
  eventsTeam,
  eventsLocal,
  eventsSeries,
  initiativeMessages,
  pollMessages,
  sharingMessages,
  ideaMessages,
  privacyMessages,
] as const;

type AnyBundle = (typeof BUNDLES)[number];
export type MessageKey = (AnyBundle extends infer B ? (B extends { fr: infer F } ? keyof F : never) : never) & string;
export type Catalogue = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;

function merge(locale: Locale): Catalogue {
  const out: Record<string, string> = {};
  for (const bundle of BUNDLES) {
    for (const [key, text] of Object.entries(bundle[locale])) {
      if (key in out) throw new Error(`message key "${key}" is defined twice`);
      out[key] = text;
    }
  }
  return out as Catalogue;
}

export const CATALOGUES: Record<Locale, Catalogue> = { fr: merge("fr"), de: merge("de"), nl: merge("nl"), en: merge("en") };

/** Translates one key into one locale. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Per `locale\0key`: the formatter, or the text itself when it has nothing to format. */
const compiled = new Map<string, IntlMessageFormat | string>();

/**
 * Labels and sentences without placeholders are most messages of a reply: they are returned
 * as written instead of going through ICU formatting (a tenth of a fast command's time).
 * Only text with no braces and no doubled apostrophe (ICU's escape) is taken as written.
 */
const PLAIN = /^[^{}]*$/;

function format(locale: Locale, key: MessageKey, params: MessageParams): string {
  const cacheKey = `${locale}\u0000${key}`;
  let mf = compiled.get(cacheKey);
  if (mf === undefined) {
    const text = CATALOGUES[locale][key] ?? CATALOGUES.fr[key];
    mf = PLAIN.test(text) && !text.includes("''") ? text : new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
    compiled.set(cacheKey, mf);
  }
  return typeof mf === "string" ? mf : String(mf.format(params));
}

export function translator(locale: Locale): Translate {
  return (key, params = {}) => format(locale, key, params);
}

/**
 * Maps a platform locale (`de-DE`, `en-GB`, `nl`, `fr_BE`) to one of ours,
 * or undefined when we do not speak it.
 */
export function toLocale(raw: string | undefined | null): Locale | undefined {
  if (!raw) return undefined;
  const base = raw.toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? "") ? (base as Locale) : undefined;
}

export function isLocale(raw: string): raw is Locale {
  return (LOCALES as readonly string[]).includes(raw);
}

export { DEFAULT_LOCALE };
