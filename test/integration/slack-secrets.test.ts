/**
 * Tokens and the signing secret never reach the logs or the users. A full session in each
 * mode runs with the service's real logger at trace level (everything Bolt, the Socket Mode
 * client and the Web API client say goes through it), including failures that log on
 * purpose; then every captured line and every message sent to Slack is searched for the
 * secrets and for anything shaped like a Slack token.
 */
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { APP_TOKEN, BOT_TOKEN, SIGNING_SECRET, TEAM_ID } from "../fakes/slack/server.js";
import { USERS, createSlackHarness, type Mode } from "../fakes/slack/harness.js";
import { postSigned, formBody } from "../fakes/slack/signing.js";
import { message } from "../../src/core/reply.js";

const SECRETS = [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET];
// The distinctive tails too, in case something logs a token cut or split.
const FRAGMENTS = ["fakebottokensecret", "fakeapptokensecret", "8f2a9c"];

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "trace", destination: stream }) };
}

describe.each<Mode>(["http", "socket"])("secrets in %s mode", (mode) => {
  it("never appear in logs or in anything sent to Slack, failures included", async () => {
    const { lines, logger } = capture();
    const h = await createSlackHarness({ mode, logger });
    try {
      await h.grant(USERS.en!, "coordination");
      const kit = await h.command("kit jeunes");
      await h.fake.response(kit.responseUrl);
      // users.info without the scope: a warning is logged.
      h.fake.api.users.set("U0NOSCOPE", { id: "U0NOSCOPE", name: "noscope" });
      h.fake.failNext("users.info", { error: "missing_scope" });
      await h.fake.response((await h.command("aide", h.fake.api.users.get("U0NOSCOPE"))).responseUrl);
      // A modal, an invalid then a valid submission.
      const before = h.fake.api.views.length;
      await h.command("kit ajouter", USERS.en);
      await h.fake.calls.next((c) => c.method === "views.open", { skip: before });
      const view = h.fake.api.views[before]!.view;
      await h.submit(view, { titre: "Kit secret", resume: "r", public: "martiens" }, USERS.en);
      await h.submit(view, { titre: "Kit secret", resume: "r", public: "jeunes" }, USERS.en);
      await h.fake.calls.next((c) => c.method === "chat.postEphemeral");
      // A crash after the ack: an error is logged.
      const original = h.app.dispatcher.handle;
      (h.app.dispatcher as { handle: unknown }).handle = async () => {
        throw new Error("boom");
      };
      await h.fake.response((await h.command("kit")).responseUrl);
      (h.app.dispatcher as { handle: unknown }).handle = original;
      // Outbound failures.
      const target = { platform: "slack" as const, workspaceId: TEAM_ID, channelId: "C0LOG" };
      h.fake.failNext("chat.postMessage", { status: 429, retryAfter: 2 });
      await h.adapter.send({ idempotencyKey: "k1", target, reply: message("fr", "x") }).catch(() => undefined);
      h.fake.failNext("chat.postMessage", { status: 500 });
      await h.adapter.send({ idempotencyKey: "k2", target, reply: message("fr", "x") }).catch(() => undefined);
      if (mode === "http") {
        // Forged and stale requests: Bolt logs why it refused them.
        const url = `http://127.0.0.1:${h.adapter.port()}/slack/events`;
        const body = formBody({ team_id: TEAM_ID, user_id: USERS.fr!.id, command: "/cdce", text: "aide", response_url: h.fake.newResponseUrl() });
        expect((await postSigned(url, body, { secret: "wrong" })).status).toBe(401);
        expect((await postSigned(url, body, { secret: SIGNING_SECRET, timestamp: Math.floor(Date.now() / 1000) - 900 })).status).toBe(401);
      } else {
        h.fake.socket.disconnect();
        await h.fake.socket.connections.atLeast(2);
        await h.fake.response((await h.command("aide")).responseUrl);
      }
    } finally {
      await h.close();
    }
    // The capture works: it saw the adapter, Bolt's own debug lines and the failures.
    const all = lines.join("\n");
    expect(all).toContain("slack adapter started");
    expect(all).toContain("users.info failed");
    expect(all).toContain("slack invocation failed after ack");
    expect(lines.some((l) => l.includes('"component":"slack.'))).toBe(true);
    if (mode === "http") expect(all).toContain("Failed to verify authenticity");
    for (const s of [...SECRETS, ...FRAGMENTS]) expect(all).not.toContain(s);
    expect(all).not.toMatch(/xox[abp]-\d|xapp-\d/);
    // Nothing sent to Slack (replies, messages, modals) carries a secret either.
    const sent = JSON.stringify([h.fake.responses.items, h.fake.calls.items.map((c) => c.args)]);
    for (const s of [...SECRETS, ...FRAGMENTS]) expect(sent).not.toContain(s);
  });
  it("never log what people wrote or their profile, at any level", async () => {
    const { lines, logger } = capture();
    const h = await createSlackHarness({ mode, logger });
    const private_ = { id: "U0PRIVATE", name: "zelie", real_name: "Zélie Profilprivé", tz: "Europe/Brussels", locale: "fr-FR", profile: { email: "zelie.profil@example.org", phone: "+32 470 12 34 56", display_name: "Zélie Profilprivé" } };
    try {
      h.fake.api.users.set(private_.id, private_);
      await h.fake.response((await h.command("kit motsecretdutexte", private_)).responseUrl);
      await h.fake.response((await h.command("idee Un jardin motsecretdelidee", private_)).responseUrl);
    } finally {
      await h.close();
    }
    const all = lines.join("\n");
    // The capture saw the traffic at trace level, with its words.
    expect(all).toContain("http request");
    expect(all).toContain("users.info");
    for (const s of ["motsecretdutexte", "motsecretdelidee", "zelie.profil@example.org", "470 12 34 56", "Profilprivé"]) expect(all, s).not.toContain(s);
  });
});
