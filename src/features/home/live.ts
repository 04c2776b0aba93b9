/**
 * Homes and boards built when their refresh leaves the outbox (the `LiveViews` the worker is
 * given): a home for the platform account it goes to, in that person's language; a board for
 * the channel it is pinned in, in its commune's first language, to edit in place.
 */
import type { CommandRegistry, Services } from "../../core/commands.js";
import { actorMemberships } from "../../core/identity.js";
import { translator } from "../../core/i18n/catalogue.js";
import type { LiveContent, LiveSurfaceKind, LiveViews } from "../../core/outbound.js";
import { isCoordination } from "../../core/permissions.js";
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, type ChannelRef, type Reply } from "../../core/types.js";
import { actionButtons, boardButtons } from "./actions.js";
import { gatherBoard, gatherHome } from "./gather.js";
import { homeReply } from "./view.js";

/** The home of the person behind a platform account, in their language; null for an unknown account. */
export async function homeFor(services: Services, registry: CommandRegistry, account: ChannelRef & { userId?: string }, now: Date): Promise<Reply | null> {
  const userId = account.userId ?? account.channelId;
  const person = await services.repos.identity.findByAccount(account.platform, account.workspaceId, userId);
  if (!person) return null;
  const held = actorMemberships(await services.repos.memberships.activeFor(person.id, now));
  const coordination = isCoordination(held);
  const data = await gatherHome(services, { personId: person.id, communeIds: held.communeIds, coordination }, now);
  const t = translator(person.locale);
  return homeReply(person.locale, t, data, {
    title: t("home.title", { name: person.name }),
    now,
    timeZone: person.timeZone,
    actions: actionButtons(t, registry, held),
    noCommune: held.communeIds.length === 0 && !coordination,
  });
}

/** The board pinned in a channel, and the message holding it; null when none is pinned there. */
export async function boardFor(services: Services, registry: CommandRegistry, channel: ChannelRef, now: Date): Promise<LiveContent | null> {
  const board = await services.boards.get(channel);
  if (!board) return null;
  const commune = board.communeId ? await services.repos.communes.get(board.communeId) : null;
  if (board.communeId && !commune) return null;
  const locale = commune?.languages[0] ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const data = await gatherBoard(services, commune, now);
  const reply = homeReply(locale, t, data, {
    title: commune ? t("home.board.title", { commune: commune.name }) : t("home.board.network"),
    now,
    timeZone: commune?.timeZone ?? DEFAULT_TIME_ZONE,
    actions: boardButtons(t, registry, board.communeId),
  });
  return { reply: { ...reply, visibility: "channel" }, ...(board.messageId ? { replaces: board.messageId } : {}) };
}

/** The live views the outbox worker builds homes and boards with. */
export function homeLiveViews(services: Services, registry: CommandRegistry): LiveViews {
  return {
    async render(kind: LiveSurfaceKind, target: ChannelRef): Promise<LiveContent | null> {
      const now = services.clock();
      if (kind === "home") {
        const reply = await homeFor(services, registry, target, now);
        return reply ? { reply } : null;
      }
      return boardFor(services, registry, target, now);
    },
    async placed(kind, target, externalId) {
      if (kind !== "board") return;
      const board = await services.boards.get(target);
      if (board) await services.boards.put({ ...board, messageId: externalId });
    },
  };
}
