/**
 * The terminal as a `ChatPlatform`, in process: its input and output are streams, its life
 * is start → lines → ended, and what the outbox would send it is printed.
 */
import { PassThrough } from "node:stream";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTerminalPlatform } from "../../src/platforms/terminal/terminal.js";
import type { TerminalArgs } from "../../src/platforms/terminal/args.js";
import { message } from "../../src/core/reply.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

let app: TestApp;
const dir = mkdtempSync(join(tmpdir(), "cdce-terminal-"));
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

function terminal(args: Partial<TerminalArgs>) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (d) => (printed += String(d)));
  const platform = createTerminalPlatform({
    inbound: app.inbound,
    repos: app.services.repos,
    clock: app.services.clock,
    args: { role: "coordination", user: "port", terminal: true, ...args },
    input,
    output,
    exportDir: dir,
  });
  return { platform, input, printed: () => printed };
}

describe("the terminal platform", { timeout: 60_000 }, () => {
  it("--once: prints one reply, then has ended", async () => {
    const t = terminal({ once: "/cdce kit jeunes", user: "once" });
    await t.platform.start();
    await t.platform.ended;
    expect(t.printed()).toMatch(/== \d+ kits? trouvés? \(page 1\/\d+\) ==/);
    expect(t.platform.isConnected()).toBe(false);
  });

  it("a session: welcome, a command, a button by its number, a form asked field by field, then quit", async () => {
    const t = terminal({ user: "session" });
    await t.platform.start();
    expect(t.platform.isConnected()).toBe(true);
    t.input.write("/cdce kit communication\n1\n/cdce kit ajouter\nAffiches\n/cdce aide\nquit\n");
    await t.platform.ended;
    const out = t.printed();
    expect(out).toContain("Bot CDCE, mode terminal");
    expect(out).toContain("(page 2/");
    expect(out).toContain("Une ligne qui commence par /cdce quitte le formulaire");
    expect(out).toContain("Formulaire abandonné");
    expect(t.platform.isConnected()).toBe(false);
  });

  it("stop() ends a session waiting for input", async () => {
    const t = terminal({ user: "stopped" });
    await t.platform.start();
    await t.platform.stop();
    await t.platform.ended;
    expect(t.platform.isConnected()).toBe(false);
  });

  it("prints what it is sent, once per idempotency key, and finds it again", async () => {
    const t = terminal({ user: "notified" });
    await t.platform.start();
    const target = await t.platform.openDirect("local", "notified");
    const since = new Date(0);
    expect(await t.platform.findSent(target, "k1", since)).toBeNull();
    const sent = await t.platform.send({ idempotencyKey: "k1", target, reply: message("fr", "Rappel : webinaire demain") });
    expect(await t.platform.send({ idempotencyKey: "k1", target, reply: message("fr", "Rappel : webinaire demain") })).toEqual(sent);
    expect(await t.platform.findSent(target, "k1", since)).toEqual(sent);
    expect(t.printed().split("Rappel : webinaire demain").length - 1).toBe(1);
    await t.platform.stop();
  });
});
