/** The reply to an advance: where the clock is now, and what ran on the way. */
import type { Translate } from "../../core/i18n/catalogue.js";
import { reply } from "../../core/reply.js";
import { formatLocal } from "../../core/time/local.js";
import type { Block, Locale, Reply } from "../../core/types.js";
import type { DemoAdvance } from "./ports.js";

export function advanceReply(done: DemoAdvance, t: Translate, locale: Locale, zone: string): Reply {
  const lines = done.jobs.map((j) => `• ${t("demo.ran", { job: j.label?.[locale] ?? j.label?.fr ?? j.name, runs: j.runs, failed: j.failed })}`);
  const blocks: Block[] = [
    { type: "header", text: t("demo.advanced", { when: formatLocal(done.to, zone, locale) }) },
    { type: "section", text: lines.length ? lines.join("\n") : t("demo.nothingRan") },
  ];
  if (done.messagesDue !== undefined) blocks.push({ type: "section", text: t("demo.messagesDue", { count: done.messagesDue }) });
  blocks.push({ type: "context", text: t("demo.clockRunsOn", { zone }) });
  return reply(locale, blocks);
}
