/**
 * `npm run backup` and `npm run restore` on SQLite and PostgreSQL: a backup taken while the
 * bot has the database open (SQLite: commits still in the WAL) holds every commit; after
 * later changes, the restore brings the backup's state back and the bot reads it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BackupError, backupDatabase, restoreDatabase } from "../../../src/data/backup.js";
import { appsOnEachDatabase, createTestApp } from "../../helpers/test-app.js";
import { runNode } from "../../helpers/child.js";
import { scratchSqlite, withPg } from "./support.js";

const dir = mkdtempSync(path.join(tmpdir(), "cdce-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const link = (channelId: string) => ({ platform: "slack" as const, workspaceId: "T0BACKUP", channelId, purpose: "network" as const, communeId: null });

describe.each(await appsOnEachDatabase("backup"))("backup and restore on %s", (name, open) => {
  it("backs up while the bot runs, restores after later changes, and the bot reads the restored data", { timeout: 120_000 }, async () => {
    const app = await open();
    const file = path.join(dir, `${name}.backup`);
    try {
      await app.services.repos.channels.link(link("C0BEFORE"));
      // Taken with the app's connection open (SQLite: the commit is in the WAL, not yet in the main file).
      const result = await backupDatabase(app.databaseUrl, file);
      expect(result.bytes).toBeGreaterThan(0);
      await app.services.repos.channels.link(link("C0AFTER"));
      await app.services.repos.channels.unlink("slack", "T0BACKUP", "C0BEFORE");
    } finally {
      await app.close().catch(() => {});
    }
    // close() of the PostgreSQL test app drops its schema: the restore must recreate everything.
    await restoreDatabase(app.databaseUrl, file);
    const again = await createTestApp({ databaseUrl: app.databaseUrl, seed: false });
    try {
      expect(await again.services.repos.channels.find("slack", "T0BACKUP", "C0BEFORE")).not.toBeNull();
      expect(await again.services.repos.channels.find("slack", "T0BACKUP", "C0AFTER")).toBeNull();
      expect((await again.services.repos.communes.list()).length).toBe(40);
      // And a command runs on it.
      const reply = await again.inbound.handle({ platform: "terminal", workspaceId: "local", userId: "backup-reader", text: "kit jeunes" });
      expect(JSON.stringify(reply)).toMatch(/kits? trouvés?/);
    } finally {
      await again.close();
      const schema = new URL(app.databaseUrl).searchParams.get("schema");
      if (schema) await withPg((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    }
  });
});

describe("backup refusals", () => {
  it("names the missing pg_dump and what to install, and refuses a file of the wrong kind", async () => {
    await expect(backupDatabase("postgresql://root@127.0.0.1:5432/test?schema=nothing", path.join(dir, "x.dump"), { pgDump: "pg_dump-not-installed" })).rejects.toThrow(/pg_dump-not-installed was not found.*postgresql-client/);
    const notSqlite = path.join(dir, "not.db");
    writeFileSync(notSqlite, "PGDMP custom archive");
    const scratch = scratchSqlite();
    try {
      await expect(restoreDatabase(scratch.url, notSqlite)).rejects.toBeInstanceOf(BackupError);
      await expect(restoreDatabase(scratch.url, path.join(dir, "absent.db"))).rejects.toThrow(/No backup file/);
    } finally {
      await scratch.cleanup();
    }
  });

  it("npm run backup writes the file and says where", { timeout: 60_000 }, async () => {
    const app = await createTestApp();
    const file = path.join(dir, "cli.db");
    try {
      const r = await runNode(["--import", "tsx", "src/data/backup-cli.ts", file], { DATABASE_URL: app.databaseUrl });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`written to ${file}`);
      const missing = await runNode(["--import", "tsx", "src/data/backup-cli.ts"], { DATABASE_URL: app.databaseUrl });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("usage: npm run backup -- FILE");
    } finally {
      await app.close();
    }
  });
});
