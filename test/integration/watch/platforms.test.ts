/**
 * A momentum alert on the real platforms' SDKs against the fakes: the weekly scan queues it,
 * the outbox posts it in the coordination channel with its reasons and buttons, and a click
 * on "Propose a mentor" answers with the ranked mentor communes (Eupen first for Raeren).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USERS, buttonsOf, createSlackHarness, textOf, type SlackHarness } from "../../fakes/slack/harness.js";
import { startDiscordHarness, type DiscordHarness } from "../../fakes/discord/harness.js";
import { buttonsOf as discordButtons, sendClick, textOf as discordText } from "../../fakes/discord/interactions.js";
import { deliverDue } from "../../helpers/events.js";
import { translator } from "../../../src/core/i18n/catalogue.js";
import { runWeeklyScan } from "../../../src/features/watch/scan.js";
import { silentLogger } from "../../../src/core/logger.js";
import type { TestApp } from "../../helpers/test-app.js";
import { DAY, fullCopil } from "./helpers.js";

const fr = translator("fr");

/** Raeren lively at the app's `now`, then 200 days without activity: one alert, to orange. */
async function raerenFalls(app: TestApp): Promise<void> {
  const now = app.services.clock();
  const raeren = (await app.services.repos.communes.findByName("Raeren"))!;
  await fullCopil(app, raeren.id, new Date(now.getTime() - 400 * DAY));
  await app.services.repos.communes.addFomRecord({ communeId: raeren.id, on: new Date(now.getTime() - 300 * DAY), grade: "A" });
  for (const [kind, days] of [["initiative", 3], ["initiative", 40], ["event", 90], ["initiative", 150], ["event", 200], ["initiative", 260], ["training_attended", 20], ["training_attended", 80]] as const) {
    await app.services.repos.activity.record({ communeId: raeren.id, personId: null, kind, at: new Date(now.getTime() - days * DAY), data: null });
  }
  const deps = { repos: app.services.repos, watch: app.services.watch, notifier: app.services.notifier, logger: silentLogger };
  expect((await runWeeklyScan(deps, now)).alerts).toBe(0);
  const later = new Date(now.getTime() + 200 * DAY);
  app.setNow(later);
  await runWeeklyScan(deps, later);
}

describe("Slack: a momentum alert and its buttons", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await createSlackHarness({ mode: "http" });
    await h.grant(USERS.fr!, "coordination");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("posts the alert in the coordination channel; 'Propose a mentor' ranks Eupen first", async () => {
    await h.fake.response((await h.command("config canal coordination", USERS.fr, "C0COORD")).responseUrl);
    await raerenFalls(h.app);
    await deliverDue(h.app, h.adapter);
    const post = h.fake.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === "C0COORD" && textOf(c.args).includes("Raeren"))[0]!;
    expect(textOf(post.args)).toContain("Raeren passe en orange");
    expect(textOf(post.args)).toContain("Dernière activité il y a");
    const mentor = buttonsOf(post.args).find((b) => b.label === fr("momentum.action.mentor.button"))!;
    expect(mentor.value).toBe("parrainage proposer raeren");
    const answer = await h.fake.response((await h.click(mentor, USERS.fr, "C0COORD")).responseUrl);
    expect(textOf(answer.body)).toMatch(/1\. \*Eupen\*/);
    expect(buttonsOf(answer.body)[0]!.value).toBe("parrainage confirmer raeren eupen");
  });
});

describe("Discord: a momentum alert and its buttons", () => {
  let h: DiscordHarness;
  const COORD = { userId: "400000000000000099", username: "coord", locale: "fr" };
  beforeAll(async () => {
    h = await startDiscordHarness();
    await h.grant(COORD.userId, "coordination");
  }, 30_000);
  afterAll(async () => {
    await h?.close();
  });

  it("posts the alert with its buttons; a click answers with the ranked mentors", async () => {
    // h.run takes the registry name and finds its place on Discord itself (grouped or not).
    await h.run("config canal", { usage: "coordination" }, COORD);
    await raerenFalls(h.app);
    await deliverDue(h.app, h.adapter);
    const posted = h.fake.guild.channels.flatMap((c) => c.messages).find((m) => discordText(m).includes("Raeren passe en orange"))!;
    expect(posted).toBeTruthy();
    const mentor = discordButtons(posted).find((b) => b.label === fr("momentum.action.mentor.button"))!;
    expect(mentor.custom_id).toBe("c:parrainage proposer raeren");
    const answer = await h.fake.waitForAnswer(sendClick(h.fake, posted, mentor.custom_id, COORD));
    expect(discordText(answer.message)).toMatch(/1\. \*\*Eupen\*\*/);
  });
});
