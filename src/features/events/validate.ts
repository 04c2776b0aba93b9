/**
 * Reads what a person typed to schedule a webinar (options, or the fields of the form) into
 * a new event, or into one clear message per field: what was understood, and what to type.
 */
import type { Translate } from "../../core/i18n/catalogue.js";
import type { Locale } from "../../core/types.js";
import { formatLocal, formatLocalDay } from "../../core/time/local.js";
import { parseDuration } from "../../core/time/when-parts.js";
import { MAX_YEARS_AHEAD, parseWhen, type WhenResult } from "../../core/time/when.js";
import { foldLines } from "./when-choices.js";
import type { EventAudience, NewEvent, WebinarTheme } from "./model.js";
import { WEBINAR_THEMES } from "./model.js";
import { isTrainingWord, isUnlimitedWord, readAudience, readLanguage, readTheme } from "./vocabulary.js";
import { inRange, parseDecimalInt } from "../../core/numbers.js";
import { prefixWithin } from "../../core/clip.js";

/** Longest event we accept: a training day. */
export const MAX_DURATION_MIN = 12 * 60;
export const DEFAULT_DURATION_MIN = 60;
export const MAX_CAPACITY = 10_000;

/** The message for a date that could not be used, naming what was understood. */
export function whenMessage(t: Translate, r: Extract<WhenResult, { ok: false }>, zone: string, locale: Locale, field: string): string {
  const understood = r.understood ? formatLocal(r.understood, zone, locale) : "";
  const example = t("ev.when.example");
  switch (r.problem) {
    case "past":
      return t("ev.when.past", { field, understood, example });
    case "no_time":
      return t("ev.when.noTime", { field, understood: r.understood ? formatLocal(r.understood, zone, locale).replace(/[, ]+\d{2}:\d{2}$/, "") : "", example });
    case "no_date":
      return t("ev.when.noDate", { field, example });
    case "invalid_date":
      return t("ev.when.invalid", { field, detail: r.detail ?? "", example });
    case "dst_gap":
      return t("ev.when.dstGap", { field, example });
    case "dst_fold":
      return t("ev.when.dstFold", { field, understood: r.understood ? formatLocal(r.understood, zone, locale) : "", ...foldLines(r) });
    case "too_far":
      return t("ev.when.tooFar", { field, understood, years: MAX_YEARS_AHEAD, limit: r.limit ? formatLocalDay(r.limit, zone, locale) : "", example });
    case "end_before_start":
      return t("ev.when.endBeforeStart", { field, understood, example });
    case "ambiguous": {
      if (r.detail === "day_month") return t("ev.when.dayMonth", { field, understood, example });
      if (r.detail === "weekday") return t("ev.when.weekdayMismatch", { field, understood, example });
      if (r.detail === "weekday_today") return t("ev.when.weekdayToday", { field, understood, example });
      return understood ? t("ev.when.ambiguous", { field, understood, detail: r.detail ?? "", example }) : t("ev.when.unparsed", { field, value: r.detail ?? "", example });
    }
    default:
      return t("ev.when.unparsed", { field, value: r.detail ?? "", example });
  }
}

export interface WebinarFields {
  titre?: string;
  theme?: string;
  debut?: string;
  duree?: string;
  lien?: string;
  capacite?: string;
  langue?: string;
  public?: string;
  type?: string;
  details?: string;
}

export type ReadResult = { ok: true; event: NewEvent } | { ok: false; errors: Record<string, string> };

/**
 * `details` (one field of the form): `30 places, fr, copil bénévoles, 90 min, formation`.
 * Sorts its words into the other fields; unknown words are reported.
 */
export function splitDetails(details: string): { fields: WebinarFields; unknown: string[] } {
  const fields: WebinarFields = {};
  const unknown: string[] = [];
  const audiences: string[] = [];
  const words = details.replace(/(\d)\s+(places?|plätze|platze|plaatsen|seats|pl\.?|min|minutes?|h|heures?|std|stunden?|uur)\b/gi, "$1$2").split(/[\s,;]+/).filter(Boolean);
  for (const w of words) {
    const seats = /^(\d{1,5})(?:places?|plätze|platze|plaatsen|seats|pl\.?)?$/i.exec(w);
    if (seats && !fields.capacite) fields.capacite = seats[1];
    else if (parseDuration(w) !== null && /\D/.test(w)) fields.duree = w;
    else if (isUnlimitedWord(w)) fields.capacite = w;
    else if (readLanguage(w)) fields.langue = w;
    else if (readAudience(w)) audiences.push(w);
    else if (isTrainingWord(w)) fields.type = w;
    else unknown.push(w);
  }
  if (audiences.length) fields.public = audiences.join(",");
  return { fields, unknown };
}

