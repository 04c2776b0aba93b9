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

const PREFIX = "board:";
const keyOf = (c: ChannelRef) => `${PREFIX}${c.platform}:${c.workspaceId}:${c.channelId}`;
const stored = z.object({
  channel: z.object({ platform: platformSchema, workspaceId: z.string(), channelId: z.string() }),
  communeId: z.string().nullable(),
  messageId: z.string().nullable(),
});

export class PrismaBoardRepository implements BoardRepository {
  constructor(private readonly db: Db) {}

  async get(channel: ChannelRef): Promise<Board | null> {
    const key = keyOf(channel);
    const row = await this.db.networkSetting.findUnique({ where: { key } });
    return row ? parseStored(stored, row.value, { table: "NetworkSetting", column: "value", id: key }) : null;
  }

  async put(board: Board): Promise<void> {
    const key = keyOf(board.channel);
    const value = JSON.stringify(stored.parse(board));
    await this.db.networkSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
  }

  async showing(communeId: string | null): Promise<Board[]> {
    // Plain SQL: asked after every change (an ORM query costs several times its CPU). The
    // prefix holds no LIKE wildcard.
    const rows = await this.db.$queryRaw<Array<{ key: string; value: string }>>`SELECT "key", "value" FROM "NetworkSetting" WHERE "key" LIKE ${`${PREFIX}%`}`;
    return rows
      .map((r) => parseStored(stored, r.value, { table: "NetworkSetting", column: "value", id: r.key }))
      .filter((b) => b.communeId === null || b.communeId === communeId);
  }
}
