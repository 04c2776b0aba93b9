/** Prisma implementation of {@link ActivityRepository}. */
import type { ActivityEvent, ActivityRepository } from "../../core/ports.js";
import type { Db } from "../client.js";
import type { ActivityEvent as EventRow } from "../../generated/sqlite/client.js";
import { jsonObjectSchema, parseStored } from "../json.js";

function toEvent(row: EventRow): ActivityEvent {
  return {
    id: row.id,
    communeId: row.communeId,
    personId: row.personId,
    kind: row.kind,
    at: row.at,
    data: row.data === null ? null : parseStored(jsonObjectSchema, row.data, { table: "ActivityEvent", column: "data", id: row.id }),
  };
}

/** What happened in each commune: the raw material of the momentum watch. */
export class PrismaActivityRepository implements ActivityRepository {
  constructor(private readonly db: Db) {}

  async record(event: Omit<ActivityEvent, "id">): Promise<void> {
    await this.db.activityEvent.create({
      data: {
        communeId: event.communeId,
        personId: event.personId,
        kind: event.kind,
        at: event.at,
        data: event.data === null ? null : JSON.stringify(event.data),
      },
    });
  }

  /** Most recent first; served by the (communeId, at) index. */
  async recent(communeId: string, limit: number): Promise<ActivityEvent[]> {
    if (limit <= 0) return [];
    const rows = await this.db.activityEvent.findMany({
      where: { communeId },
      orderBy: { at: "desc" },
      take: Math.floor(limit),
    });
    return rows.map(toEvent);
  }
}
