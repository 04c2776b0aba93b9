import { it } from "vitest";
import pg from "pg";
import { createApp } from "../../src/app.js";
import { silentLogger } from "../../src/core/logger.js";
import { scratchPostgres } from "../integration/data/support.js";
import { planWebinar } from "../helpers/events.js";
import { run } from "../helpers/run.js";

it("counts", async () => {
  const scratch = scratchPostgres();
  const app = await createApp({ databaseUrl: scratch.url, logger: silentLogger, clock: () => new Date("2027-03-01T09:00:00Z"), seed: false });
  const code = await planWebinar(app, 'titre:"Q" theme:communication debut:"20/03 10h" capacite:2');
  await run(app, `webinaire rejoindre ${code}`, { user: "warm", platform: "slack" });
  const log: string[] = [];
  const orig = pg.Client.prototype.query;
  (pg.Client.prototype as any).query = function (this: unknown, q: any, ...rest: any[]) { log.push(String(typeof q === "string" ? q : q?.text ?? q).replace(/\s+/g, " ").slice(0, 160)); return (orig as any).call(this, q, ...rest); };
  for (const u of ["a1", "a2", "a3"]) {
    log.push(`---- ${u}`);
    await run(app, `webinaire rejoindre ${code}`, { user: u, platform: "slack" });
  }
  (pg.Client.prototype as any).query = orig;
  console.log(log.join("\n"));
  await app.close(); await scratch.cleanup();
}, 120000);
