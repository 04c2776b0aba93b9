/**
 * The waitlist follows the order in which people clicked, as the platform stamped the clicks,
 * not the order in which a replica got round to them: with two replicas each answering its
 * own share of a burst, a click can be handled after a later one. Here the later click is
 * handled first, through the dispatcher, the real Slack adapter (Bolt, `action_ts`) and the
 * real Discord adapter (discord.js, the time inside the interaction's id).
 */
import { afterAll, describe, expect, it } from "vitest";
import { translator } from "../../../src/core/i18n/catalogue.js";
import { resolveActor } from "../../../src/core/identity.js";
import type { App } from "../../../src/app.js";
import type { IncomingCommand } from "../../../src/core/types.js";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { codeOf, deliverDue, planWebinar } from "../../helpers/events.js";
import { USERS, buttonsOf, createSlackHarness, textOf, type SlackHarness } from "../../fakes/slack/harness.js";
import { startDiscordHarness, type DiscordHarness } from "../../fakes/discord/harness.js";
import { buttonsOf as discordButtons, sendClick, textOf as discordText } from "../../fakes/discord/interactions.js";

const fr = translator("fr");

/** People on the waitlist of `code`, in the waitlist's order, by their account's user id. */
async function waitlistUsers(app: App, code: string, platform: IncomingCommand["platform"], workspaceId: string, users: string[]): Promise<string[]> {
  const event = (await app.services.events.repo.byCode(code))!;
  const waiting = await app.services.events.repo.registrations(event.id, { statuses: ["waitlist"] });
  const byPerson = new Map<string, string>();
  for (const u of users) byPerson.set((await resolveActor({ platform, workspaceId, userId: u, userName: u }, app.services.repos, app.services.clock())).personId, u);
  return waiting.map((r) => byPerson.get(r.personId) ?? r.personId);
}

describe("waitlist in click order, through the dispatcher", () => {
  let app: TestApp;
  afterAll(async () => {
    await app?.close();
  });

  it("places an earlier click before a later one handled first; an untrusted stamp counts as handled now", async () => {
    app = await createTestApp();
    const code = await planWebinar(app, 'titre:"Ordre des clics" theme:communication debut:"20/03/2027 10h" capacite:1');
    let now = app.services.clock().getTime();
    // Each click is handled a second after the one before (the clock moves), stamped as given.
    const click = (user: string, stamp: (now: number) => number) => {
      app.setNow(new Date((now += 1_000)));
      return app.dispatcher.handle({ platform: "slack", workspaceId: "W1", userId: user, userName: user, text: `webinaire rejoindre ${code}`, actedAt: new Date(stamp(now)) });
    };
    await click("seated", (t) => t - 5_000);
    // Handled in the order later, earlier, then a stamp an hour old and one from the future.
    await click("later", (t) => t - 1_000);
    await click("earlier", (t) => t - 3_000);
    // A click that waited two minutes for its turn (a burst on a busy machine) keeps its place.
    await click("waited", (t) => t - 120_000);
    await click("stale", (t) => t - 3_600_000);
    await click("future", (t) => t + 60_000);
    const order = await waitlistUsers(app, code, "slack", "W1", ["later", "earlier", "waited", "stale", "future"]);
    expect(order.slice(0, 3)).toEqual(["waited", "earlier", "later"]);
    // Neither untrusted stamp jumps ahead: both count as handled at `now`, after the clicks.
    expect(order.slice(3).sort()).toEqual(["future", "stale"]);
  });

  it("keeps a double click's first stamp when its second click was handled first", async () => {
    const code = await planWebinar(app, 'titre:"Double clic" theme:communication debut:"21/03/2027 10h" capacite:1');
    let now = app.services.clock().getTime();
    const click = (user: string, stamp: (now: number) => number) => {
      app.setNow(new Date((now += 1_000)));
      return app.dispatcher.handle({ platform: "slack", workspaceId: "W1", userId: user, userName: user, text: `webinaire rejoindre ${code}`, actedAt: new Date(stamp(now)) });
    };
    await click("seated", (t) => t - 5_000);
    // "double" clicked at -4 s and again at -1 s; the second click is handled first, then
    // "between" (clicked at -2 s), then the first click of "double".
    await click("double", (t) => t - 1_000);
    await click("between", (t) => t - 3_000);
    await click("double", (t) => t - 6_000);
    expect(await waitlistUsers(app, code, "slack", "W1", ["double", "between"])).toEqual(["double", "between"]);
  });
});

