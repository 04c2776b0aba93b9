/**
 * The monthly list of broken kit links for coordination: built from what the last link check
 * recorded (`npm run check-links`), sent through the outbox to coordination's channels, keyed
 * by month so that a second run in the same month queues nothing twice.
 */
import type { Services } from "../../core/commands.js";
import { translator } from "../../core/i18n/catalogue.js";
import { reply } from "../../core/reply.js";
import { localParts } from "../../core/time/local.js";
import { DEFAULT_TIME_ZONE, type Block } from "../../core/types.js";
import { brokenLinks } from "./link-check.js";

/** Lines in one message: past this, coordination is told how many more there are. */
const LISTED = 30;

/** Queues this month's list; returns how many broken links it holds (0: nothing queued). */
export async function sendBrokenLinks(services: Services, now: Date): Promise<number> {
  const broken = brokenLinks(await services.repos.kits.all());
  if (broken.length === 0) return 0;
  const { year, month } = localParts(now, DEFAULT_TIME_ZONE);
  await services.notifier.enqueue({
    key: `kits:broken-links:${year}-${String(month).padStart(2, "0")}`,
    to: { kind: "purpose", purpose: "coordination" },
    dueAt: now,
    render: (locale) => {
      const t = translator(locale);
      const lines = broken.slice(0, LISTED).map((b) => `• \`${b.kit.id}\` ${b.url}${b.reason ? ` (${b.reason})` : ""}`);
      if (broken.length > LISTED) lines.push(`… +${broken.length - LISTED}`);
      const blocks: Block[] = [
        { type: "header", text: t("kit.brokenLinks.title", { count: broken.length }) },
        { type: "section", text: lines.join("\n") },
        { type: "context", text: t("kit.brokenLinks.hint") },
      ];
      return reply(locale, blocks, "channel");
    },
  });
  return broken.length;
}
