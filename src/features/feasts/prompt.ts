/**
 * Six weeks before each occurrence of a local feast, the commune's channel gets a prompt:
 * the kits that fit (kit search: stand, animation, tasting) and a button that opens the
 * local event form filled for that day. Keys: `feast:<id>:<YYYY-MM-DD>:prompt`, one per
 * occurrence, so a daily scan that runs again, or a feast logged twice in one day, never
 * prompts twice for the same occurrence.
 */
import type { Services } from "../../core/commands.js";
import type { Commune } from "../../core/ports.js";
import { translator } from "../../core/i18n/catalogue.js";
import { reply } from "../../core/reply.js";
import { formatLocalDay } from "../../core/time/local.js";
import type { Block, Locale } from "../../core/types.js";
import { nextOccurrence, type Occurrence } from "./calendar.js";
import type { LocalFeast } from "./ports.js";

/** Words that find the kits for an action at a fête or a market. */
export const FEAST_KIT_WORDS = "stand animation dégustation marché";

/** The reference people type (`/cdce fetes retirer 3f2a9c1b`). */
export const feastRef = (f: Pick<LocalFeast, "id">) => f.id.slice(0, 8);

/** The button's line: the feast, for its commune (quoted: names have spaces). */
export const planLine = (f: LocalFeast, commune: Pick<Commune, "name">) => `fetes planifier ${feastRef(f)} commune:"${commune.name}"`;

export function feastPrompt(services: Pick<Services, "kits">, feast: LocalFeast, commune: Commune, at: Occurrence) {
  return (locale: Locale) => {
    const t = translator(locale);
    const date = formatLocalDay(at.start, commune.timeZone, locale);
    const kits = services.kits.search({ words: FEAST_KIT_WORDS, locale, theme: "evenement" }).hits.slice(0, 3);
    const blocks: Block[] = [
      { type: "header", text: t("fe.prompt.title", { name: feast.name }) },
      { type: "section", text: t("fe.prompt.text", { name: feast.name, date, commune: commune.name }) },
    ];
    if (kits.length) blocks.push({ type: "section", text: `**${t("fe.prompt.kits")}**\n${kits.map((k) => `• ${k.kit.title[locale] ?? k.kit.title.fr} (\`${k.kit.id}\`)`).join("\n")}` });
    blocks.push({ type: "actions", buttons: [{ label: t("fe.button.plan"), command: planLine(feast, commune), style: "primary" }, { label: t("fe.button.kits"), command: "kit stand" }] });
    return reply(locale, blocks, "channel");
  };
}

/** Queues the prompts due at `now` (idempotent by key); returns how many were queued now. */
export async function promptFeasts(services: Services, now: Date): Promise<number> {
  const followed = new Map((await services.repos.communes.listFollowed()).map((c) => [c.id, c]));
  let queued = 0;
  for (const feast of await services.feasts.all()) {
    const commune = followed.get(feast.communeId);
    if (!commune) continue;
    const at = nextOccurrence(feast, now, commune.timeZone);
    if (!at || at.promptAt > now || now >= at.start) continue;
    if ((await services.repos.channels.byPurpose("commune", commune.id)).length === 0) continue;
    const result = await services.notifier.enqueue({
      key: `feast:${feast.id}:${at.day}:prompt`,
      to: { kind: "purpose", purpose: "commune", communeId: commune.id },
      dueAt: at.promptAt,
      expiresAt: at.start,
      render: feastPrompt(services, feast, commune, at),
    });
    queued += result.queued;
  }
  services.logger.info({ queued }, "local feast prompts");
  return queued;
}
