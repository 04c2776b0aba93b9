/**
 * The terminal's channels: one for the network, one for coordination, one per commune,
 * linked at start through the same channel links `/cdce config canal` writes (platform
 * "terminal", workspace "local"), so that what is announced reaches the terminal from the
 * first command; and each local user's direct inbox. What arrives is printed under a short
 * header saying where it landed: `#réseau`, `#coordination`, `#namur`, `DM`.
 */
import type { ChannelLink, ChannelPurpose, Repositories } from "../../core/ports.js";
import { slugify } from "../../core/slug.js";
import { WORKSPACE } from "./local-actor.js";

export const NETWORK_CHANNEL = "réseau";
export const COORDINATION_CHANNEL = "coordination";
/** The direct inbox of a local user (the channel the outbox's `openDirect` gets). */
export function directChannel(userId: string): string {
  return `@${userId}`;
}

/** Whose direct inbox `channelId` is, if it is one. */
export function directOwner(channelId: string): string | undefined {
  return channelId.startsWith("@") ? channelId.slice(1) : undefined;
}

/**
 * Links the demo network's channels to the terminal where nothing is linked yet for that
 * purpose (or that commune): a link someone made with `config canal` is kept as it is.
 */
export async function linkDefaultChannels(repos: Repositories): Promise<void> {
  const mine = (links: ChannelLink[]) => links.filter((l) => l.platform === "terminal" && l.workspaceId === WORKSPACE);
  const link = (purpose: ChannelPurpose, channelId: string, communeId: string | null = null) =>
    repos.channels.link({ platform: "terminal", workspaceId: WORKSPACE, channelId, purpose, communeId });
  if (mine(await repos.channels.byPurpose("network")).length === 0) await link("network", NETWORK_CHANNEL);
  if (mine(await repos.channels.byPurpose("coordination")).length === 0) await link("coordination", COORDINATION_CHANNEL);
  const linked = new Set(mine(await repos.channels.byPurpose("commune")).map((l) => l.communeId));
  for (const commune of await repos.communes.list()) {
    if (!linked.has(commune.id)) await link("commune", slugify(commune.name), commune.id);
  }
}
