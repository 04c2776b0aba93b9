/**
 * Replies of `/cdce fom` (status and checklist) and `/cdce fom dossier` (the pre-filled
 * evidence summary, pasteable criterion by criterion and given as a Markdown file).
 */
import type { ActivityEvent, Commune, FomRecord } from "../../core/ports.js";
import type { Block, Locale, Reply } from "../../core/types.js";
import { reply } from "../../core/reply.js";
import type { Translate } from "../../core/i18n/catalogue.js";
import { CRITERIA, checklist, evidenceTitle, type Criterion } from "./evidence.js";
import type { FomStatus } from "./fom.js";
import type { RosterHealth } from "./roster.js";
import type { CopilMember } from "./ports.js";
import { criterionLabel, formatDay, formatList, formatShort, groupLabel, kindLabel } from "./format.js";

/** Items listed per criterion in the dossier (the rest is counted). */
const DOSSIER_ITEMS = 12;

function whenText(t: Translate, status: FomStatus): string {
  const d = status.daysLeft ?? 0;
  if (d > 0) return t("fom.when.later", { days: d });
  if (d === 0) return t("fom.when.today");
  return t("fom.when.overdue", { days: -d });
}

function historyText(t: Translate, locale: Locale, history: readonly FomRecord[]): string {
  if (history.length === 0) return t("fom.noHistory");
  const items = history.slice(-4).map((r) => `${formatShort(locale, r.on, "UTC")} (${r.grade ?? t("fom.ungraded")})`);
  return t("fom.history", { list: items.join(" · ") });
}

function copilLine(t: Translate, locale: Locale, health: RosterHealth): string {
  const base = t("fom.copil.line", { size: health.composition.size });
  if (health.composition.missing.length === 0) return base;
  return `${base} (${t("fom.copil.missing", { groups: formatList(locale, health.composition.missing.map((g) => groupLabel(t, g))) })})`;
}

export interface FomViewInput {
  commune: Commune;
  status: FomStatus;
  history: readonly FomRecord[];
  events: readonly ActivityEvent[];
  health: RosterHealth;
  /** Whether the caller may record a submission (shows the buttons). */
  canManage: boolean;
  /**
   * The commune's local partners as evidence (src/features/partners, put together by the
   * command): a count and a line per criterion they serve, and what is missing.
   */
  partners?: PartnerEvidence;
}

/** Partners counted per criterion, already worded in the reader's language. */
export interface PartnerEvidence {
  counts: ReadonlyMap<number, number>;
  lines: ReadonlyMap<number, string>;
  /** The kinds missing and the kit that helps to find each, one line each. */
  missing: readonly string[];
}

/** `/cdce fom`: status, deadline, grades, and the six criteria with their evidence. */
export function fomStatusReply(locale: Locale, t: Translate, v: FomViewInput): Reply {
  const lines: string[] = [];
  lines.push(v.status.dueOn ? t("fom.due", { due: formatDay(locale, v.status.dueOn), when: whenText(t, v.status) }) : t("fom.noDue"));
  lines.push(historyText(t, locale, v.history));
  const byCriterion = checklist(v.events);
  const rows = CRITERIA.map((c) => {
    const items = byCriterion.get(c) ?? [];
    const partnered = (v.partners?.counts.get(c) ?? 0) > 0;
    const done = items.length > 0 || partnered || (c === 5 && !v.health.small && v.health.composition.missing.length === 0);
    const latest = items[0] ? ` · ${evidenceTitle(items[0])} (${formatShort(locale, items[0].at)})` : "";
    const partnerLine = v.partners?.lines.get(c);
    const extra = c === 5 ? ` · ${copilLine(t, locale, v.health)}` : partnerLine ? ` · ${partnerLine}` : "";
    // " — " rather than " : ": the French colon spacing would be wrong in the other languages.
    return `${done ? "✅" : "⬜"} **${c}.** ${criterionLabel(t, c)} — ${t("fom.evidence.count", { count: items.length })}${latest}${extra}`;
  });
  const blocks: Block[] = [
    { type: "header", text: t("fom.title", { commune: v.commune.name }) },
    { type: "section", text: lines.join("\n") },
    { type: "section", text: `**${t("fom.checklist", { since: formatDay(locale, v.status.cycleStart) })}**\n${rows.join("\n")}` },
  ];
  if (v.partners?.missing.length) blocks.push({ type: "section", text: v.partners.missing.map((m) => `→ ${m}`).join("\n") });
  blocks.push({ type: "context", text: t("fom.hint") });
  const buttons = [{ label: t("fom.button.dossier"), command: `fom dossier ${v.commune.slug}` }];
  if (v.canManage) buttons.push({ label: t("fom.button.submitted"), command: `fom soumis ${v.commune.slug}` });
  blocks.push({ type: "actions", buttons });
  return reply(locale, blocks);
}

/** The dossier as Markdown, criterion by criterion (also the downloadable file's text). */
export function dossierSections(locale: Locale, t: Translate, events: readonly ActivityEvent[], members: readonly CopilMember[], health: RosterHealth, partners?: ReadonlyMap<number, readonly string[]>): Map<Criterion, string> {
  const byCriterion = checklist(events);
  const out = new Map<Criterion, string>();
  for (const c of CRITERIA) {
    const items = byCriterion.get(c) ?? [];
    const lines = items.slice(0, DOSSIER_ITEMS).map((e) => `- ${formatShort(locale, e.at)} · ${evidenceTitle(e)}`);
    if (items.length > DOSSIER_ITEMS) lines.push(t("fom.dossier.more", { count: items.length - DOSSIER_ITEMS }));
    lines.push(...(partners?.get(c) ?? []));
    if (c === 5 && members.length > 0) {
      lines.push(copilLine(t, locale, health));
      lines.push(...members.map((m) => `- ${m.name} (${kindLabel(t, m.kind)})`));
    }
    out.set(c, lines.length ? lines.join("\n") : `_${t("fom.dossier.none")}_`);
  }
  return out;
}

export interface DossierInput {
  commune: Commune;
  from: Date;
  to: Date;
  events: readonly ActivityEvent[];
  members: readonly CopilMember[];
  health: RosterHealth;
  /** The commune's partners as evidence, one line each, by criterion (put together by the command). */
  partners?: ReadonlyMap<number, readonly string[]>;
}

/** `/cdce fom dossier`: one section per criterion, plus the whole as a Markdown file. */
export function dossierReply(locale: Locale, t: Translate, d: DossierInput): Reply {
  const title = t("fom.dossier.title", { commune: d.commune.name });
  const period = t("fom.dossier.period", { from: formatDay(locale, d.from), to: formatDay(locale, d.to) });
  const sections = dossierSections(locale, t, d.events, d.members, d.health, d.partners);
  const blocks: Block[] = [{ type: "header", text: title }, { type: "context", text: period }];
  const markdown = [`# ${title}`, "", period, ""];
  for (const c of CRITERIA) {
    const heading = `${c}. ${criterionLabel(t, c)}`;
    blocks.push({ type: "section", text: `**${heading}**\n${sections.get(c)}` });
    markdown.push(`## ${heading}`, "", sections.get(c) ?? "", "");
  }
  const r = reply(locale, blocks);
  return { ...r, files: [{ name: `fair-o-metre-${d.commune.slug}.md`, contentType: "text/markdown", data: markdown.join("\n") }] };
}
