/**
 * `/cdce tableau`: a commune's dashboard in one reply: members, Fair-O-Mètre, momentum and
 * trend, what is coming up, the latest actions, and its mentoring pair.
 */
import type { ActivityEvent, Commune, FomRecord } from "../../core/ports.js";
import type { Block, Locale, Reply } from "../../core/types.js";
import { reply } from "../../core/reply.js";
import type { Translate } from "../../core/i18n/catalogue.js";
import { LEVEL_MARK, levelLabel, reasonText } from "./alerts.js";
import type { MomentumResult } from "./momentum.js";
import type { FomStatus } from "./fom.js";
import type { RosterHealth } from "./roster.js";
import { evidenceTitle } from "./evidence.js";
import { formatDay, formatList, formatShort, groupLabel, kindLabel, signed } from "./format.js";
import type { CopilKind } from "./ports.js";

export interface TableauInput {
  commune: Commune;
  health: RosterHealth;
  fom: FomStatus;
  history: readonly FomRecord[];
  momentum: MomentumResult;
  previousScore: number | null;
  upcoming: readonly { title: string; startsAt: Date; code?: string }[];
  latest: readonly ActivityEvent[];
  mentorOf: readonly string[];
  mentoredBy: string | null;
}

export function tableauReply(locale: Locale, t: Translate, v: TableauInput): Reply {
  const kinds = (Object.entries(v.health.composition.byKind) as [CopilKind, number][]).map(([k, n]) => `${kindLabel(t, k)} ${n}`).join(", ");
  const members = [t("fom.copil.line", { size: v.health.composition.size }) + (kinds ? ` (${kinds})` : "")];
  if (v.health.composition.missing.length) members.push(t("fom.copil.missing", { groups: formatList(locale, v.health.composition.missing.map((g) => groupLabel(t, g))) }));
  const due = v.fom.dueOn ? formatDay(locale, v.fom.dueOn) : "—";
  const grade = v.history.at(-1)?.grade ?? "—";
  const trend = v.previousScore === null ? t("veille.new") : signed(v.momentum.score - v.previousScore);
  const why = v.momentum.reasons.slice(0, 2).map((r) => reasonText(t, r)).join(" · ");
  const upcoming = v.upcoming.length
    ? v.upcoming.map((e) => `• ${formatShort(locale, e.startsAt, v.commune.timeZone)} ${e.title}${e.code ? ` (\`${e.code}\`)` : ""}`).join("\n")
    : t("tableau.upcoming.none");
  const latest = v.latest.length ? v.latest.map((e) => `• ${formatShort(locale, e.at, v.commune.timeZone)} ${evidenceTitle(e)}`).join("\n") : t("tableau.latest.none");
  const pair = [
    ...(v.mentorOf.length ? [t("tableau.pair.mentor", { list: formatList(locale, v.mentorOf) })] : []),
    ...(v.mentoredBy ? [t("tableau.pair.mentee", { name: v.mentoredBy })] : []),
  ];
  const blocks: Block[] = [
    { type: "header", text: t("tableau.title", { commune: v.commune.name }) },
    {
      type: "section",
      text: [v.commune.region, v.commune.province].filter(Boolean).join(" · ") || v.commune.name,
      fields: [
        { label: t("tableau.members"), value: members.join("\n") },
        { label: t("tableau.fom"), value: `${due} · ${grade}` },
        { label: t("tableau.momentum"), value: `${LEVEL_MARK[v.momentum.level]} ${t("tableau.momentum.value", { score: v.momentum.score, level: levelLabel(t, v.momentum.level), trend })}${why ? `\n${why}` : ""}` },
        { label: t("tableau.pair"), value: pair.length ? pair.join("\n") : t("tableau.pair.none") },
      ],
    },
    { type: "section", text: `**${t("tableau.upcoming")}**\n${upcoming}` },
    { type: "section", text: `**${t("tableau.latest")}**\n${latest}` },
    {
      type: "actions",
      buttons: [
        { label: t("fom.button.status"), command: `fom ${v.commune.slug}` },
        { label: t("copil.button.roster"), command: `copil ${v.commune.slug}` },
      ],
    },
  ];
  return reply(locale, blocks);
}
