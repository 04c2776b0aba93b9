/**
 * A live board on Discord, end to end: `tableau epingler` through the real discord.js client
 * against the fake Discord, the outbox worker posting the board, a later change editing that
 * same message (PATCH), and a board whose message someone deleted posted anew and edited
 * there from then on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/catalogue.js";
import { silentLogger } from "../../src/core/logger.js";
import { PacedSender } from "../../src/delivery/limits.js";
import { OutboxWorker } from "../../src/delivery/worker.js";
import { PACE_MS, homeLiveViews } from "../../src/features/home/index.js";
import { MEMBER, startDiscordHarness, type DiscordHarness } from "../fakes/discord/harness.js";
import type { FakeChannel } from "../fakes/discord/model.js";

const fr = translator("fr");

describe("Discord live board", () => {
  let h: DiscordHarness;
  let board: FakeChannel;
  const who = { ...MEMBER, channel: "namur-tableau" };

  beforeAll(async () => {
    h = await startDiscordHarness();
    await h.grant(MEMBER.userId, "coordination");
    board = h.fake.addChannel("namur-tableau");
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Moves the clock past the pacing window, then runs the real worker over the due rows. */
  async function laterRunOutbox(): Promise<void> {
    h.app.setNow(new Date(h.app.services.clock().getTime() + PACE_MS + 1000));
    const sender = h.adapter;
    const worker = new OutboxWorker({
      store: h.app.delivery.store,
      platforms: { discord: { sender, pacer: new PacedSender(sender, { logger: silentLogger, perChannelMinTimeMs: 0, perWorkspaceMinTimeMs: 0 }), available: () => true } },
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

  const requestsTo = (method: string, path: string) => h.fake.requests.filter((r) => r.method === method && r.path === path);
  const stored = () => h.app.services.boards.get({ platform: "discord", workspaceId: h.fake.guild.id, channelId: board.id });

  async function change(text: string): Promise<void> {
    const { answer } = await h.run("idee", { texte: text, commune: "Namur" }, who);
    expect(JSON.stringify(answer)).toContain("Namur");
  }

  it("posts the pinned board, edits it in place after a change, and posts it anew once deleted", async () => {
    const { answer } = await h.run("tableau epingler", { commune: "Namur" }, who);
    expect(JSON.stringify(answer)).toContain(fr("home.pin.done", { where: "Namur" }).slice(0, 30));
    await laterRunOutbox();
    expect(board.messages).toHaveLength(1);
    const first = board.messages[0]!;
    expect(JSON.stringify(first)).toContain(fr("home.board.title", { commune: "Namur" }));
    expect((await stored())?.messageId).toBe(first.id);
    const statuses = () => requestsTo("PATCH", `/channels/${board.id}/messages/${first.id}`).map((r) => r.status);
    // Pinning is a change too: its paced refresh, after the first post, edited that post.
    const pinned = statuses().length;

    await change("Un stand au marché de Noël");
    await change("Un repair café");
    await laterRunOutbox();
    // Two changes in one window: one edit of the same message, no new post.
    expect(statuses().slice(pinned)).toEqual([200]);
    expect(board.messages.map((m) => m.id)).toEqual([first.id]);
    expect(board.messages[0]!.edited_timestamp).not.toBeNull();

    // Someone deletes the board's message: the next refresh posts it anew and remembers it.
    board.messages.splice(0, 1);
    await change("Une balade nature");
    await laterRunOutbox();
    expect(statuses().slice(pinned)).toEqual([200, 404]);
    expect(board.messages).toHaveLength(1);
    const second = board.messages[0]!;
    expect(second.id).not.toBe(first.id);
    expect((await stored())?.messageId).toBe(second.id);

    await change("Un atelier vélo");
    await laterRunOutbox();
    expect(requestsTo("PATCH", `/channels/${board.id}/messages/${second.id}`).map((r) => r.status)).toEqual([200]);
    expect(board.messages.map((m) => m.id)).toEqual([second.id]);
  });
});
