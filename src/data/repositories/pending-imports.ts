/**
 * Imports waiting for their "Appliquer" click, kept in the NetworkSetting table (a key and
 * a JSON value) under `imports.pending.<key>`: shared by every replica, so the click may land
 * on any of them, and no migration for a few rows that live half an hour.
 */
import { z } from "zod";
import type { PendingImport, PendingImportStore } from "../../features/imports/index.js";
import { SHEET_FORMATS } from "../../features/imports/index.js";
import type { Db } from "../client.js";
import { parseStored } from "../json.js";

const PREFIX = "imports.pending.";

const storedSchema = z.object({
  personId: z.string(),
  kind: z.enum(["kits", "communes"]),
  fileName: z.string(),
  sheet: z.object({
    format: z.enum(SHEET_FORMATS),
    header: z.array(z.string()),
    rows: z.array(z.object({ line: z.number().int(), cells: z.record(z.string(), z.string()) })),
  }),
  expiresAt: z.iso.datetime(),
});

export class PrismaPendingImportStore implements PendingImportStore {
  constructor(private readonly db: Db) {}

  async put(key: string, pending: PendingImport, now: Date): Promise<void> {
    await this.dropExpired(now);
    const id = PREFIX + key;
    const value = JSON.stringify({ ...pending, expiresAt: pending.expiresAt.toISOString() });
    await this.db.networkSetting.upsert({ where: { key: id }, create: { key: id, value }, update: { value } });
  }

  async take(key: string, now: Date): Promise<PendingImport | null> {
    const id = PREFIX + key;
    const row = await this.db.networkSetting.findUnique({ where: { key: id } });
    if (!row) return null;
    // Whoever deletes the row applies it: two clicks at once apply it once.
    if ((await this.db.networkSetting.deleteMany({ where: { key: id, value: row.value } })).count !== 1) return null;
    const stored = parseStored(storedSchema, row.value, { table: "NetworkSetting", column: "value", id });
    const expiresAt = new Date(stored.expiresAt);
    return expiresAt.getTime() <= now.getTime() ? null : { ...stored, expiresAt };
  }

  private async dropExpired(now: Date): Promise<void> {
    const rows = await this.db.networkSetting.findMany({ where: { key: { startsWith: PREFIX } }, select: { key: true, value: true } });
    const expired = rows.filter((r) => {
      const at = /"expiresAt":"([^"]+)"/.exec(r.value)?.[1];
      return !at || Date.parse(at) <= now.getTime();
    });
    if (expired.length) await this.db.networkSetting.deleteMany({ where: { key: { in: expired.map((r) => r.key) } } });
  }
}
