/**
 * `--now` as people type it: the real entry point in a child process. Refused, on stderr with
 * exit code 2, when the instant is impossible or the setup is not the terminal alone on
 * SQLite; with `--once`, the demo starts at that instant and `demo avancer` runs the jobs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runNode } from "../helpers/child.js";

const dir = mkdtempSync(join(tmpdir(), "cdce-demo-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(args: string[], env: Record<string, string> = {}) {
  return runNode(["--import", "tsx", "src/main.ts", ...args], { DATABASE_URL: `file:${join(dir, "demo.db")}`, ...env });
}

describe("--now on the command line", { timeout: 120_000 }, () => {
  it("refuses an impossible Brussels time with exit code 2 and the reason on stderr", async () => {
    const r = await start(["--now", "2027-03-28T02:30", "--once", "/cdce aide"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("does not exist in Brussels");
    expect(r.stdout).toBe("");
  });

  it("refuses it when Slack or Discord would run, and on PostgreSQL", async () => {
    const slack = await start(["--now", "2027-09-20T08:55"], { SLACK_BOT_TOKEN: "xoxb-test", SLACK_APP_TOKEN: "xapp-test" });
    expect(slack.code).toBe(2);
    expect(slack.stderr).toContain("--now is for the terminal demo only: Slack would run too");
    const discord = await start(["--now", "2027-09-20T08:55", "--terminal"], { DISCORD_TOKEN: "test", DISCORD_APPLICATION_ID: "123456789012345678" });
    expect(discord.code).toBe(2);
    expect(discord.stderr).toContain("Discord would run too");
    const pg = await start(["--now", "2027-09-20T08:55", "--once", "/cdce aide"], { DATABASE_URL: "postgresql://u:p@127.0.0.1:1/db" });
    expect(pg.code).toBe(2);
    expect(pg.stderr).toContain("DATABASE_URL is PostgreSQL");
  });

  it("starts the terminal demo at that instant, and demo avancer runs the jobs up to 30 days later", async () => {
    const r = await start(["--now", "2027-09-20T08:55", "--once", "/cdce demo avancer 30j"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Horloge avancée au mercredi 20 octobre 2027 à 08:55");
    expect(r.stdout).toContain("Veille quotidienne (Fair-O-Mètre, mandats, parrainages) : 30 passages");
    expect(r.stdout).toContain("Veille de dynamique des communes : 4 passages");
    expect(r.stdout).toContain("Digest hebdomadaire du réseau : 5 passages");
  });
});
