/**
 * Six weeks before each campaign (see campaign.ts), every CoPil with a linked channel gets a prompt: ideas,
 * the matching kits of the catalogue, and a button to declare its planned action (a local
 * event dated in the campaign is tagged with it). A commune that already declared one is
 * not prompted. Keys: `campaign:<sce-2027>:<communeId>:prompt`, so a daily scan that runs
 * again queues nothing twice.
 */
import type { Services } from "../../core/commands.js";
import { translator, type MessageKey, type Translate } from "../../core/i18n/catalogue.js";
import { reply } from "../../core/reply.js";
import { DEFAULT_TIME_ZONE, type Block, type Locale } from "../../core/types.js";
import { formatLocalDay } from "../../core/time/local.js";
import { campaignsToPrompt, type Campaign } from "./campaign.js";

/** Words that find each campaign's kits in the catalogue. */
const KIT_WORDS: Record<Campaign["id"], string> = {
  sce: "semaine commerce équitable stand animation",
  wftd: "journée mondiale commerce équitable stand",
  oxfam: "petit-déjeuner équitable animation",
};

/**
 * When the campaign is, as words that fit after "c’est" / "{campaign}:" in each language:
 * the day (or the weekend), then the hour and the place only when the campaign has them,
 * so that no preposition is left hanging before the comma (each piece is a whole phrase).
 */
export function campaignWhen(t: Translate, c: Pick<Campaign, "day" | "span" | "time" | "place">, zone: string, locale: Locale): string {
  const parts = [t(c.span === "weekend" ? "ev.campaign.when.weekend" : "ev.campaign.when.day", { date: formatLocalDay(c.day, zone, locale) })];
  const time = c.time?.trim();
  const place = c.place?.trim();
  if (time) parts.push(t("ev.campaign.when.time", { time }));
  if (place) parts.push(t("ev.campaign.when.place", { place }));
  return parts.join(" ");
}

export function campaignPrompt(services: Pick<Services, "kits">, c: Campaign, communeName: string, zone: string) {
  return (locale: Locale) => {
    const t = translator(locale);
    const kits = services.kits.search({ words: KIT_WORDS[c.id], locale, theme: "evenement" }).hits.slice(0, 3);
    const blocks: Block[] = [
      { type: "header", text: t(`ev.campaign.${c.id}` as MessageKey) },
      { type: "section", text: t("ev.campaign.prompt", { campaign: t(`ev.campaign.${c.id}` as MessageKey), when: campaignWhen(t, c, zone, locale), commune: communeName }) },
      { type: "section", text: t(`ev.campaign.ideas.${c.id}` as MessageKey) },
    ];
    if (kits.length) blocks.push({ type: "section", text: `**${t("ev.campaign.kits")}**\n${kits.map((k) => `• ${k.kit.title[locale] ?? k.kit.title.fr} (\`${k.kit.id}\`)`).join("\n")}` });
    blocks.push({ type: "actions", buttons: [{ label: t("ev.campaign.declare"), command: "evenement creer", style: "primary" }, { label: t("ev.campaign.moreKits"), command: "kit evenement" }] });
    return reply(locale, blocks, "channel");
  };
}

/** Queues the prompts due at `now` (idempotent); returns how many communes were prompted. */
export async function promptCampaigns(services: Services, now: Date): Promise<number> {
  let count = 0;
  for (const c of campaignsToPrompt(now, DEFAULT_TIME_ZONE)) {
    for (const commune of await services.repos.communes.listFollowed()) {
      if ((await services.repos.channels.byPurpose("commune", commune.id)).length === 0) continue;
      const planned = await services.events.repo.list({ from: now, kinds: ["local"], communeId: commune.id, limit: 100 });
      if (planned.some((e) => e.campaign === c.key)) continue;
      await services.notifier.enqueue({
        key: `campaign:${c.key}:${commune.id}:prompt`,
        to: { kind: "purpose", purpose: "commune", communeId: commune.id },
        dueAt: c.promptAt,
        expiresAt: c.start,
        render: campaignPrompt(services, c, commune.name, commune.timeZone),
      });
      count++;
    }
  }
  services.logger.info({ prompted: count }, "campaign prompts queued");
  return count;
}
