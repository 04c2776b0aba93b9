/** Prisma implementation of {@link ChannelRepository}. */
import type { ChannelLink, ChannelPurpose, ChannelRepository } from "../../core/ports.js";
import type { Platform } from "../../core/types.js";
import type { Db } from "../client.js";
import type { ChannelLink as ChannelRow } from "../../generated/sqlite/client.js";
import { channelPurposeSchema, checkStored, platformSchema } from "../json.js";

function toLink(row: ChannelRow): ChannelLink {
  const origin = (column: string) => ({ table: "ChannelLink", column, id: row.id });
  return {
    platform: checkStored(platformSchema, row.platform, origin("platform")),
    workspaceId: row.workspaceId,
    channelId: row.channelId,
    purpose: checkStored(channelPurposeSchema, row.purpose, origin("purpose")),
    communeId: row.communeId,
  };
}

/** Which channel (on which platform and workspace) serves which purpose. */
export class PrismaChannelRepository implements ChannelRepository {
  constructor(private readonly db: Db) {}

  /** Insert or re-purpose: a channel has one link at a time. */
  async link(link: ChannelLink): Promise<void> {
    const { platform, workspaceId, channelId, communeId } = link;
    await this.db.channelLink.upsert({
      where: { platform_workspaceId_channelId: { platform, workspaceId, channelId } },
      create: { platform, workspaceId, channelId, purpose: link.purpose, communeId },
      update: { purpose: link.purpose, communeId },
    });
  }

  /** Idempotent: unlinking an unknown channel does nothing. */
  async unlink(platform: Platform, workspaceId: string, channelId: string): Promise<void> {
    await this.db.channelLink.deleteMany({ where: { platform, workspaceId, channelId } });
  }

  async find(platform: Platform, workspaceId: string, channelId: string): Promise<ChannelLink | null> {
    const row = await this.db.channelLink.findUnique({
      where: { platform_workspaceId_channelId: { platform, workspaceId, channelId } },
    });
    return row ? toLink(row) : null;
  }

  /** All links with this purpose (restricted to one commune when `communeId` is given), oldest first. */
  async byPurpose(purpose: ChannelPurpose, communeId?: string): Promise<ChannelLink[]> {
    const rows = await this.db.channelLink.findMany({
      where: communeId === undefined ? { purpose } : { purpose, communeId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return rows.map(toLink);
  }
}
