/**
 * Where a message the bot sent on its own landed, as a short header: `#réseau`, `#namur`,
 * `DM`. The terminal prints it above each message as it arrives, and `/cdce boite` lists
 * them under it.
 */
import type { ChannelRef } from "../../core/types.js";

/** The word for a person's direct messages, in headers and in `/cdce boite dm`. */
export const DIRECT = "DM";

export function whereLanded(target: ChannelRef & { userId?: string }): string {
  return target.userId ? DIRECT : `#${target.channelId}`;
}
