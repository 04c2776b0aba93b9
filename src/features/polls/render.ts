/**
 * How a poll looks: the question, one bar per choice with its count and share, who voted
 * (never for an anonymous poll), when it closes, and one button per choice while open.
 */
import type { Translate } from "../../core/i18n/catalogue.js";
import { clip } from "../../core/clip.js";
import type { Block, Button } from "../../core/types.js";
import { formatLocal } from "../../core/time/local.js";
import type { Locale } from "../../core/types.js";
import type { Poll, Tally } from "./ports.js";

/** Open: not closed by hand and closing time (if any) still ahead. */
export function isOpen(poll: Poll, now: Date): boolean {
  return poll.closedAt === null && (poll.closesAt === null || poll.closesAt.getTime() > now.getTime());
}

/** `▓▓▓▓▓░░░░░` for a share in [0, 1]: ten cells, readable in every client and the terminal. */
export function bar(share: number): string {
  const full = Math.round(Math.max(0, Math.min(1, share)) * 10);
  return "▓".repeat(full) + "░".repeat(10 - full);
}

export interface PollView {
  poll: Poll;
  tally: Tally;
  /** Names per choice, for non-anonymous polls. */
  voters?: Map<number, string[]>;
  now: Date;
  zone: string;
  locale: Locale;
  /** The viewer may close it (author or coordination). */
  canClose?: boolean;
}

export function pollBlocks(t: Translate, v: PollView): Block[] {
  const { poll, tally } = v;
  const open = isOpen(poll, v.now);
  const lines = poll.choices.map((label, i) => {
    const n = tally.counts[i] ?? 0;
    const share = tally.total ? n / tally.total : 0;
    const names = !poll.anonymous && v.voters?.get(i)?.length ? ` — ${v.voters.get(i)!.slice(0, 8).join(", ")}${v.voters.get(i)!.length > 8 ? "…" : ""}` : "";
    return `**${i + 1}. ${label}**\n\`${bar(share)}\` ${n} (${Math.round(share * 100)} %)${names}`;
  });
  const facts = [
    t("poll.total", { count: tally.total }),
    poll.anonymous ? t("poll.anonymous") : t("poll.public"),
    open
      ? poll.closesAt ? t("poll.closesAt", { when: formatLocal(poll.closesAt, v.zone, v.locale, { weekday: true }) }) : t("poll.noClosing")
      : t("poll.closed"),
    `${t("poll.ref")} \`${poll.id.slice(0, 8)}\``,
  ];
  const blocks: Block[] = [
    { type: "header", text: clip(poll.question, 150) },
    { type: "section", text: lines.join("\n") },
    { type: "context", text: facts.join(" · ") },
  ];
  if (open) {
    const buttons: Button[] = poll.choices.map((label, i) => ({ label: clip(`${i + 1}. ${label}`, 75), command: `sondage voter ${poll.id} ${i + 1}` }));
    for (let i = 0; i < buttons.length; i += 5) blocks.push({ type: "actions", buttons: buttons.slice(i, i + 5) });
  }
  const tools: Button[] = [{ label: t("poll.button.results"), command: `sondage resultats ${poll.id}` }];
  if (open && v.canClose) tools.push({ label: t("poll.button.close"), command: `sondage fermer ${poll.id}`, style: "danger" });
  blocks.push({ type: "actions", buttons: tools });
  return blocks;
}
