/**
 * How an event looks in a reply or a notification: one card (title, when, theme, seats,
 * link, Google Calendar link, buttons) in the reader's language and zone.
 */
import type { Translate, MessageKey } from "../../core/i18n/catalogue.js";
import { translator } from "../../core/i18n/catalogue.js";
import type { Block, Button, Locale, Reply } from "../../core/types.js";
import { reply } from "../../core/reply.js";
import { formatLocal, formatLocalTime, sameLocalDay } from "../../core/time/local.js";
import { googleCalendarLink } from "./ics.js";
import { isNetworkEvent, type CdceEvent, type EventSlot } from "./model.js";
import { prefixWithin } from "../../core/clip.js";

/** Sub-command word of an event's kind: buttons run `webinaire …` or `evenement …`. */
export const commandWord = (e: Pick<CdceEvent, "kind">) => (isNetworkEvent(e) ? "webinaire" : "evenement");

export const themeName = (t: Translate, e: Pick<CdceEvent, "kind" | "theme">) =>
  t(`${isNetworkEvent(e) ? "ev.theme" : "ev.type"}.${e.theme}` as MessageKey);

/** `mardi 30 mars 2027, 19:00–20:30` (end date written when it is another day). */
export function whenText(e: Pick<CdceEvent, "startsAt" | "endsAt">, zone: string, locale: Locale): string {
  const start = formatLocal(e.startsAt, zone, locale);
  return `${start}–${sameLocalDay(e.startsAt, e.endsAt, zone) ? formatLocalTime(e.endsAt, zone) : formatLocal(e.endsAt, zone, locale)}`;
}

export interface CardOptions {
  zone: string;
  /** Whether the reader is registered (join or leave button). */
  status?: "going" | "waitlist" | null;
  waitlisted?: number;
  buttons?: boolean;
  slots?: EventSlot[];
  communeName?: string | null;
  /** People interested on the platforms' calendars (Discord's scheduled event), when known. */
  interested?: number | null;
}

/** The blocks of one event. */
export function eventCard(e: CdceEvent, t: Translate, locale: Locale, o: CardOptions): Block[] {
  const word = commandWord(e);
  const fields = [
    { label: t("ev.field.theme"), value: themeName(t, e) },
    { label: t("ev.field.language"), value: t(`language.${e.language}` as MessageKey) },
  ];
  if (e.audiences.length) fields.push({ label: t("ev.field.audiences"), value: e.audiences.map((a) => t(`audience.${a}` as MessageKey)).join(", ") });
  if (!o.slots?.length) {
    fields.push({
      label: t("ev.field.seats"),
      value: e.capacity === null ? t("ev.seats.unlimited", { going: e.goingCount }) : t("ev.seats.count", { going: e.goingCount, capacity: e.capacity, waiting: o.waitlisted ?? 0 }),
    });
  }
  if (e.place) fields.push({ label: t("ev.field.place"), value: e.place });
  if (o.interested !== undefined && o.interested !== null) fields.push({ label: t("ev.field.interested"), value: String(o.interested) });
  if (o.communeName) fields.push({ label: t("ev.field.commune"), value: o.communeName });
  const lines = [`**${whenText(e, o.zone, locale)}**`];
  if (e.state === "cancelled") lines.unshift(`**${t("ev.cancelledMark")}**`);
  if (e.description) lines.push(e.description);
  if (e.link) lines.push(`[${t("ev.field.link")}](${e.link})`);
  const blocks: Block[] = [{ type: "header", text: e.title }, { type: "section", text: lines.join("\n"), fields }];
  for (const s of o.slots ?? []) {
    blocks.push({ type: "context", text: t("ev.slot.line", { n: s.position, from: formatLocalTime(s.startsAt, o.zone), to: formatLocalTime(s.endsAt, o.zone), taken: s.takenCount, capacity: s.capacity }) });
  }
  blocks.push({ type: "context", text: `${t("ev.code", { code: e.code })} · [${t("ev.google")}](${googleCalendarLink(e)})` });
  if (o.buttons !== false && e.state === "scheduled") {
    const buttons: Button[] = [];
    if (o.slots?.length) {
      for (const s of o.slots.slice(0, 3)) buttons.push({ label: t("ev.button.slot", { n: s.position, from: formatLocalTime(s.startsAt, o.zone) }), command: `${word} rejoindre ${e.code} creneau:${s.position}`, style: "primary" });
    } else if (o.status) buttons.push({ label: t("ev.button.leave"), command: `${word} quitter ${e.code}`, style: "danger" });
    else buttons.push({ label: t("ev.button.join"), command: `${word} rejoindre ${e.code}`, style: "primary" });
    buttons.push({ label: t("ev.button.ics"), command: `ics ${e.code}` });
    blocks.push({ type: "actions", buttons });
  }
  return blocks;
}

/** The announcement posted in the network's channels (buttons to register). */
export function announcement(e: CdceEvent, intro: "ev.announce.intro" | "ev.announce.shared", extra: Record<string, string> = {}, partnerNames: readonly string[] = []) {
  return (locale: Locale): Reply => {
    const t = translator(locale);
    // The commune's partners credited on a local action are named in its post (src/features/partners).
    const partners: Block[] = partnerNames.length ? [{ type: "context", text: t("ev.announce.partners", { partners: partnerNames.join(", ") }) }] : [];
    return reply(locale, [{ type: "section", text: t(intro, { code: e.code, commune: extra.commune ?? "" }) }, ...eventCard(e, t, locale, { zone: e.timeZone }), ...partners], "channel");
  };
}

/** A direct message about one event: a sentence, then the card (with or without buttons). */
export function notice(e: CdceEvent, zone: string, build: (t: Translate, locale: Locale) => string, o: { buttons?: boolean; status?: "going" | null } = {}) {
  return (locale: Locale): Reply => {
    const t = translator(locale);
    return reply(locale, [{ type: "section", text: build(t, locale) }, ...eventCard(e, t, locale, { zone, buttons: o.buttons ?? true, status: o.status ?? "going" })], "ephemeral");
  };
}

/** One announcement for a whole series: every session with its code, a button for the first ones. */
export function seriesAnnouncement(sessions: CdceEvent[]) {
  return (locale: Locale): Reply => {
    const t = translator(locale);
    const first = sessions[0]!;
    const lines = sessions.map((e, i) => `${i + 1}. ${whenText(e, e.timeZone, locale)} · \`${e.code}\``);
    const buttons: Button[] = sessions.slice(0, 4).map((e, i) => ({ label: t("ev.series.button", { n: i + 1 }), command: `webinaire rejoindre ${e.code}`, style: "primary" }));
    return reply(locale, [
      { type: "section", text: t("ev.series.announce", { count: sessions.length }) },
      { type: "header", text: first.title },
      { type: "section", text: prefixWithin(lines.join("\n"), 2900), fields: [{ label: t("ev.field.theme"), value: themeName(t, first) }, { label: t("ev.field.language"), value: t(`language.${first.language}` as MessageKey) }] },
      { type: "actions", buttons },
    ], "channel");
  };
}
