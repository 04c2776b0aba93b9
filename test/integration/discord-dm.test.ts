/** Direct messages on Discord: the sender opens the DM channel, then posts there like anywhere. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { message } from "../../src/core/reply.js";
import { DeliveryError } from "../../src/core/outbound.js";
import { startDiscordHarness, type DiscordHarness } from "../fakes/discord/harness.js";

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness();
}, 30_000);
afterAll(async () => {
  await h?.close();
});

describe("Discord direct messages", () => {
  it("opens the same DM channel for a user each time and delivers into it", async () => {
    const sender = h.adapter;
    const guild = h.fake.guild.id;
    const a = await sender.openDirect!(guild, "812345678901234567");
    const b = await sender.openDirect!(guild, "812345678901234567");
    expect(a).toEqual(b);
    expect(a).toMatchObject({ platform: "discord", workspaceId: guild });
    await sender.send({ idempotencyKey: "dm:1", target: a, reply: message("fr", "Rappel : webinaire demain", "channel") });
    expect(h.fake.dms.get("812345678901234567")!.messages.map((m) => m.content)).toEqual(["Rappel : webinaire demain"]);
  });

  it("classifies a refused DM as permanent (no retry loop)", async () => {
    await expect(h.adapter.openDirect!(h.fake.guild.id, "not-a-user")).rejects.toSatisfy((e) => e instanceof DeliveryError && e.kind === "permanent");
  });
});
