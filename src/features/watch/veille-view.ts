/**
 * Replies of `/cdce veille` (communes ranked by momentum, with trends) and
 * `/cdce veille <commune>` (history, points per component, reasons, diagnostic, actions).
 */
import type { Commune } from "../../core/ports.js";
import type { Block, Locale, Reply } from "../../core/types.js";
import { reply } from "../../core/reply.js";
import type { MessageKey, Translate } from "../../core/i18n/catalogue.js";
import { actionButtons, LEVEL_MARK, levelLabel, reasonText, suggestedActions } from "./alerts.js";
import { COMPONENTS, type MomentumResult } from "./momentum.js";
import type { ScoredCommune } from "./scan.js";
import type { DiagnosticAnswer } from "./diagnostic.js";
import type { MomentumSnapshot } from "./ports.js";
import { formatList, formatShort, obstacleLabel, signed } from "./format.js";

/** Communes per page: one line each, well within a Slack message and a Discord embed. */
export const VEILLE_PAGE = 15;

function trend(t: Translate, score: number, previous: { score: number } | undefined): string {
  return previous ? signed(score - previous.score) : t("veille.new");
}

/** Names of communes with no data yet shown before "and N more". */
const NO_DATA_NAMES = 30;

/** The "no data yet" section: which communes, and the commands that would fill them. */
function noDataBlocks(t: Translate, communes: readonly ScoredCommune[]): Block[] {
  if (communes.length === 0) return [];
  const names = communes.slice(0, NO_DATA_NAMES).map((s) => s.commune.name);
  if (communes.length > NO_DATA_NAMES) names.push(t("veille.noData.more", { count: communes.length - NO_DATA_NAMES }));
  return [
    { type: "section", text: `**${t("veille.noData.title", { count: communes.length })}**\n${names.join(", ")}` },
    { type: "context", text: t("veille.noData.fill", { slug: communes[0]!.commune.slug }) },
  ];
}

/**
 * `/cdce veille`: weakest first, with level, score, trend and the first reason; communes the
 * bot knows nothing about yet are listed apart (not ranked, not red), with what fills them.
 */
export function veilleListReply(locale: Locale, t: Translate, all: readonly ScoredCommune[], page: number): Reply {
  const scored = all.filter((s) => !s.result.noData);
  const sorted = [...scored].sort((a, b) => a.result.score - b.result.score || a.commune.name.localeCompare(b.commune.name));
  const pages = Math.max(1, Math.ceil(sorted.length / VEILLE_PAGE));
  const p = Math.min(Math.max(1, page), pages);
  const count = { green: 0, orange: 0, red: 0 };
  for (const s of sorted) count[s.result.level]++;
  const lines = sorted.slice((p - 1) * VEILLE_PAGE, p * VEILLE_PAGE).map((s) => {
    const why = s.result.reasons[0] ? ` — ${reasonText(t, s.result.reasons[0])}` : "";
    return `${LEVEL_MARK[s.result.level]} **${s.result.score}** (${trend(t, s.result.score, s.previous)}) ${s.commune.name}${why}`;
  });
  const blocks: Block[] = [
    { type: "header", text: t("veille.title", { count: all.length }) },
    { type: "context", text: t("veille.summary", count) },
    ...(lines.length ? [{ type: "section" as const, text: lines.join("\n") }] : []),
    { type: "context", text: t("veille.legend", { page: p, pages }) },
  ];
  // On the first page only: the list does not move from page to page.
  if (p === 1) blocks.push(...noDataBlocks(t, all.filter((s) => s.result.noData)));
  if (p < pages) blocks.push({ type: "actions", buttons: [{ label: t("veille.more"), command: `veille page:${p + 1}` }] });
  return reply(locale, blocks);
}

export interface VeilleCommuneInput {
  commune: Commune;
  result: MomentumResult;
  history: readonly MomentumSnapshot[];
  diagnostic: { at: Date; answer: DiagnosticAnswer } | null;
  hasCommand: (name: string) => boolean;
}

/** `/cdce veille <commune>`: everything behind one score. */
export function veilleCommuneReply(locale: Locale, t: Translate, v: VeilleCommuneInput): Reply {
  const r = v.result;
  if (r.noData) {
    return reply(locale, [
      { type: "header", text: t("veille.commune.noData", { commune: v.commune.name }) },
      { type: "context", text: t("veille.noData.fill", { slug: v.commune.slug }) },
    ]);
  }
  const hist = v.history.length
    ? t("veille.commune.history", { list: [...v.history].reverse().map((s) => `${formatShort(locale, s.at)} ${LEVEL_MARK[s.level]} ${s.score}`).join(" · ") })
    : t("veille.commune.noHistory");
  const comps = COMPONENTS.map((k) => `${t(`veille.component.${k}` as MessageKey)} — ${Math.round(r.components[k].points)}/${r.components[k].max}`);
  if (r.penalty > 0) comps.push(`${t("veille.component.penalty")} — −${Math.round(r.penalty)}`);
  const reasons = r.allReasons.length ? r.allReasons.map((x) => `• ${reasonText(t, x)} (−${x.lost})`).join("\n") : t("momentum.reason.none");
  const blocks: Block[] = [
    { type: "header", text: `${LEVEL_MARK[r.level]} ${t("veille.commune.title", { commune: v.commune.name, score: r.score, level: levelLabel(t, r.level) })}` },
    { type: "section", text: hist },
    { type: "section", text: `**${t("veille.commune.reasons")}**\n${reasons}` },
    { type: "section", text: `**${t("veille.commune.components")}**\n${comps.join("\n")}` },
  ];
  if (v.diagnostic) {
    const list = formatList(locale, v.diagnostic.answer.obstacles.map((o) => obstacleLabel(t, o)));
    blocks.push({ type: "context", text: t("veille.commune.diagnostic", { date: formatShort(locale, v.diagnostic.at), list }) });
  }
  if (r.level !== "green") blocks.push({ type: "actions", buttons: actionButtons(t, suggestedActions(r.reasons), v.commune.slug, v.hasCommand).slice(0, 4) });
  return reply(locale, blocks);
}
