import { it } from "vitest";
import { createApp } from "../../src/app.js";
import { silentLogger } from "../../src/core/logger.js";
import { scratchPostgres } from "../integration/data/support.js";
import { planWebinar } from "../helpers/events.js";
import { run } from "../helpers/run.js";

it("cpu per join", async () => {
  const scratch = scratchPostgres();
  const app = await createApp({ databaseUrl: scratch.url, logger: silentLogger, clock: () => new Date("2027-03-01T09:00:00Z"), seed: false });
  const code = await planWebinar(app, 'titre:"Q" theme:communication debut:"20/03 10h" capacite:50');
  for (let i = 0; i < 30; i++) await run(app, `webinaire rejoindre ${code}`, { user: `w${i}`, platform: "slack" });
  const results: string[] = [];
  for (const round of [0, 1, 2]) {
    const c0 = process.cpuUsage();
    const N = 100;
    for (let i = 0; i < N; i++) await run(app, `webinaire rejoindre ${code}`, { user: `r${round}-${i}`, platform: "slack" });
    const c = process.cpuUsage(c0);
    results.push(((c.user + c.system) / 1000 / N).toFixed(2));
  }
  console.log("CPU ms per join (going then waitlist):", results.join(" / "));
  await app.close(); await scratch.cleanup();
}, 300000);
