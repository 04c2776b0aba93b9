/**
 * The terminal as a full platform, in process: its channels and a DM inbox per local user get
 * what the bot sends on its own through the same outbox as Slack and Discord, printed as it
 * arrives under where it landed; `/cdce boite` lists it; `--once` lists what its line queued.
 * Time moves through the app's injected clock and the outbox worker is drained: no waiting.
 */
import { PassThrough } from "node:stream";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTerminalPlatform, type TerminalPlatform } from "../../src/platforms/terminal/terminal.js";
import type { TerminalArgs } from "../../src/platforms/terminal/args.js";
import { createTerminalRuntime, type TerminalRuntime } from "../../src/terminal-runtime.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/core/logger.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { codeOf } from "../helpers/events.js";

const WAIT_MS = 15_000;
let app: TestApp;
const dir = mkdtempSync(join(tmpdir(), "cdce-terminal-live-"));
const opened: Array<{ platform: TerminalPlatform; runtime?: TerminalRuntime }> = [];

beforeAll(async () => {
  app = await createTestApp({ now: new Date("2026-11-29T10:00:00Z") });
});
afterAll(async () => {
  for (const o of opened) {
    await o.runtime?.stop();
    await o.platform.stop();
  }
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Plain text of what a console showed: readline's cursor moves and line clears removed. */
// eslint-disable-next-line no-control-regex -- ANSI escape sequences are what is removed
const visible = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");

/** A terminal session on streams, with its own runtime (jobs only when asked: `runNow`). */
async function session(args: Partial<TerminalArgs>, options: { tty?: boolean } = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  let waiter: (() => void) | undefined;
  output.on("data", (d) => {
    printed += String(d);
    waiter?.();
  });
  const platform = createTerminalPlatform({
    inbound: app.inbound,
    repos: app.services.repos,
    clock: app.services.clock,
    args: { role: "coordination", user: "live", terminal: true, ...args },
    input,
    output,
    exportDir: dir,
    tty: options.tty,
    queuedBetween: (since, until, limit) => app.delivery.store.queuedBetween(since, until, limit),
  });
  await platform.start();
  const runtime = args.once === undefined ? createTerminalRuntime({ app, config: loadConfig({}), logger: silentLogger, replica: `test-${args.user}`, schedule: false }) : undefined;
  await runtime?.start(platform);
  opened.push({ platform, runtime });
  /** Waits until the output from `from` on satisfies `done`. */
  const until = (from: number, done: (s: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const s = printed.slice(from);
        if (!done(s)) return;
        clearTimeout(timer);
        waiter = undefined;
        resolve(s);
      };
      const timer = setTimeout(() => reject(new Error(`no such output within ${WAIT_MS} ms; printed: ${visible(printed.slice(from))}`)), WAIT_MS);
      waiter = check;
      check();
    });
  return {
    platform,
    runtime,
    input,
    printed: () => visible(printed),
    mark: () => printed.length,
    until,
    /** Types a line and Enter; resolves with what was printed up to the next prompt. */
    async type(line: string): Promise<string> {
      const from = printed.length;
      input.write(`${line}\n`);
      return visible(await until(from, (s) => /\n> $/.test(s)));
    },
  };
}

describe("the terminal as a full platform", { timeout: 120_000 }, () => {
  let code = "";

  it("a webinar planned by coordination is announced in #réseau, printed under its header", async () => {
    const t = await session({ user: "coord-live" });
    await t.until(0, (s) => s.endsWith("> "));
    const planned = await t.type('/cdce webinaire planifier titre:"Achats publics durables" theme:gouvernance debut:"15/12/2026 14h"');
    expect(planned).toContain("et annoncé dans les canaux du réseau");
    code = codeOf(planned);
    await t.runtime!.drain();
    const out = t.printed();
    const at = out.indexOf("» #réseau");
    expect(at).toBeGreaterThan(out.indexOf("Achats publics durables"));
    expect(out.slice(at).split("\n").slice(1, 6).join("\n")).toContain("Achats publics durables");
    // The outbox recorded it as posted on the terminal: nothing left waiting for it.
    const rows = await app.delivery.store.queuedBetween(new Date(0), new Date("9999-12-31T00:00:00Z"), 100);
    expect(rows.filter((r) => r.target.platform === "terminal" && r.target.channelId === "réseau").map((r) => r.state)).toEqual(["sent"]);
  });

  it("a registration's reminder lands in the person's DM when its time comes, and only then", async () => {
    const t = await session({ user: "marie", role: "benevole", commune: "Namur" });
    await t.until(0, (s) => s.endsWith("> "));
    expect(await t.type(`/cdce webinaire rejoindre ${code}`)).toMatch(/inscrit|inscription/i);
    await t.runtime!.drain();
    expect(t.printed()).not.toContain("Rappel : « Achats publics durables »");
    // Seven days before, at 09:00 in Brussels: the first reminder is due.
    app.setNow(new Date("2026-12-08T08:01:00Z"));
    await t.runtime!.drain();
    const out = t.printed();
    const at = out.indexOf("» DM");
    expect(at).toBeGreaterThan(-1);
    expect(out.slice(at)).toContain("Rappel : « Achats publics durables » commence bientôt");
    // Once only, even if the outbox is swept again.
    await t.runtime!.drain();
    expect(t.printed().split("Rappel : « Achats publics durables »").length - 1).toBe(1);
  });

  it("boite lists what arrived: all, one channel, the DM; an unknown channel is named", async () => {
    const t = await session({ user: "marie", role: "benevole", commune: "Namur" });
    await t.until(0, (s) => s.endsWith("> "));
    const all = await t.type("/cdce boite");
    expect(all).toContain("Arrivé dans le terminal : tous les canaux et vos messages directs");
    expect(all.indexOf("#réseau")).toBeGreaterThan(-1);
    // Newest last: the reminder came after the announcement.
    expect(all.indexOf("DM Rappel")).toBeGreaterThan(all.indexOf("#réseau"));
    const network = await t.type("/cdce boite reseau");
    expect(network).toContain("Achats publics durables");
    expect(network).not.toContain("Rappel");
    expect(await t.type("/cdce inbox dm")).toContain("Rappel : « Achats publics durables »");
    expect(await t.type("/cdce boite namur")).toContain("Rien n’est encore arrivé ici");
    expect(await t.type("/cdce boite atlantide")).toContain("Le terminal n’a pas de canal « atlantide »");
    // Another local user's direct messages are theirs.
    const other = await session({ user: "paul", role: "benevole", commune: "Namur" });
    await other.until(0, (s) => s.endsWith("> "));
    expect(await other.type("/cdce boite dm")).toContain("Rien n’est encore arrivé ici");
  });

  it("what arrives while a line is half typed is printed above it; the line stays and runs whole", async () => {
    const t = await session({ user: "typist" }, { tty: true });
    await t.until(0, (s) => visible(s).endsWith("> "));
    let from = t.mark();
    t.input.write("/cdce kit jeu");
    await t.until(from, (s) => visible(s).includes("kit jeu"));
    from = t.mark();
    await t.platform.send({ idempotencyKey: "live:half-typed", target: { platform: "terminal", workspaceId: "local", channelId: "coordination" }, reply: { locale: "fr", visibility: "channel", blocks: [{ type: "section", text: "Alerte : un CoPil est à relancer" }], text: "Alerte : un CoPil est à relancer" } });
    const redrawn = visible(await t.until(from, (s) => visible(s).includes("Alerte") && visible(s).endsWith("> /cdce kit jeu")));
    expect(redrawn).toContain("» #coordination\nAlerte : un CoPil est à relancer");
    from = t.mark();
    t.input.write("nes\r");
    expect(visible(await t.until(from, (s) => /kits? trouvés?/.test(visible(s))))).toMatch(/== \d+ kits? trouvés? \(page 1\/\d+\) ==/);
  });

  it("--once: the reply, then what the line queued and where", async () => {
    const t = await session({ user: "coord-once", once: '/cdce webinaire planifier titre:"Commande publique" theme:gouvernance debut:"20/12/2026 10h"' });
    await t.platform.ended;
    const out = t.printed();
    const reply = out.indexOf("Commande publique");
    const queued = out.indexOf("Mis en file par cette commande");
    expect(reply).toBeGreaterThan(-1);
    expect(queued).toBeGreaterThan(reply);
    expect(out.slice(queued)).toMatch(/» #réseau · maintenant — .*Commande publique/);
    // Listed, not posted: a --once run sends nothing itself.
    expect(out).not.toMatch(/^» #réseau$/m);
    const joined = await session({ user: "marie-once", role: "benevole", commune: "Namur", once: `/cdce webinaire rejoindre ${code}` });
    await joined.platform.ended;
    expect(joined.printed()).toMatch(/» DM · le \d\d\/\d\d\/\d{4}.* — Rappel : « Achats publics durables »/);
  });

  it("--once lists only its own line's rows, not those another process stamped later (a demo clock moved there)", async () => {
    // Queued "in two days" by another process whose demo clock had moved on.
    const now = app.services.clock();
    const later = new Date(now.getTime() + 2 * 86_400_000);
    app.setNow(later);
    await app.services.notifier.enqueue({ key: "live:from-the-future", to: { kind: "channel", channel: { platform: "terminal", workspaceId: "local", channelId: "coordination" } }, dueAt: later, render: (locale) => ({ locale, visibility: "channel", blocks: [{ type: "section", text: "Venue d’un autre terminal" }], text: "Venue d’un autre terminal" }) });
    app.setNow(now);
    const t = await session({ user: "once-alone", once: "/cdce aide" });
    await t.platform.ended;
    expect(t.printed()).not.toContain("Venue d’un autre terminal");
  });
});
