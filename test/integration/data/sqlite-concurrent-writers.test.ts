/**
 * Several processes on one SQLite file (the bot plus `npm run import`, two terminals) is
 * normal use: 20 people joining a 5-seat webinar at once, each through its own process
 * (the terminal entry point as `npm start` runs it, built, with `--once`), all get an answer
 * and none loses the write: exactly 5 going, 15 waiting, no error reply.
 */
import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/data/database.js";
import { scratchSqlite } from "./support.js";
import { runNode } from "../../helpers/child.js";

const scratch = scratchSqlite();
afterAll(() => scratch.cleanup());

// Plain JavaScript, as `npm start` runs it: half the start-up work of tsx, for 21 processes.
const once = (line: string, flags: string[], env: Record<string, string> = {}) =>
  runNode(["dist/src/main.js", "--once", line, ...flags], { DATABASE_URL: scratch.url, ...env });

// 21 real processes (start-up, migration check, a few writes each) on a loaded 2-core machine.
describe("SQLite with several processes on one file", { timeout: 900_000 }, () => {
  it("20 processes joining a 5-seat webinar at once: 5 going, 15 waiting, no error", async () => {
    execFileSync(process.execPath, ["src/build.mjs"]);
    const planned = await once('/cdce webinaire planifier titre:"Concurrence" theme:communication debut:"15/03/2027 10h" capacite:5', ["--user", "coord"]);
    expect(planned.code).toBe(0);
    const code = /`([a-z0-9]{5})`/.exec(planned.stdout)?.[1];
    expect(code, planned.stdout).toBeDefined();

    const people = Array.from({ length: 20 }, (_, i) => `p${i}`);
    const results = await Promise.all(people.map((user) => once(`/cdce webinaire rejoindre ${code}`, ["--user", user, "--role", "benevole", "--commune", "Namur"], { SEED_ON_START: "false" })));

    const failures = results.filter((r) => r.code !== 0 || r.stderr !== "" || /erreur|error/i.test(r.stdout));
    expect(failures.map((r) => `${r.code} ${r.stdout.slice(0, 200)} ${r.stderr.slice(0, 400)}`)).toEqual([]);
    expect(results.filter((r) => r.stdout.includes("Concurrence")).length).toBe(20);

    const db = await openDatabase({ url: scratch.url });
    try {
      const event = await db.prisma.event.findFirstOrThrow({ where: { title: "Concurrence" } });
      const regs = await db.prisma.registration.findMany({ where: { eventId: event.id } });
      expect(regs.filter((r) => r.status === "going")).toHaveLength(5);
      expect(regs.filter((r) => r.status === "waitlist")).toHaveLength(15);
      expect(event.goingCount).toBe(5);
    } finally {
      await db.close();
    }
  });
});
