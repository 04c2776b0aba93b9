/**
 * The Discord adapter when things are slow or go wrong: deferred replies edited through
 * `@original`, public replies after an ephemeral deferral, long replies split into
 * follow-ups, failures answered with `error.internal`, gateway close 4000 -> RESUME,
 * invalid session -> IDENTIFY again, heartbeats, and a clean stop that finishes in-flight
 * answers before closing the gateway.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dispatcher } from "../../src/core/dispatcher.js";
import type { Logger } from "../../src/core/logger.js";
import { message, reply } from "../../src/core/reply.js";
import type { Block, IncomingCommand, Reply } from "../../src/core/types.js";
import { translator } from "../../src/core/i18n/catalogue.js";
import { startDiscordHarness, MEMBER, type DiscordHarness } from "../fakes/discord/harness.js";
import { textOf } from "../fakes/discord/interactions.js";
import { CustomIdStore } from "../../src/platforms/discord/custom-ids.js";
import { renderReply } from "../../src/platforms/discord/render.js";

const fr = translator("fr");

/** A logger that keeps error entries, to check that failures are logged. */
function recordingLogger(errors: object[]): Logger {
  const logger: Logger = { debug() {}, info() {}, warn() {}, error: (obj) => void errors.push(obj), child: () => logger };
  return logger;
}

/** One-shot override of the next dispatch: slow, failing or odd replies on demand. */
type Override = (incoming: IncomingCommand, inner: Dispatcher) => Promise<Reply>;
function controllable() {
  let next: Override | undefined;
  return {
    set(o: Override) {
      next = o;
    },
    wrap: (inner: Dispatcher): Dispatcher => ({
      registry: inner.registry,
      users: inner.users,
      handle(incoming) {
        const o = next;
        next = undefined;
        return o ? o(incoming, inner) : inner.handle(incoming);
      },
    }),
  };
}

/** A promise released by the test: stands for slow work (a slow search, a slow database). */
function gate() {
  let open!: () => void;
  const closed = new Promise<void>((resolve) => (open = resolve));
  return { closed, open };
}

const errors: object[] = [];
const control = controllable();
let h: DiscordHarness;

beforeAll(async () => {
  h = await startDiscordHarness({ dispatcher: control.wrap, logger: recordingLogger(errors), adapter: { deferAfterMs: 300 } });
}, 30_000);

afterAll(async () => {
  await h?.close();
});

describe("slow replies", () => {
  it("defers (type 5, ephemeral) and edits @original when the reply comes late", async () => {
    const slow = gate();
    control.set(async (i, inner) => {
      await slow.closed;
      return inner.handle(i);
    });
    const record = h.send("kit", { public: "jeunes" }, MEMBER);
    const deferred = await h.fake.waitUntil(() => record.callback, "the deferral");
    expect(deferred.type).toBe(5);
    expect(deferred.data).toEqual({ flags: 64 });
    expect(h.fake.answerOf(record)).toBeUndefined();
    slow.open();
    const answer = await h.fake.waitForAnswer(record);
    expect(answer.ephemeral).toBe(true);
    expect(textOf(answer.message)).toMatch(/kits trouvés/);
    const edit = h.fake.requests.find((r) => r.method === "PATCH" && r.rawPath.includes(record.token));
    expect(edit?.rawPath).toBe(`/webhooks/${h.fake.applicationId}/${record.token}/messages/%40original`);
    expect(record.errors).toEqual([]);
  });

  it("a public reply after an ephemeral deferral is posted as a public follow-up", async () => {
    const slow = gate();
    control.set(async (i) => {
      await slow.closed;
      return message(i.platformLocale === "de" ? "de" : "fr", "Annonce pour tout le canal", "channel");
    });
    const record = h.send("aide", {}, MEMBER);
    await h.fake.waitUntil(() => record.callback, "the deferral");
    slow.open();
    const followUp = await h.fake.waitUntil(() => record.followups[0], "the public follow-up");
    expect(followUp.flags & 64).toBe(0);
    expect(followUp.content).toBe("Annonce pour tout le canal");
    expect(record.original?.content).toBe("Réponse publiée dans le canal.");
  });

  it("splits a reply longer than one message into follow-ups, each within limits", async () => {
    const blocks: Block[] = [{ type: "header", text: "Très long" }];
    for (let i = 0; i < 25; i++) blocks.push({ type: "section", text: `**Partie ${i}**\n${"texte ".repeat(160)}` }, { type: "divider" });
    control.set(async () => reply("fr", blocks));
    const expected = renderReply(reply("fr", blocks), new CustomIdStore()).length;
    expect(expected).toBeGreaterThan(3);
    const record = h.send("aide", {}, MEMBER);
    await h.fake.waitUntil(() => record.followups.length === expected - 1 && record.followups, "the follow-ups");
    expect(record.callback?.type).toBe(4);
    expect(record.errors).toEqual([]);
    const all = [record.original!, ...record.followups];
    for (const m of all) expect(m.flags & 64).toBe(64);
    const text = all.map(textOf).join("\n");
    for (let i = 0; i < 25; i++) expect(text).toContain(`Partie ${i}`);
  });
});

