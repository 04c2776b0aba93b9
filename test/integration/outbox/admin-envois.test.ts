/**
 * `/cdce admin envois` through the real dispatcher: coordination sees failed and pending
 * messages with retry / cancel buttons, and the buttons' commands work; others are refused.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ensureMembership, resolveActor } from "../../../src/core/identity.js";
import type { Button, IncomingCommand, Reply } from "../../../src/core/types.js";
import { createWorld, until, type World } from "./world.js";

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const COORD: IncomingCommand = { platform: "terminal", workspaceId: "local", userId: "coord", userName: "Coord" };
const VOLUNTEER: IncomingCommand = { platform: "terminal", workspaceId: "local", userId: "vol", userName: "Vol" };

async function run(world: World, who: IncomingCommand, text: string): Promise<Reply> {
  return world.app.dispatcher.handle({ ...who, text });
}

function buttons(r: Reply): Button[] {
  return r.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
}

const textOf = (r: Reply) => r.blocks.map((b) => ("text" in b ? b.text : "")).join("\n");

describe("/cdce admin envois", () => {
  it("lists failed and pending messages; retry and cancel work from the buttons", async () => {
    w = await createWorld({ fake: { limit: 5, windowMs: 100 } });
    const now = w.now();
    const actor = await resolveActor(COORD, w.app.services.repos, now);
    await ensureMembership(w.app.services.repos, actor.personId, "coordination", null, now);
    w.fake.forbidden.add("C0LOST");
    await w.queue([
      { key: "lost", channel: "C0LOST" },
      { key: "later", channel: "C0LATER", dueAt: new Date(now.getTime() + 86_400_000) },
    ]);
    await until(async () => (await w!.app.services.outbox.counts()).failed === 1, "failed row");

    const list = await run(w, COORD, "admin envois");
    const text = textOf(list);
    expect(text).toContain("1 en échec");
    expect(text).toContain("slack #C0LOST");
    expect(text).toContain("not_in_channel");
    expect(text).toContain("message later");
    const [retry, cancelLost, cancelLater] = buttons(list);
    expect(retry!.command).toMatch(/^admin envois retry:[0-9a-f-]{36}$/);
    expect(cancelLost!.command).toMatch(/^admin envois cancel:/);
    expect(cancelLater!.command).toMatch(/^admin envois cancel:/);
    expect(buttons(list).every((b) => b.command.length <= 100)).toBe(true);

    // The channel is fixed; coordination retries: it goes out at once.
    w.fake.forbidden.delete("C0LOST");
    expect(textOf(await run(w, COORD, retry!.command))).toContain("remis dans la file");
    await w.fake.waitForKeys(1, 5_000);
    expect(w.fake.deliveries[0]!.key).toBe("lost");
    // Retrying a message that is no longer failed is refused politely.
    await until(async () => (await w!.app.services.outbox.counts()).sent === 1, "sent");
    expect(textOf(await run(w, COORD, retry!.command))).toContain("ne peut plus être relancé");

    expect(textOf(await run(w, COORD, cancelLater!.command))).toContain("annulé");
    expect((await w.app.services.outbox.counts()).cancelled).toBe(1);
    expect(textOf(await run(w, COORD, "admin envois"))).toContain("Aucun message en échec ni en attente");
  });

  it("is reserved to coordination", async () => {
    w = await createWorld({ sweepMs: 0 });
    const r = await run(w, VOLUNTEER, "admin envois");
    expect(textOf(r)).toContain("réservée");
    expect(buttons(r)).toEqual([]);
    expect(textOf(await run(w, VOLUNTEER, "admin envois cancel:anything"))).toContain("réservée");
  });
});
