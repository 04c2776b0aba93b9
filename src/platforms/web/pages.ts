/**
 * What each public page shows, read through the services and shaped for the templates:
 * only what is public already (published initiatives, scheduled local events, polls their
 * authors opened to the public, ideas the CoPil accepted), localised. The rows behind a page
 * are kept a few seconds (`cacheMs`): a commune page under a crowd reads the database once
 * per commune and period, not once per visitor.
 */
import type { Services } from "../../core/commands.js";
import type { Commune } from "../../core/ports.js";
import type { Locale } from "../../core/types.js";
import { translator, type MessageKey } from "../../core/i18n/catalogue.js";
import { clip } from "../../core/clip.js";
import type { Initiative } from "../../features/initiatives/index.js";
import type { CdceEvent } from "../../features/events/index.js";
import { PARTNER_KINDS, type Partner } from "../../features/partners/index.js";
import type { Poll } from "../../features/polls/index.js";
import type { Idea } from "../../features/ideas/index.js";
import { INTL_TAG } from "./locale.js";
import type { WebT } from "./texts.js";

export interface CommuneRows {
  commune: Commune;
  initiatives: Initiative[];
  events: CdceEvent[];
  /** Shown by name, kind and what they do together: never their contact details (members only). */
  partners: Partner[];
  polls: Poll[];
  ideas: Idea[];
}

const PUBLIC_STATUSES = new Set(["titled", "candidate"]);

/** Date formatters are costly to build: one per language, zone and style, kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(tag, options)));
  return f;
}
const ACCEPTED = ["new", "study", "kept", "done"] as const;

export class PageData {
  private readonly rows = new Map<string, { at: number; value: Promise<CommuneRows | null> }>();
  private communesAt = 0;
  private communesValue: Promise<Commune[]> | undefined;

  constructor(
    private readonly services: Services,
    private readonly cacheMs: number,
  ) {}

  private fresh(at: number): boolean {
    return this.cacheMs > 0 && performance.now() - at < this.cacheMs;
  }

  /** The communes citizens can visit (titled or candidate), by name. */
  communes(): Promise<Commune[]> {
    if (!this.communesValue || !this.fresh(this.communesAt)) {
      this.communesAt = performance.now();
      this.communesValue = this.services.repos.communes.listFollowed().then((all) => all.filter((c) => PUBLIC_STATUSES.has(c.status)));
      this.communesValue.catch(() => (this.communesValue = undefined));
    }
    return this.communesValue;
  }

  async commune(slug: string): Promise<Commune | null> {
    return (await this.communes()).find((c) => c.slug === slug) ?? null;
  }

  /** A commune's page rows, or null for a slug that is not a public commune. */
  communeRows(slug: string): Promise<CommuneRows | null> {
    const hit = this.rows.get(slug);
    if (hit && this.fresh(hit.at)) return hit.value;
    const value = this.load(slug);
    value.catch(() => this.rows.delete(slug));
    if (this.cacheMs > 0) this.rows.set(slug, { at: performance.now(), value });
    return value;
  }

  /** Forgets a commune's rows (after an answer that changes what it shows). */
  forget(slug: string): void {
    this.rows.delete(slug);
  }

  private async load(slug: string): Promise<CommuneRows | null> {
    const commune = await this.commune(slug);
    if (!commune) return null;
    const now = this.services.clock();
    const s = this.services;
    const [initiatives, events, polls, ideas, partners] = await Promise.all([
      s.community.initiatives.list({ statuses: ["published"], communeIds: [commune.id], limit: 6 }),
      s.events.repo.list({ from: now, kinds: ["local"], communeId: commune.id, limit: 6 }),
      s.community.polls.openPublic(commune.id, now, 5),
      s.community.ideas.list(commune.id, ACCEPTED, 30),
      s.community.partners.list(commune.id),
    ]);
    // Only ideas that came from these pages: members' ideas in the chat were not written for the public.
    return { commune, initiatives, events, polls, ideas: ideas.filter((i) => i.origin === "web").slice(0, 5), partners };
  }
}

/** "since when" from what is known: a day, a month, a year, or "that year at the latest". */
export function sinceText(titledOn: string, locale: Locale, t: WebT): string {
  const tag = INTL_TAG[locale];
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(titledOn))) return dateFormat(tag, { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)));
  if ((m = /^(\d{4})-(\d{2})$/.exec(titledOn))) return dateFormat(tag, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(+m[1]!, +m[2]! - 1, 1)));
  if ((m = /^<=\s*(\d{4})$/.exec(titledOn))) return t("commune.atMost", { year: m[1]! });
  return titledOn;
}

export function communeStatusLine(c: Commune, locale: Locale, t: WebT): string {
  if (c.status === "candidate") return t("commune.candidate");
  return c.titledOn ? t("commune.titled", { since: sinceText(c.titledOn, locale, t) }) : t("commune.titledUnknown");
}

/** The commune page's content, localised, for the templates (which escape every value). */
export function communeView(rows: CommuneRows, locale: Locale, t: WebT) {
  const tag = INTL_TAG[locale];
  const kt = translator(locale);
  const day = dateFormat(tag, { dateStyle: "long", timeZone: "UTC" });
  return {
    name: rows.commune.name,
    slug: rows.commune.slug,
    status: communeStatusLine(rows.commune, locale, t),
    initiatives: rows.initiatives.map((i) => ({
      title: clip(i.title, 140),
      text: clip(i.description, 320),
      kind: kt(`initiative.kind.${i.kind}` as MessageKey),
      date: day.format(i.happenedOn),
      iso: i.happenedOn.toISOString().slice(0, 10),
      place: i.place,
    })),
    events: rows.events.map((e) => ({
      title: clip(e.title, 140),
      when: dateFormat(tag, { dateStyle: "full", timeStyle: "short", timeZone: e.timeZone }).format(e.startsAt),
      iso: e.startsAt.toISOString(),
      place: e.place,
      text: e.description ? clip(e.description, 280) : null,
    })),
    surveys: rows.polls.map((p) => ({
      id: p.id,
      question: clip(p.question, 200),
      closes: p.closesAt ? t("survey.closesAt", { when: dateFormat(tag, { dateStyle: "long", timeStyle: "short", timeZone: rows.commune.timeZone }).format(p.closesAt) }) : null,
    })),
    ideas: rows.ideas.map((i) => ({ text: clip(i.text, 400), date: day.format(i.createdAt) })),
    partners: PARTNER_KINDS.map((kind) => ({
      kind: kt(`partner.kind.${kind}` as MessageKey),
      names: rows.partners.filter((p) => p.kind === kind).map((p) => ({ name: clip(p.name, 120), together: p.together ? clip(p.together, 200) : null })),
    })).filter((g) => g.names.length > 0),
  };
}
export type CommuneView = ReturnType<typeof communeView>;
