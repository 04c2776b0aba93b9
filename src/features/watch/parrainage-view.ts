/** Replies of `/cdce parrainage`: ranked mentor candidates, and the list of current pairs. */
import type { Commune } from "../../core/ports.js";
import type { Block, Button, Locale, Reply } from "../../core/types.js";
import { reply } from "../../core/reply.js";
import { clip } from "../../core/clip.js";
import type { Translate } from "../../core/i18n/catalogue.js";
import { MOMENTUM_CONFIG } from "./config.js";
import type { RankedMentor } from "./mentoring.js";
import type { Mentorship } from "./ports.js";
import { formatDay } from "./format.js";
import { profileLabel } from "../../core/labels.js";
import { LEVEL_MARK } from "./alerts.js";

/** Candidates shown, and how many get a "confirm" button (a row holds five). */
export const SHOWN_CANDIDATES = 5;
const CONFIRM_BUTTONS = 3;

/** `unlinked`: the mentee and shown candidates with no channel the bot can post to (the hint promises them nothing). */
export function proposalReply(locale: Locale, t: Translate, mentee: Commune, ranked: readonly RankedMentor[], unlinked: readonly Commune[] = []): Reply {
  if (ranked.length === 0) return reply(locale, [{ type: "section", text: t("parrainage.none", { commune: mentee.name, max: MOMENTUM_CONFIG.mentoring.maxMentees }) }]);
  const lines = ranked.slice(0, SHOWN_CANDIDATES).map((r, i) => {
    const parts = [
      t(r.sameLanguage ? "parrainage.sameLanguage" : "parrainage.otherLanguage"),
      r.distanceKm === null ? null : t("parrainage.km", { km: r.distanceKm }),
      profileLabel(t, r.commune.profile),
      r.grade ? `FOM ${r.grade}` : null,
      t("parrainage.load", { count: r.mentees }),
    ].filter((p): p is string => p !== null);
    return `${i + 1}. **${r.commune.name}** (${r.score}) — ${parts.join(" · ")}${r.level ? ` ${LEVEL_MARK[r.level]}` : ""}`;
  });
  const buttons: Button[] = ranked.slice(0, CONFIRM_BUTTONS).map((r, i) => ({
    label: clip(t("parrainage.confirm.button", { mentor: r.commune.name }), 70),
    command: `parrainage confirmer ${mentee.slug} ${r.commune.slug}`,
    ...(i === 0 ? { style: "primary" as const } : {}),
  }));
  const blocks: Block[] = [
    { type: "header", text: t("parrainage.title", { commune: mentee.name }) },
    { type: "section", text: lines.join("\n") },
    { type: "context", text: unlinked.length === 0 ? t("parrainage.hint") : `${t("parrainage.hint.base")} ${t("parrainage.hint.unlinked", { count: unlinked.length, communes: unlinked.map((c) => c.name).join(", ") })}` },
    { type: "actions", buttons },
  ];
  return reply(locale, blocks);
}

export function pairsReply(locale: Locale, t: Translate, pairs: readonly Mentorship[], byId: ReadonlyMap<string, Commune>): Reply {
  if (pairs.length === 0) return reply(locale, [{ type: "section", text: t("parrainage.list.empty") }]);
  const lines = pairs.map((p) =>
    `• ${t("parrainage.list.line", { mentor: byId.get(p.mentorId)?.name ?? "?", mentee: byId.get(p.menteeId)?.name ?? "?", since: formatDay(locale, p.startedAt) })}`,
  );
  return reply(locale, [{ type: "header", text: t("parrainage.list.title") }, { type: "section", text: lines.join("\n") }]);
}