/** Checks every field; all problems are reported at once, per field. */
export function readWebinar(input: WebinarFields, ctx: { t: Translate; locale: Locale; zone: string; now: Date; personId: string }): ReadResult {
  const { t, locale, zone, now } = ctx;
  const errors: Record<string, string> = {};
  let f = { ...input };
  if (f.details) {
    const split = splitDetails(f.details);
    f = { ...split.fields, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== "")) };
    if (split.unknown.length) errors.details = t("ev.details.unknown", { words: prefixWithin(split.unknown.join(" "), 80) });
  }
  if (!f.titre) errors.titre = t("error.option.required", { option: "titre" });
  let theme: WebinarTheme | null = null;
  if (!f.theme) errors.theme = t("ev.theme.missing", { themes: WEBINAR_THEMES.join(", ") });
  else {
    const read = readTheme(f.theme);
    theme = read.theme;
    if (!theme) errors.theme = t("ev.theme.unknown", { value: prefixWithin(f.theme, 40), suggestions: read.suggestions.join(", ") || "—", themes: WEBINAR_THEMES.join(", ") });
  }
  let start: Date | undefined;
  let end: Date | undefined;
  if (!f.debut) errors.debut = t("ev.when.missing", { field: "debut", example: t("ev.when.example") });
  else {
    const r = parseWhen(f.debut, { locale, zone, now });
    if (r.ok) [start, end] = [r.start, r.end];
    else errors.debut = whenMessage(t, r, zone, locale, "debut");
  }
  let minutes = DEFAULT_DURATION_MIN;
  if (f.duree) {
    const d = parseDuration(f.duree);
    if (d === null || d < 5 || d > MAX_DURATION_MIN) errors.duree = t("ev.duration.bad", { value: prefixWithin(f.duree, 20), max: MAX_DURATION_MIN / 60 });
    else minutes = d;
  }
  if (f.lien && !/^https:\/\/\S+$/.test(f.lien)) errors.lien = t("ev.link.bad");
  let capacity: number | null = null;
  if (f.capacite && !isUnlimitedWord(f.capacite)) {
    const n = parseDecimalInt(f.capacite);
    if (!inRange(n, 1, MAX_CAPACITY)) errors.capacite = t("ev.capacity.bad", { value: prefixWithin(f.capacite, 20), max: MAX_CAPACITY });
    else capacity = n;
  }
  let language: Locale = locale;
  if (f.langue) {
    const l = readLanguage(f.langue);
    if (!l) errors.langue = t("error.option.choice", { option: "langue", value: prefixWithin(f.langue, 20), values: "fr, de, nl, en" });
    else language = l;
  }
  const audiences: EventAudience[] = [];
  for (const word of (f.public ?? "").split(/[,;]+/).map((w) => w.trim()).filter(Boolean)) {
    const a = readAudience(word);
    if (!a) errors.public = t("ev.audience.unknown", { value: prefixWithin(word, 30), values: "copil, elus, benevoles, ambassadeurs, agents" });
    else if (!audiences.includes(a)) audiences.push(a);
  }
  if (Object.keys(errors).length || !start || !theme || !f.titre) return { ok: false, errors };
  return {
    ok: true,
    event: {
      kind: f.type && isTrainingWord(f.type) ? "training" : "webinar",
      title: prefixWithin(f.titre, 150),
      theme,
      description: null,
      startsAt: start,
      endsAt: end ?? new Date(start.getTime() + minutes * 60_000),
      timeZone: zone,
      link: f.lien ?? null,
      place: null,
      capacity,
      language,
      audiences,
      communeId: null,
      seriesId: null,
      campaign: null,
      createdBy: ctx.personId,
    },
  };
}
