/**
 * The ambassadors' directory as people read it: by province and language, only those who
 * agreed to appear; their recent activities; the calendar of events for ambassadors
 * (network events whose audience is ambassadors) and for young people (school and youth
 * actions of the communes).
 */
import type { Services } from "../../core/commands.js";
import type { MessageKey, Translate } from "../../core/i18n/catalogue.js";
import { fold } from "../../core/fold.js";
import { formatLocalDay } from "../../core/time/local.js";
import type { Block, Locale } from "../../core/types.js";
import { whenText, type CdceEvent } from "../events/index.js";
import type { ListedAmbassador } from "./ports.js";

/** Local event types that are youth actions. */
const YOUTH_EVENT_TYPES = ["action-ecole"];
const DAY = 86_400_000;

export function filterListed(all: readonly ListedAmbassador[], f: { province?: string; langue?: Locale }): ListedAmbassador[] {
  const p = f.province ? fold(f.province) : undefined;
  return all.filter((a) => (!f.langue || a.locale === f.langue) && (!p || a.communes.some((c) => c.province && fold(c.province).includes(p))));
}

/** One section per province (people listed once per province they serve), provinces in order. */
export function byProvince(t: Translate, listed: readonly ListedAmbassador[]): Block[] {
  const groups = new Map<string, string[]>();
  for (const a of listed) {
    const provinces = [...new Set(a.communes.map((c) => c.province ?? ""))];
    for (const province of provinces) {
      const communes = a.communes.filter((c) => (c.province ?? "") === province).map((c) => c.name).join(", ");
      groups.set(province, [...(groups.get(province) ?? []), t("amb.person", { name: a.name, language: t(`language.${a.locale}` as MessageKey), communes })]);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b, "fr")))
    .map(([province, people]) => ({ type: "section" as const, text: `**${province || t("amb.noProvince")}**\n${people.slice(0, 30).join("\n")}` }));
}

export async function activityBlock(services: Services, t: Translate, locale: Locale, listed: readonly ListedAmbassador[], now: Date, zone: string): Promise<Block | null> {
  const names = new Map(listed.map((a) => [a.personId, a.name]));
  const recent = await services.ambassadorNetwork.ambassadors.recentActivity([...names.keys()], new Date(now.getTime() - 60 * DAY), 8);
  if (recent.length === 0) return null;
  const lines = recent.map((r) => t("amb.activity.line", { day: formatLocalDay(r.at, zone, locale), name: names.get(r.personId) ?? "", what: r.title ?? r.kind }));
  return { type: "section", text: `**${t("amb.activity.title")}**\n${lines.join("\n")}` };
}

/** Events in the next two months for ambassadors or young people, soonest first. */
export async function calendarEvents(services: Services, now: Date): Promise<CdceEvent[]> {
  const until = now.getTime() + 60 * DAY;
  const forAmbassadors = await services.events.repo.list({ from: now, audience: "ambassadeurs", limit: 20 });
  const local = await services.events.repo.list({ from: now, kinds: ["local"], limit: 200 });
  const youth = local.filter((e) => YOUTH_EVENT_TYPES.includes(e.theme));
  const seen = new Set<string>();
  return [...forAmbassadors, ...youth]
    .filter((e) => e.startsAt.getTime() <= until && !seen.has(e.id) && seen.add(e.id))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, 10);
}

export async function calendarBlock(services: Services, t: Translate, locale: Locale, now: Date, zone: string): Promise<Block> {
  const events = await calendarEvents(services, now);
  if (events.length === 0) return { type: "context", text: t("amb.calendar.none") };
  const communes = new Map<string, string>();
  for (const id of new Set(events.map((e) => e.communeId).filter((x): x is string => !!x))) {
    const c = await services.repos.communes.get(id);
    if (c) communes.set(id, c.name);
  }
  const lines = events.map((e) => t("amb.calendar.line", { when: whenText(e, zone, locale), title: e.title, code: e.code, commune: e.communeId ? ` · ${communes.get(e.communeId) ?? ""}` : "" }));
  return { type: "section", text: `**${t("amb.calendar.title")}**\n${lines.join("\n")}` };
}
