/**
 * Prisma implementation of {@link CalendarMirrorStore}: one row per (event, platform,
 * workspace), written after the platform answered. A save never lowers the stored sequence:
 * of two replicas finishing out of order, the newer version stays recorded.
 */
import type { CalendarMirror, CalendarMirrorStore } from "../core/calendar.js";
import type { Platform } from "../core/types.js";
import type { Db } from "./client.js";
import { isUniqueViolation } from "./errors.js";

type Row = { ref: string; platform: string; workspaceId: string; externalId: string; sequence: number; cancelled: boolean };

const toMirror = (r: Row): CalendarMirror => ({ ref: r.ref, platform: r.platform as Platform, workspaceId: r.workspaceId, externalId: r.externalId, sequence: r.sequence, cancelled: r.cancelled });

export class PrismaCalendarMirrorStore implements CalendarMirrorStore {
  constructor(private readonly db: Db) {}

  async get(ref: string, platform: Platform, workspaceId: string): Promise<CalendarMirror | null> {
    const row = await this.db.calendarMirror.findUnique({ where: { ref_platform_workspaceId: { ref, platform, workspaceId } } });
    return row ? toMirror(row) : null;
  }

  async save(m: CalendarMirror): Promise<void> {
    const data = { externalId: m.externalId, sequence: m.sequence, cancelled: m.cancelled };
    const { count } = await this.db.calendarMirror.updateMany({ where: { ref: m.ref, platform: m.platform, workspaceId: m.workspaceId, sequence: { lte: m.sequence } }, data });
    if (count > 0) return;
    try {
      await this.db.calendarMirror.create({ data: { ref: m.ref, platform: m.platform, workspaceId: m.workspaceId, ...data } });
    } catch (err) {
      // Already there with a newer sequence: that one stays.
      if (!isUniqueViolation(err)) throw err;
    }
  }

  async forRef(ref: string): Promise<CalendarMirror[]> {
    return (await this.db.calendarMirror.findMany({ where: { ref } })).map(toMirror);
  }
}
