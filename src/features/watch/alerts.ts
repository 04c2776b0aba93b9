/**
 * Alerts of the weekly momentum scan: when to alert coordination (a fall to orange or red,
 * or a drop of more than `alerts.dropPoints` since the previous scan, never twice for the
 * same level within the cooldown), and the alert itself: reasons, suggested actions from the
 * users' document (a mentor commune, the recruitment toolbox, the diagnostic questionnaire,
 * the next webinar, the Fair-O-Mètre dossier) and buttons to act.
 */
import { isoWeek } from "../../core/time/local.js";
import type { Commune } from "../../core/ports.js";
import type { Block, Button, Locale, Reply } from "../../core/types.js";
import type { Notification } from "../../core/notify.js";
import { reply } from "../../core/reply.js";
import { translator, type MessageKey, type Translate } from "../../core/i18n/catalogue.js";
import { MOMENTUM_CONFIG, type MomentumConfig } from "./config.js";
import { daysBetween } from "./calendar.js";
import { severity } from "./momentum.js";
import type { Level, MomentumSnapshot, Reason, ReasonCode } from "./ports.js";

export type AlertDecision =
  | { kind: "level" | "drop"; before: { score: number; level: Level } }
  /** The commune's first score, already red: reported once, as a first reading. */
  | { kind: "first"; before: null };

/**
 * Whether this scan's result deserves an alert. `previous` is the commune's last snapshot
 * (none: this is its first reading, reported when already red, else a quiet baseline; the
 * next scan has a previous snapshot, so a first reading is never reported twice),
 * `lastAlert` the last snapshot that alerted.
 */
export function decideAlert(
  current: { score: number; level: Level; at: Date },
  previous: Pick<MomentumSnapshot, "score" | "level"> | undefined,
  lastAlert: Pick<MomentumSnapshot, "level" | "at"> | null,
  c: MomentumConfig = MOMENTUM_CONFIG,
): AlertDecision | null {
  if (!previous) return current.level === "red" ? { kind: "first", before: null } : null;
  const fell = current.level !== "green" && severity(current.level) > severity(previous.level);
  const dropped = previous.score - current.score > c.alerts.dropPoints;
  if (!fell && !dropped) return null;
  if (lastAlert && lastAlert.level === current.level && daysBetween(lastAlert.at, current.at) < c.alerts.cooldownDays) return null;
  return { kind: fell ? "level" : "drop", before: { score: previous.score, level: previous.level } };
}

/** Emoji of a level, for lists and titles. */
export const LEVEL_MARK: Record<Level, string> = { green: "🟢", orange: "🟠", red: "🔴" };

export const levelLabel = (t: Translate, level: Level) => t(`momentum.level.${level}` as MessageKey);

/** A reason in the reader's words. */
export function reasonText(t: Translate, r: Pick<Reason, "code" | "params">): string {
  return t(`momentum.reason.${r.code}` as MessageKey, r.params);
}

export type SuggestedAction = "mentor" | "recruit" | "diagnostic" | "webinar" | "fom";

const ACTION_FOR: Record<ReasonCode, SuggestedAction> = {
  recencyNever: "mentor",
  recencyDays: "mentor",
  actions6m: "mentor",
  actions12m: "mentor",
  training: "webinar",
  copilSize: "recruit",
  copilTrend: "recruit",
  fomOverdue: "fom",
  fomDecline: "fom",
  fomGrade: "fom",
  fomNone: "fom",
  answers: "diagnostic",
};

/** Suggested actions for these reasons, most relevant first; the diagnostic always comes. */
export function suggestedActions(reasons: readonly Pick<Reason, "code">[]): SuggestedAction[] {
  const out: SuggestedAction[] = [];
  for (const r of reasons) {
    const a = ACTION_FOR[r.code];
    if (!out.includes(a)) out.push(a);
  }
  if (!out.includes("diagnostic")) out.push("diagnostic");
  return out.slice(0, 4);
}

/** The `/cdce` line a suggested action's button runs (at most 100 characters). */
export function actionCommand(action: SuggestedAction, slug: string, hasCommand: (name: string) => boolean): string {
  switch (action) {
    case "mentor":
      return `parrainage proposer ${slug}`;
    case "recruit":
      return "kit renouvellement copil recruter";
    case "diagnostic":
      return `diagnostic envoyer ${slug}`;
    case "webinar":
      return hasCommand("webinaires") ? "webinaires" : "kit webinaires echange pratiques";
    case "fom":
      return `fom ${slug}`;
  }
}

/** Buttons for the actions, plus the detailed view. */
export function actionButtons(t: Translate, actions: readonly SuggestedAction[], slug: string, hasCommand: (name: string) => boolean): Button[] {
  const buttons: Button[] = actions.map((a) => ({ label: t(`momentum.action.${a}.button` as MessageKey), command: actionCommand(a, slug, hasCommand) }));
  buttons.push({ label: t("momentum.action.details.button"), command: `veille ${slug}` });
  return buttons.slice(0, 5);
}

export interface AlertInput {
  commune: Pick<Commune, "id" | "slug" | "name">;
  decision: AlertDecision;
  score: number;
  level: Level;
  reasons: readonly Reason[];
  at: Date;
}

const ALERT_TITLE = { level: "momentum.alert.level", drop: "momentum.alert.drop", first: "momentum.alert.first" } as const;

/** The alert message in one language. */
export function renderAlert(locale: Locale, a: AlertInput, hasCommand: (name: string) => boolean): Reply {
  const t = translator(locale);
  const before = a.decision.before?.score ?? a.score;
  const params = { commune: a.commune.name, score: a.score, before, level: levelLabel(t, a.level), points: before - a.score };
  const title = `${LEVEL_MARK[a.level]} ${t(ALERT_TITLE[a.decision.kind], params)}`;
  const actions = suggestedActions(a.reasons);
  const why = a.reasons.length ? a.reasons.map((r) => `• ${reasonText(t, r)} (−${r.lost})`).join("\n") : t("momentum.reason.none");
  const blocks: Block[] = [
    { type: "header", text: title },
    { type: "section", text: `**${t("momentum.alert.why")}**\n${why}` },
    { type: "section", text: `**${t("momentum.alert.suggested")}**\n${actions.map((x) => `• ${t(`momentum.action.${x}` as MessageKey)}`).join("\n")}` },
    { type: "actions", buttons: actionButtons(t, actions, a.commune.slug, hasCommand) },
    { type: "context", text: t("momentum.alert.footer", { slug: a.commune.slug }) },
  ];
  return reply(locale, blocks, "channel");
}

/** The notification to coordination; one key per commune, kind, level and scan week. */
export function alertNotification(a: AlertInput, hasCommand: (name: string) => boolean, c: MomentumConfig = MOMENTUM_CONFIG): Notification {
  return {
    key: `momentum:${a.commune.id}:${a.decision.kind}:${a.level}:${isoWeek(a.at, c.scan.timeZone).label}`,
    to: { kind: "purpose", purpose: "coordination" },
    dueAt: a.at,
    render: (locale) => renderAlert(locale, a, hasCommand),
  };
}
