/**
 * Prisma implementation of the home feature's {@link BoardRepository}: one NetworkSetting row
 * per board, keyed `board:<platform>:<workspace>:<channel>` (a handful of rows in a network:
 * no table of their own is worth a migration on two databases).
 */
import { z } from "zod";
import type { Board, BoardRepository } from "../../features/home/index.js";
import type { ChannelRef } from "../../core/types.js";
import type { Db } from "../client.js";
import { parseStored, platformSchema } from "../json.js";
import { shortMemoryOf, type ShortMemory } from "./short-memory.js";

const PREFIX = "board:";
const keyOf = (c: ChannelRef) => `${PREFIX}${c.platform}:${c.workspaceId}:${c.channelId}`;
const stored = z.object({
  channel: z.object({ platform: platformSchema, workspaceId: z.string(), channelId: z.string() }),
  communeId: z.string().nullable(),
  messageId: z.string().nullable(),
});

const ALL = "all";

export class PrismaBoardRepository implements BoardRepository {
  /** Every board of the network, as last read: asked after every change, changed a few times a year. */
  private readonly boards: ShortMemory<Board[]>;

  constructor(private readonly db: Db) {
    this.boards = shortMemoryOf<Board[]>(db, "boards");
  }

  async get(channel: ChannelRef): Promise<Board | null> {
    const key = keyOf(channel);
    const row = await this.db.networkSetting.findUnique({ where: { key } });
    return row ? parseStored(stored, row.value, { table: "NetworkSetting", column: "value", id: key }) : null;
  }

  async put(board: Board): Promise<void> {
    const key = keyOf(board.channel);
    const value = JSON.stringify(stored.parse(board));
    try {
      await this.db.networkSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
    } finally {
      // Forgotten after the write: a read racing with it cannot keep the old list.
      this.boards.forget(ALL);
    }
  }

  async showing(communeId: string | null): Promise<Board[]> {
    return (await this.all()).filter((b) => b.communeId === null || b.communeId === communeId);
  }

  private async all(): Promise<Board[]> {
    const known = this.boards.get(ALL);
    if (known) return known;
    // Plain SQL: asked after every change (an ORM query costs several times its CPU). The
    // prefix holds no LIKE wildcard.
    const rows = await this.db.$queryRaw<Array<{ key: string; value: string }>>`SELECT "key", "value" FROM "NetworkSetting" WHERE "key" LIKE ${`${PREFIX}%`}`;
    const boards = rows.map((r) => parseStored(stored, r.value, { table: "NetworkSetting", column: "value", id: r.key }));
    // Remembered even when read inside a unit of work (every change asks from inside one): a
    // board that unit put and then lost to a rollback is refreshed for nothing for a few
    // seconds at most (its refresh reads it again, finds none and sends nothing).
    this.boards.set(ALL, boards);
    return boards;
  }
}
