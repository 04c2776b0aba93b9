/**
 * The reply of `/cdce agenda lien` (and `renouveler`): the private address when one was just
 * made, else why it cannot be shown; then the public feeds anyone may add, and how to subscribe.
 * Always private to the person (ephemeral): it may hold their token.
 */
import type { Services } from "../../core/commands.js";
import type { Translate } from "../../core/i18n/catalogue.js";
import { reply } from "../../core/reply.js";
import { formatLocalDay } from "../../core/time/local.js";
import type { Actor, Block, Locale, Reply } from "../../core/types.js";
import { communePath, networkPath } from "./addresses.js";
import type { Issued } from "./service.js";

export async function linkReply(issued: Issued, ctx: { actor: Actor; t: Translate; locale: Locale; services: Pick<Services, "calendarFeeds" | "repos"> }): Promise<Reply> {
  const { actor, t, locale, services } = ctx;
  if (issued.kind === "no-public-url") return reply(locale, [{ type: "section", text: t("feeds.link.noPublicUrl") }]);
  const blocks: Block[] = [];
  if (issued.kind === "issued") {
    const key = issued.renewed ? "feeds.link.renewed" : "feeds.link.issued";
    blocks.push({ type: "section", text: t(key, { https: issued.address.https, webcal: issued.address.webcal }) });
  } else {
    blocks.push({ type: "section", text: t("feeds.link.exists", { date: formatLocalDay(issued.issuedAt, actor.timeZone, locale) }) });
  }
  const network = services.calendarFeeds.address(networkPath());
  const lines: string[] = [];
  if (network) lines.push(t("feeds.link.public", { network: network.https }));
  const communeId = actor.communeIds[0];
  const commune = communeId ? await services.repos.communes.get(communeId) : null;
  const own = commune ? services.calendarFeeds.address(communePath(commune.slug)) : null;
  if (commune && own) lines.push(t("feeds.link.commune", { commune: commune.name, address: own.https }));
  if (lines.length) blocks.push({ type: "context", text: lines.join(" · ") });
  blocks.push({ type: "context", text: t("feeds.link.howto") });
  return reply(locale, blocks, "ephemeral");
}