describe("waitlist in click order, Slack (action_ts)", () => {
  let h: SlackHarness;
  afterAll(async () => {
    await h?.close();
  });

  it("a click stamped earlier but handled later is ahead on the waitlist", async () => {
    h = await createSlackHarness({ mode: "http" });
    await h.grant(USERS.en!, "coordination");
    const planned = await h.fake.response((await h.command('webinaire planifier titre:"Ordre Slack" theme:partenariats debut:"15/12/2026 14h" capacite:1', USERS.en)).responseUrl);
    const code = codeOf(textOf(planned.body));
    const join = { value: `webinaire rejoindre ${code}`, action_id: "cdce:btn:0" };
    let now = h.app.services.clock().getTime();
    // Each click is handled a second after the one before (the clock moves), stamped `ago` before that.
    const click = async (user: (typeof USERS)[string], ago: number) => {
      h.app.setNow(new Date((now += 1_000)));
      return h.fake.response((await h.click(join, user, "C0NAMUR", new Date(now - ago))).responseUrl);
    };
    await click(USERS.nl!, 5_000);
    await click(USERS.de!, 1_000);
    const last = await click(USERS.fr!, 3_000);
    expect(textOf(last.body)).toContain("liste d’attente");
    expect(await waitlistUsers(h.app, code, "slack", "T0CDCE", [USERS.de!.id, USERS.fr!.id])).toEqual([USERS.fr!.id, USERS.de!.id]);
    expect(buttonsOf(last.body).length).toBeGreaterThan(0);
  });
});

describe("waitlist in click order, Discord (the interaction id's time)", () => {
  let h: DiscordHarness;
  afterAll(async () => {
    await h?.close();
  });

  it("a click stamped earlier but handled later is ahead on the waitlist", { timeout: 60_000 }, async () => {
    h = await startDiscordHarness();
    const COORD = { userId: "400000000000000099", username: "coord", locale: "fr" };
    await h.grant(COORD.userId, "coordination");
    // h.run takes the registry name and finds its place on Discord itself (grouped or not).
    await h.run("config canal", { usage: "reseau" }, COORD);
    const planned = await h.run("webinaire planifier", { titre: "Ordre Discord", theme: "gouvernance", debut: "16/12/2026 19h", capacite: "1" }, COORD);
    const code = codeOf(discordText(planned.answer.message));
    await deliverDue(h.app, h.adapter);
    const posted = h.fake.channel().messages.find((m) => discordText(m).includes("Ordre Discord"))!;
    const join = discordButtons(posted).find((b) => b.label === fr("ev.button.join"))!;
    let now = h.app.services.clock().getTime();
    const who = (n: number, at: number) => ({ userId: `40000000000000010${n}`, username: `p${n}`, locale: "fr", at });
    // Each click is handled a second after the one before (the clock moves), stamped `ago` before that.
    const click = (n: number, ago: number) => {
      h.app.setNow(new Date((now += 1_000)));
      return h.fake.waitForAnswer(sendClick(h.fake, posted, join.custom_id, who(n, now - ago)), 20_000);
    };
    await click(1, 5_000);
    await click(2, 1_000);
    await click(3, 3_000);
    expect(await waitlistUsers(h.app, code, "discord", h.fake.guild.id, [who(2, 0).userId, who(3, 0).userId])).toEqual([who(3, 0).userId, who(2, 0).userId]);
  });
});
