/**
 * A home (or a board) as a neutral reply: the same blocks on Slack's App Home tab and on a
 * Discord board message. A fixed, small number of blocks whatever the data (lists are cut to
 * a few items), so that it always fits Slack's 100 blocks per view and Discord's one message.
 */
import { clip } from "../../core/clip.js";
import { reply } from "../../core/reply.js";
import type { Block, Button, Locale, Reply } from "../../core/types.js";
import type { Translate } from "../../core/i18n/catalogue.js";
import { refOf } from "../initiatives/index.js";
import { CRITERIA, LEVEL_MARK, criterionLabel, formatDay, formatShort, levelLabel, reasonText } from "../watch/index.js";
import type { CommuneGlance, HomeData } from "./gather.js";

/** Longest title or description shown in a list line. */
const LINE = 120;

export interface HomeHeader {
  title: string;
  /** When it was built, in the reader's zone. */
  now: Date;
  timeZone: string;
  /** The actions offered, already filtered by the reader's rights. */
  actions: Button[];
  /** A person's home: whether they belong to no commune (said so); undefined on a board. */
  noCommune?: boolean;
}

function fomLine(locale: Locale, t: Translate, g: CommuneGlance): string {
  const due = g.fom.dueOn;
  if (!due || g.fom.daysLeft === null) return t("home.fom.none");
  if (g.fom.daysLeft < 0) return t("home.fom.overdue", { day: formatDay(locale, due) });
  return t("home.fom.due", { day: formatDay(locale, due), days: g.fom.daysLeft });
}

function communeBlocks(locale: Locale, t: Translate, g: CommuneGlance): Block[] {
  const missing = CRITERIA.filter((c) => !g.done.includes(c)).map((c) => `${c}. ${criterionLabel(t, c)}`);
  const criteria = [t("home.criteria", { done: g.done.length }), ...(missing.length ? [t("home.criteria.missing", { list: missing.map((m) => clip(m, 60)).join(" · ") })] : [])];
  const reasons = g.momentum.reasons.slice(0, 3).map((r) => `• ${reasonText(t, r)}`);
  const momentum = t("home.momentum.value", { mark: LEVEL_MARK[g.momentum.level], level: levelLabel(t, g.momentum.level), score: g.momentum.score });
  return [
    {
      type: "section",
      text: `**${g.commune.name}**`,
      fields: [
        { label: t("home.fom"), value: [fomLine(locale, t, g), ...criteria].join("\n") },
        { label: t("home.momentum"), value: [momentum, ...reasons].join("\n") },
      ],
    },
  ];
}

/** The home's blocks, in the reader's language. */
export function homeReply(locale: Locale, t: Translate, data: HomeData, head: HomeHeader): Reply {
  const blocks: Block[] = [{ type: "header", text: head.title }];
  if (head.noCommune && data.communes.length === 0) blocks.push({ type: "section", text: t("home.noCommune") });
  for (const g of data.communes) blocks.push(...communeBlocks(locale, t, g));
  if (data.moreCommunes > 0) blocks.push({ type: "context", text: t("home.more", { count: data.moreCommunes }) });

  if (data.network) {
    const weakest = data.network.weakest.map((s) => `• ${LEVEL_MARK[s.result.level]} **${s.commune.name}** (${s.result.score})${s.result.reasons[0] ? ` — ${reasonText(t, s.result.reasons[0])}` : ""}`);
    const alerts = data.network.alerts.map((a) => `• ${formatShort(locale, a.at, head.timeZone)} ${LEVEL_MARK[a.level]} ${a.commune.name} — ${levelLabel(t, a.level)}`);
    blocks.push({ type: "divider" }, { type: "section", text: `**${t("home.weakest")}**\n${weakest.join("\n") || "—"}` });
    blocks.push({ type: "section", text: `**${t("home.alerts")}**\n${alerts.join("\n") || t("home.alerts.none")}` });
    const buttons = data.network.weakest.map((s) => ({ label: s.commune.name, command: `veille ${s.commune.slug}` }));
    if (buttons.length) blocks.push({ type: "actions", buttons });
  }

  // A board has no reader of its own (`noCommune` undefined): no "my registrations" there.
  if (data.mine.length || head.noCommune !== undefined) {
    const mine = data.mine.map((m) => `• ${formatShort(locale, m.event.startsAt, head.timeZone)} ${clip(m.event.title, LINE)}`);
    blocks.push({ type: "divider" }, { type: "section", text: `**${t("home.mine")}**\n${mine.join("\n") || t("home.mine.none")}` });
    const see = data.mine.map((m) => ({ label: `${t("home.button.see")} · ${clip(m.event.title, 40)}`, command: `webinaire ${m.event.code}` }));
    if (see.length) blocks.push({ type: "actions", buttons: see });
  }

  const registered = new Set(data.mine.map((m) => m.event.id));
  const next = data.next.map((e) => `• ${formatShort(locale, e.startsAt, head.timeZone)} ${clip(e.title, LINE)} (\`${e.code}\`)`);
  blocks.push({ type: "divider" }, { type: "section", text: `**${t("home.next")}**\n${next.join("\n") || t("home.next.none")}` });
  const join = data.next.filter((e) => e.kind !== "local" && !registered.has(e.id)).map((e) => ({ label: `${t("home.button.join")} · ${clip(e.title, 40)}`, command: `webinaire rejoindre ${e.code}`, style: "primary" as const }));
  if (join.length) blocks.push({ type: "actions", buttons: join });

  const initiatives = data.initiatives.map((i) => `• **${clip(i.title, LINE)}** — ${clip(i.description.replace(/\s+/g, " "), LINE)}`);
  blocks.push({ type: "divider" }, { type: "section", text: `**${t("home.initiatives")}**\n${initiatives.join("\n") || t("home.initiatives.none")}` });
  const seeInitiatives = data.initiatives.map((i) => ({ label: `${t("home.button.see")} · ${clip(i.title, 40)}`, command: `initiative voir ${refOf(i.id)}` }));
  if (seeInitiatives.length) blocks.push({ type: "actions", buttons: seeInitiatives });

  if (head.actions.length) blocks.push({ type: "divider" }, { type: "section", text: `**${t("home.actions")}**` }, { type: "actions", buttons: head.actions });
  blocks.push({ type: "context", text: t("home.updated", { at: formatShort(locale, head.now, head.timeZone) }) });
  return reply(locale, blocks);
}
