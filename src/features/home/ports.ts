/** What the home feature stores: the boards pinned in channels (Discord has no home tab). */
import type { ChannelRef } from "../../core/types.js";

export interface Board {
  channel: ChannelRef;
  /** The commune whose board it is; null: coordination's board of the network. */
  communeId: string | null;
  /** The message that holds it, once posted (edited in place afterwards). */
  messageId: string | null;
}

export interface BoardRepository {
  get(channel: ChannelRef): Promise<Board | null>;
  /** Creates or replaces the board of that channel. */
  put(board: Board): Promise<void>;
  /** Boards showing that commune, and coordination's boards (which list every commune). */
  showing(communeId: string | null): Promise<Board[]>;
}

/**
 * Who has looked at their home at least once: only their homes are refreshed after a change
 * (a home nobody opened is built when it is first opened, and a big workspace is not sent a
 * views.publish for every member at each change).
 */
export interface HomeVisitRepository {
  /** Records that the person has seen their home (idempotent). */
  markOpened(personId: string, at: Date): Promise<void>;
  /** Those of `personIds` who have opened their home. */
  openedAmong(personIds: readonly string[]): Promise<Set<string>>;
}