describe("failures", () => {
  it("an error inside the handler is logged and answered, and the next command works", async () => {
    const before = errors.length;
    control.set(async () => {
      throw new Error("boom in a handler");
    });
    const answer = await h.fake.waitForAnswer(h.send("aide", {}, MEMBER));
    expect(answer.ephemeral).toBe(true);
    expect(textOf(answer.message)).toBe(fr("error.internal"));
    expect(errors.length).toBe(before + 1);
    const next = await h.run("aide");
    expect(textOf(next.answer.message)).toContain(fr("help.title"));
  });

  it("an error after the deferral edits the 'thinking' message with the apology", async () => {
    const slow = gate();
    control.set(async () => {
      await slow.closed;
      throw new Error("late boom");
    });
    const record = h.send("aide", {}, { ...MEMBER, locale: "de" });
    await h.fake.waitUntil(() => record.callback, "the deferral");
    slow.open();
    const answer = await h.fake.waitForAnswer(record);
    expect(textOf(answer.message)).toBe(translator("de")("error.internal"));
  });
});

describe("gateway", () => {
  it("answers the server's heartbeat request", async () => {
    const beat = h.fake.nextGatewayEvent("heartbeat");
    h.fake.gateway.requestHeartbeat();
    await beat;
    expect(h.fake.gateway.stats.heartbeats).toBeGreaterThan(0);
  });

  it("resumes after close 4000, replays what it missed, and answers the next interaction", async () => {
    const identifies = h.fake.gateway.stats.identifies;
    const resumed = h.fake.nextGatewayEvent("resume", 10_000);
    h.fake.gateway.close(4000);
    // Sent while the bot is away: kept in the session and replayed on RESUME.
    const missed = h.send("aide", {}, MEMBER);
    const resume = (await resumed) as { session_id: string; seq: number };
    expect(resume.session_id).toBeTruthy();
    expect(h.fake.gateway.stats.identifies).toBe(identifies);
    expect(textOf((await h.fake.waitForAnswer(missed)).message)).toContain(fr("help.title"));
    const next = await h.run("aide");
    expect(textOf(next.answer.message)).toContain(fr("help.title"));
  }, 15_000);

  it("identifies again after an invalid session, then answers", async () => {
    const identifies = h.fake.gateway.stats.identifies;
    const identified = h.fake.nextGatewayEvent("identify", 15_000);
    h.fake.gateway.invalidateSession();
    await identified;
    expect(h.fake.gateway.stats.identifies).toBe(identifies + 1);
    await h.fake.waitUntil(() => h.adapter.isConnected(), "the client to be ready again", 5000);
    const next = await h.run("aide");
    expect(textOf(next.answer.message)).toContain(fr("help.title"));
  }, 25_000);
});

describe("stop", () => {
  it("finishes the answers in flight, then closes the gateway", async () => {
    const slow = gate();
    control.set(async (i, inner) => {
      await slow.closed;
      return inner.handle(i);
    });
    const record = h.send("aide", {}, MEMBER);
    await h.fake.waitUntil(() => record.callback, "the deferral");
    let stopped = false;
    const stopping = h.adapter.stop().then(() => (stopped = true));
    expect(h.adapter.pendingCount()).toBe(1);
    expect(stopped).toBe(false);
    slow.open();
    await stopping;
    expect(h.fake.answerOf(record)?.message).toBeDefined();
    expect(textOf(h.fake.answerOf(record)!.message)).toContain(fr("help.title"));
    await h.fake.waitUntil(() => !h.fake.gateway.connected, "the gateway to close");
    expect(h.adapter.isConnected()).toBe(false);
  });
});
