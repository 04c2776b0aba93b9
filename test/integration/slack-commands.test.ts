/**
 * Every sub-command end to end through the real Bolt app against the fake Slack, in HTTP
 * mode (signed requests) and in Socket Mode (envelopes over the WebSocket): ack first,
 * then the answer on the response_url, in the user's language, within Slack's limits
 * (the fake refuses anything Slack would refuse, and `response()` waits for accepted posts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/catalogue.js";
import { toMrkdwn } from "../../src/platforms/slack/mrkdwn.js";
import { TEAM_ID } from "../fakes/slack/server.js";
import { CHANNEL, USERS, buttonsOf, createSlackHarness, textOf, type Mode, type SlackHarness } from "../fakes/slack/harness.js";

const fr = translator("fr");
const de = translator("de");

describe.each<Mode>(["http", "socket"])("Slack /cdce in %s mode", (mode) => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await createSlackHarness({ mode });
    await h.grant(USERS.en!, "coordination");
    await h.grant(USERS.nl!, "benevole");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("acks at once with an empty body, then answers kit on the response_url, ephemeral", async () => {
    const { ack, responseUrl } = await h.command("kit jeunes");
    expect(ack).toEqual({ status: 200, body: undefined });
    const post = await h.fake.response(responseUrl);
    expect(post.body.response_type).toBe("ephemeral");
    expect(post.body.replace_original).toBe(false);
    expect(post.body.blocks[0].type).toBe("header");
    expect(post.body.blocks[0].text.text).toMatch(/kits? trouvés? \(page 1\//);
    expect(buttonsOf(post.body).map((b) => b.label)).toEqual([fr("kit.more")]);
  });

  it("acks before the core has answered (the 3-second rule), then answers", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const original = h.app.dispatcher.handle;
    (h.app.dispatcher as { handle: unknown }).handle = async (incoming: Parameters<typeof original>[0]) => {
      await gate;
      return original.call(h.app.dispatcher, incoming);
    };
    try {
      const { ack, responseUrl } = await h.command("kit jeunes");
      expect(ack.status).toBe(200);
      expect(h.fake.responsesTo(responseUrl)).toEqual([]);
      release();
      expect((await h.fake.response(responseUrl)).body.blocks[0].type).toBe("header");
    } finally {
      (h.app.dispatcher as { handle: unknown }).handle = original;
    }
  });

  it("runs the 'more kits' button through the dispatcher and posts the next page", async () => {
    const { responseUrl } = await h.command("kit jeunes");
    const first = await h.fake.response(responseUrl);
    const [more] = buttonsOf(first.body);
    expect(more!.value).toBe("kit jeunes page:2");
    const click = await h.click(more!);
    expect(click.ack.status).toBe(200);
    const next = await h.fake.response(click.responseUrl);
    expect(next.body.replace_original).toBe(false);
    expect(next.body.blocks[0].text.text).toMatch(/\(page 2\//);
  });

  it("answers aide with the commands this user may use", async () => {
    const { responseUrl } = await h.command("aide");
    const post = await h.fake.response(responseUrl);
    const text = textOf(post.body);
    expect(text).toContain(fr("help.title"));
    expect(text).toContain("/cdce kit");
    // A benevole's help lists fewer commands (fewer pages) than coordination's, in their language.
    const pages = (text: string) => Number(/\((?:Page|Pagina|Seite) \d+\/(\d+)\)/.exec(text)?.[1] ?? 1);
    const asBenevole = textOf((await h.fake.response((await h.command("aide", USERS.nl)).responseUrl)).body);
    const asCoordination = textOf((await h.fake.response((await h.command("aide", USERS.en)).responseUrl)).body);
    expect(asBenevole).toContain(translator("nl")("help.group.find"));
    expect(pages(asBenevole)).toBeLessThan(pages(asCoordination));
  });

  it("applies the locale users.info reports: a de-DE user gets German", async () => {
    const post = await h.fake.response((await h.command("aide", USERS.de)).responseUrl);
    expect(textOf(post.body)).toContain(de("help.title"));
    const info = h.fake.calls.filter((c) => c.method === "users.info" && c.args.user === USERS.de!.id);
    expect(info[0]!.args.include_locale).toBe("true");
    const person = await h.app.services.repos.identity.findByAccount("slack", TEAM_ID, USERS.de!.id);
    expect(person).toMatchObject({ locale: "de", timeZone: "Europe/Berlin", name: "Dieter Schmitz" });
    // Cached: the next command of the same user costs no second users.info call.
    await h.fake.response((await h.command("kit", USERS.de)).responseUrl);
    expect(h.fake.calls.filter((c) => c.method === "users.info" && c.args.user === USERS.de!.id)).toHaveLength(1);
  });

  it("falls back to the defaults when users.info is refused (missing scope)", async () => {
    const user = { id: `U0NOSCOPE${mode.toUpperCase()}`, name: "kurt", locale: "de-DE", tz: "Europe/Berlin" };
    h.fake.api.users.set(user.id, user);
    h.fake.failNext("users.info", { error: "missing_scope" });
    const post = await h.fake.response((await h.command("aide", user)).responseUrl);
    expect(textOf(post.body)).toContain(fr("help.title"));
    const person = await h.app.services.repos.identity.findByAccount("slack", TEAM_ID, user.id);
    expect(person).toMatchObject({ locale: "fr", timeZone: "Europe/Brussels" });
  });

  it("changes the language with langue, and keeps it", async () => {
    const user = { ...USERS.fr!, id: `U0LANG${mode.toUpperCase()}` };
    h.fake.api.users.set(user.id, user);
    const changed = await h.fake.response((await h.command("langue de", user)).responseUrl);
    expect(textOf(changed.body)).toContain(toMrkdwn(de("lang.changed", { language: de("language.de") })));
    const after = await h.fake.response((await h.command("aide", user)).responseUrl);
    expect(textOf(after.body)).toContain(de("help.title"));
  });

  it("links a channel with config canal (coordination), and refuses a benevole", async () => {
    const refused = await h.fake.response((await h.command("config canal commune Namur", USERS.nl)).responseUrl);
    expect(textOf(refused.body)).toContain(toMrkdwn(translator("nl")("error.forbidden", { command: "config canal" })));
    const channel = `C0${mode.toUpperCase()}`;
    const linked = await h.fake.response((await h.command("config canal commune Namur", USERS.en, channel)).responseUrl);
    expect(textOf(linked.body)).toContain(toMrkdwn(translator("en")("channel.linked.commune", { commune: "Namur" })));
    const link = await h.app.services.repos.channels.find("slack", TEAM_ID, channel);
    expect(link).toMatchObject({ purpose: "commune", channelId: channel });
    const shown = await h.fake.response((await h.command("config canal voir", USERS.en, channel)).responseUrl);
    expect(textOf(shown.body)).toContain(toMrkdwn(translator("en")("channel.is.commune", { commune: "Namur" })));
    // The network's shared channel, with the option named explicitly this time.
    const network = `C0NET${mode.toUpperCase()}`;
    await h.fake.response((await h.command("config canal usage:reseau", USERS.en, network)).responseUrl);
    expect(await h.app.services.repos.channels.find("slack", TEAM_ID, network)).toMatchObject({ purpose: "network", communeId: null });
  });

  it("answers an unknown word with suggestions, never silence", async () => {
    const post = await h.fake.response((await h.command("kti jeunes")).responseUrl);
    expect(textOf(post.body)).toContain(toMrkdwn(fr("error.unknownCommand", { word: "kti" })));
  });

  it("tells the user in their language when something fails after the ack, without internals", async () => {
    const original = h.app.dispatcher.handle;
    (h.app.dispatcher as { handle: unknown }).handle = async () => {
      throw new Error("database exploded at /secret/path.ts:12");
    };
    try {
      const post = await h.fake.response((await h.command("kit", USERS.de)).responseUrl);
      const text = textOf(post.body);
      expect(text).toContain(de("error.internal"));
      expect(text).not.toMatch(/exploded|secret|\.ts:|at /);
    } finally {
      (h.app.dispatcher as { handle: unknown }).handle = original;
    }
  });

  it("posts nothing but the answer: no Web API message calls for plain commands", async () => {
    const before = h.fake.calls.filter((c) => c.method.startsWith("chat.")).length;
    await h.fake.response((await h.command("kit affiche")).responseUrl);
    expect(h.fake.calls.filter((c) => c.method.startsWith("chat.")).length).toBe(before);
    expect(h.fake.api.history.get(CHANNEL)).toBeUndefined();
  });
});
