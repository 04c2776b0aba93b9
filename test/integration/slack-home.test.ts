/**
 * Slack's App Home and shortcuts through the real Bolt app against the fake Slack, in HTTP and
 * Socket Mode: opening the Home tab publishes the person's home in their language with only
 * the actions their role allows; changes refresh it through the outbox, once per pacing
 * window, for those who have opened it; the global shortcuts open their forms, the message
 * shortcut opens the initiative form pre-filled with the message and its permalink, and a
 * volunteer is refused the webinar shortcut in their own language.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/catalogue.js";
import { silentLogger } from "../../src/core/logger.js";
import { PacedSender } from "../../src/delivery/limits.js";
import { OutboxWorker } from "../../src/delivery/worker.js";
import { PACE_MS, homeLiveViews } from "../../src/features/home/index.js";
import { toMrkdwn } from "../../src/platforms/slack/mrkdwn.js";
import { CHANNEL, USERS, buttonsOf, createSlackHarness, textOf, type Mode, type SlackHarness } from "../fakes/slack/harness.js";
import type { FakeUser } from "../fakes/slack/web-api.js";

const de = translator("de");
const en = translator("en");

describe.each<Mode>(["http", "socket"])("Slack App Home and shortcuts in %s mode", (mode) => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await createSlackHarness({ mode });
    const eupen = (await h.app.services.repos.communes.findByName("Eupen"))!;
    await h.grant(USERS.de!, "benevole", eupen.id);
    await h.grant(USERS.nl!, "benevole", eupen.id);
    await h.grant(USERS.en!, "coordination");
  });
  afterAll(async () => {
    await h?.close();
  });

  const countOf = (method: string) => h.fake.calls.filter((c) => c.method === method).length;
  const publishes = (user: FakeUser) => h.fake.calls.filter((c) => c.method === "views.publish" && c.args.user_id === user.id);

  /** Opens `user`'s Home tab and returns the view Slack accepted. */
  async function openHome(user: FakeUser) {
    const before = publishes(user).length;
    const ack = await h.openHome(user);
    expect(ack.status).toBe(200);
    const call = await h.fake.calls.next((c) => c.method === "views.publish" && c.args.user_id === user.id, { skip: before });
    expect(call.ok, call.error).toBe(true);
    return h.fake.api.homes.get(user.id);
  }

  /** The outbox's due rows sent through the real Slack sender, homes built as they leave. */
  async function runOutbox(): Promise<void> {
    const sender = h.adapter;
    const worker = new OutboxWorker({
      store: h.app.delivery.store,
      platforms: { slack: { sender, pacer: new PacedSender(sender, { logger: silentLogger, perChannelMinTimeMs: 0, perWorkspaceMinTimeMs: 0 }), available: () => true } },
      replica: "test",
      logger: silentLogger,
      clock: h.app.services.clock,
      live: homeLiveViews(h.app.services, h.app.dispatcher.registry),
    });
    worker.start();
    try {
      await worker.sweep();
      for (let i = 0; i < 400 && worker.inFlightCount > 0; i++) await new Promise((r) => setTimeout(r, 25));
    } finally {
      await worker.stop();
    }
  }

  it("publishes the home when the Home tab is opened, in the person's language, with only the actions their role allows", async () => {
    const view = await openHome(USERS.de!);
    expect(view.type).toBe("home");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = view.blocks.map((b: any) => textOf({ blocks: [b] })).join("\n");
    expect(text).toContain(de("home.actions"));
    expect(text).toContain(de("home.next"));
    const labels = buttonsOf(view).map((b) => b.label);
    expect(labels).toEqual(expect.arrayContaining([de("home.button.kit"), de("home.button.share"), de("home.button.idea")]));
    expect(labels).not.toContain(de("home.button.webinar"));
    expect(labels).not.toContain(de("home.button.watch"));

    const coordination = await openHome(USERS.en!);
    const coordinationLabels = buttonsOf(coordination).map((b) => b.label);
    expect(coordinationLabels).toEqual(expect.arrayContaining([en("home.button.webinar"), en("home.button.watch")]));
  });

  it("publishes nothing when the Messages tab is opened", async () => {
    const before = publishes(USERS.fr!).length;
    expect((await h.openHome(USERS.fr!, "messages")).status).toBe(200);
    // The next Home tab opened is published; the Messages tab before it was not.
    await openHome(USERS.en!);
    expect(publishes(USERS.fr!)).toHaveLength(before);
  });

  it("republishes the home once after changes in one pacing window, only for those who opened it", async () => {
    await openHome(USERS.de!);
    const dieter = publishes(USERS.de!).length;
    const nele = publishes(USERS.nl!).length;
    for (const idea of [`Ein Stand am Weihnachtsmarkt ${mode}`, `Ein Repair-Café ${mode}`]) {
      const { responseUrl } = await h.command(`idee ${idea}`, USERS.de);
      await h.fake.response(responseUrl);
    }
    const rows = (await h.app.services.outbox.list(["pending"], 1000)).filter((r) => r.key.startsWith("home:"));
    // Two changes, one refresh of Dieter's home; Nele (same commune) never opened hers.
    expect(rows.map((r) => r.target.channelId)).toEqual([USERS.de!.id]);

    const start = h.app.services.clock();
    h.app.setNow(new Date(start.getTime() + PACE_MS + 1000));
    try {
      await runOutbox();
    } finally {
      h.app.setNow(start);
    }
    expect(publishes(USERS.de!)).toHaveLength(dieter + 1);
    expect(publishes(USERS.de!).at(-1)!.ok).toBe(true);
    expect(publishes(USERS.nl!)).toHaveLength(nele);
    expect(textOf({ blocks: h.fake.api.homes.get(USERS.de!.id).blocks })).toContain(de("home.actions"));
    const sent = (await h.app.services.outbox.list(["sent"], 1000)).filter((r) => r.key === rows[0]!.key);
    expect(sent).toHaveLength(1);
  });

  it.each([
    ["cdce_share_initiative", "initiative"],
    ["cdce_plan_webinar", "webinaire planifier"],
    ["cdce_find_kit", "kit"],
  ])("opens the form of global shortcut %s (%s)", async (callbackId, command) => {
    const before = h.fake.api.views.length;
    const opens = countOf("views.open");
    const ack = await h.shortcut(callbackId, USERS.en);
    expect(ack.status).toBe(200);
    const call = await h.fake.calls.next((c) => c.method === "views.open", { skip: opens });
    expect(call.ok, call.error).toBe(true);
    const view = h.fake.api.views[before]!.view;
    expect(view.type).toBe("modal");
    expect(JSON.parse(view.private_metadata).c).toBe(command);
    if (command === "kit") expect(view.title.text).toBe(en("home.kit.form"));
  });

  it("opens the initiative form pre-filled with the message's text and permalink from the message shortcut", async () => {
    const shared = h.fake.api.addUserMessage(CHANNEL, USERS.fr!.id, `Repair café à Eupen ${mode}\nSamedi 14 h, salle communale`);
    const views = h.fake.api.views.length;
    const opens = countOf("views.open");
    const permalinks = countOf("chat.getPermalink");
    const { ack } = await h.messageShortcut("cdce_share_message", { ts: shared.ts, text: shared.text, user: shared.user }, USERS.de);
    expect(ack.status).toBe(200);
    const link = await h.fake.calls.next((c) => c.method === "chat.getPermalink", { skip: permalinks });
    expect(link.ok).toBe(true);
    expect(link.args).toMatchObject({ channel: CHANNEL, message_ts: shared.ts });
    expect((await h.fake.calls.next((c) => c.method === "views.open", { skip: opens })).ok).toBe(true);
    const view = h.fake.api.views[views]!.view;
    expect(JSON.parse(view.private_metadata).c).toBe("initiative");
    const field = (id: string) => view.blocks.find((b: any) => b.block_id === id)?.element?.initial_value;
    expect(field("titre")).toBe(`Repair café à Eupen ${mode}`);
    expect(field("description")).toContain("Samedi 14 h, salle communale");
    expect(field("description")).toContain(`https://cdce.slack.com/archives/${CHANNEL}/p${shared.ts.replace(".", "")}`);
  });

  it("refuses 'Planifier un webinaire' to a volunteer, in their language, without opening a form", async () => {
    const views = h.fake.api.views.length;
    const toDieter = (c: { method: string; args: Record<string, any> }) => c.method === "chat.postMessage" && c.args.channel === USERS.de!.id;
    const dms = h.fake.calls.filter(toDieter).length;
    const ack = await h.shortcut("cdce_plan_webinar", USERS.de);
    expect(ack.status).toBe(200);
    // A global shortcut has no channel: the answer comes in the person's DM with the bot.
    const post = await h.fake.calls.next(toDieter, { skip: dms });
    expect(post.ok).toBe(true);
    expect(textOf(post.args)).toContain(toMrkdwn(de("error.forbidden", { command: "webinaire planifier" })));
    expect(h.fake.api.views.length).toBe(views);
  });
});
