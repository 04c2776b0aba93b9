/**
 * Local events of a commune (stand, workshop, breakfast, market, school action): reading
 * what a CoPil typed, volunteer slots included (`10h-12h x2, 14h-16h x3`).
 */
import type { Translate } from "../../core/i18n/catalogue.js";
import type { Commune } from "../../core/ports.js";
import type { Locale } from "../../core/types.js";
import { DateTime } from "luxon";
import { fromLocalParts } from "../../core/time/local.js";
import { extractTimes } from "../../core/time/when-parts.js";
import { parseWhen } from "../../core/time/when.js";
import { whenMessage } from "./validate.js";
import { campaignAt } from "./campaign.js";
import { LOCAL_TYPES, type NewEvent, type NewSlot } from "./model.js";
import { readLocalType } from "./vocabulary.js";
import { inRange } from "../../core/numbers.js";
import { prefixWithin } from "../../core/clip.js";

/** Most slots per event (buttons and messages stay readable). */
export const MAX_SLOTS = 8;
export const MAX_SLOT_PEOPLE = 50;

/**
 * `10h-12h x2, 14:00-16:00 3 personnes`: each part a time range on the event's local day
 * and a number of people (1 when not given). Null with the faulty part when unreadable.
 */
export function parseSlots(raw: string, day: Date, zone: string): { slots: NewSlot[] } | { bad: string; people?: true } {
  const local = DateTime.fromJSDate(day, { zone });
  const slots: NewSlot[] = [];
  for (const part of raw.split(/[,;\n]+/).map((p) => p.trim()).filter(Boolean)) {
    // Any number of digits: `x100` must be refused with the bounds, not read as no count (1 person).
    const count = /(?:x|×)\s*(\d+)\b|\b(\d+)\s*(?:pers\w*|people|bénévoles|benevoles|ehrenamtliche|vrijwilligers|volunteers)\b/i.exec(part);
    const people = count ? Number(count[1] ?? count[2]) : 1;
    if (!inRange(people, 1, MAX_SLOT_PEOPLE)) return { bad: part, people: true };
    const times = extractTimes((count ? part.replace(count[0], " ") : part).toLowerCase());
    const [from, to] = times.times;
    if (!from || !to || times.times.length !== 2) return { bad: part };
    const at = (t: { hour: number; minute: number }) => fromLocalParts({ year: local.year, month: local.month, day: local.day, ...t }, zone);
    const startsAt = at(from);
    const endsAt = at(to);
    if (!startsAt || !endsAt || endsAt <= startsAt) return { bad: part };
    slots.push({ startsAt, endsAt, capacity: people });
  }
  if (slots.length === 0 || slots.length > MAX_SLOTS) return { bad: prefixWithin(raw, 40) };
  return { slots };
}

export interface LocalFields {
  type?: string;
  titre?: string;
  debut?: string;
  lieu?: string;
  creneaux?: string;
  description?: string;
}

/** Checks a local event; every problem reported at once, per field. */
export function readLocalEvent(
  f: LocalFields,
  ctx: { t: Translate; commune: Commune; now: Date; personId: string; locale: Locale },
): { ok: true; event: NewEvent; slots: NewSlot[] } | { ok: false; errors: Record<string, string> } {
  const { t, commune, now } = ctx;
  const zone = commune.timeZone;
  const locale = ctx.locale;
  const errors: Record<string, string> = {};
  const type = f.type ? readLocalType(f.type) : undefined;
  if (!type) errors.type = t("ev.local.type", { value: prefixWithin(f.type ?? "", 30), types: LOCAL_TYPES.join(", ") });
  if (!f.titre) errors.titre = t("error.option.required", { option: "titre" });
  if (!f.lieu) errors.lieu = t("error.option.required", { option: "lieu" });
  let start: Date | undefined;
  let end: Date | undefined;
  if (!f.debut) errors.debut = t("ev.when.missing", { field: "debut", example: t("ev.local.example") });
  else {
    const r = parseWhen(f.debut, { locale, zone, now });
    if (!r.ok) errors.debut = whenMessage(t, r, zone, locale, "debut");
    else if (!r.end) errors.debut = t("ev.local.needsEnd", { example: t("ev.local.example") });
    else [start, end] = [r.start, r.end];
  }
  let slots: NewSlot[] = [];
  if (f.creneaux && start && end) {
    const parsed = parseSlots(f.creneaux, start, zone);
    if ("bad" in parsed && parsed.people) errors.creneaux = t("ev.local.slotPeople", { value: prefixWithin(parsed.bad, 40), min: 1, max: MAX_SLOT_PEOPLE });
    else if ("bad" in parsed) errors.creneaux = t("ev.local.badSlot", { value: prefixWithin(parsed.bad, 40), max: MAX_SLOTS });
    else if (parsed.slots.some((s) => s.startsAt < start! || s.endsAt > end!)) errors.creneaux = t("ev.local.slotOutside");
    else slots = parsed.slots;
  }
  if (Object.keys(errors).length || !type || !start || !end || !f.titre || !f.lieu) return { ok: false, errors };
  return {
    ok: true,
    slots,
    event: {
      kind: "local",
      title: prefixWithin(f.titre, 150),
      theme: type,
      description: f.description?.slice(0, 500) ?? null,
      startsAt: start,
      endsAt: end,
      timeZone: zone,
      link: null,
      place: prefixWithin(f.lieu, 200),
      capacity: null,
      language: commune.languages[0] ?? locale,
      audiences: [],
      communeId: commune.id,
      seriesId: null,
      campaign: campaignAt(start, zone)?.key ?? null,
      createdBy: ctx.personId,
    },
  };
}
