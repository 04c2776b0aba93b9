/**
 * `kit ajouter` through a Slack modal, in HTTP and Socket Mode: the command's trigger_id
 * opens the form (views.open), an invalid submission keeps the modal open with
 * `response_action: "errors"` under the right field in the user's language, a valid one
 * closes it and the result reaches the user (ephemeral in the channel, or a DM).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/catalogue.js";
import { slugify } from "../../src/core/slug.js";
import { AUDIENCES } from "../../src/core/ports.js";
import { toMrkdwn } from "../../src/platforms/slack/mrkdwn.js";
import { CHANNEL, USERS, createSlackHarness, textOf, type Mode, type SlackHarness } from "../fakes/slack/harness.js";

const de = translator("de");

describe.each<Mode>(["http", "socket"])("Slack modals in %s mode", (mode) => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await createSlackHarness({ mode });
    await h.grant(USERS.de!, "coordination");
    await h.grant(USERS.nl!, "benevole");
  });
  afterAll(async () => {
    await h?.close();
  });

  /** `/cdce kit ajouter` by the German coordinator; returns the view Slack opened. */
  async function openForm(channel = CHANNEL) {
    const before = h.fake.api.views.length;
    const { ack } = await h.command("kit ajouter", USERS.de, channel);
    expect(ack.status).toBe(200);
    const call = await h.fake.calls.next((c) => c.method === "views.open", { skip: before });
    expect(call.ok).toBe(true);
    return h.fake.api.views[before]!.view;
  }

  it("opens the form as a modal with the command's trigger_id, in the user's language", async () => {
    const view = await openForm();
    expect(view.title.text).toBe(de("kit.add.formTitle"));
    expect(view.submit.text).toBe(de("form.submit"));
    expect(view.blocks.map((b: any) => b.block_id)).toEqual(["titre", "resume", "public", "theme", "format"]);
    expect(view.blocks[0].label.text).toBe(de("kit.add.field.title"));
    expect(JSON.parse(view.private_metadata)).toMatchObject({ c: "kit ajouter", ch: CHANNEL });
  });

  it("refuses the form to a benevole (no modal, a message)", async () => {
    const views = h.fake.api.views.length;
    const { responseUrl } = await h.command("kit ajouter", USERS.nl);
    const post = await h.fake.response(responseUrl);
    expect(textOf(post.body)).toContain(toMrkdwn(translator("nl")("error.forbidden", { command: "kit ajouter" })));
    expect(h.fake.api.views.length).toBe(views);
  });

  it("keeps the modal open with the error under the field, in German", async () => {
    const view = await openForm();
    const title = `Kit ungültig ${mode}`;
    const ack = await h.submit(view, { titre: title, resume: "Zwei Sätze.", public: "martiens" }, USERS.de);
    expect(ack.status).toBe(200);
    expect(ack.body).toEqual({
      response_action: "errors",
      errors: { public: de("error.option.choice", { option: "zielgruppe", value: "martiens", values: AUDIENCES.join(", ") }) },
    });
    expect(await h.app.services.kits.get(slugify(title))).toBeFalsy();
  });

  it("closes the modal on a valid submission, saves the kit and tells the user in the channel", async () => {
    const view = await openForm();
    const title = `Kit Slack ${mode}`;
    const before = h.fake.calls.filter((c) => c.method === "chat.postEphemeral").length;
    const ack = await h.submit(view, { titre: title, resume: "Ein Kit für die Jugend.", public: "jeunes, ecoles", format: "affiche" }, USERS.de);
    expect(ack).toEqual({ status: 200, body: undefined });
    const call = await h.fake.calls.next((c) => c.method === "chat.postEphemeral", { skip: before });
    expect(call.ok).toBe(true);
    expect(call.args).toMatchObject({ channel: CHANNEL, user: USERS.de!.id });
    expect(textOf(call.args)).toContain(toMrkdwn(de("kit.add.created", { title, id: slugify(title) })));
    const kit = await h.app.services.kits.get(slugify(title));
    expect(kit).toMatchObject({ audiences: ["jeunes", "ecoles"], format: "affiche" });
  });

  it("answers by DM when the bot may not post in the form's channel", async () => {
    const channel = `C0PRIVATE${mode.toUpperCase()}`;
    h.fake.api.notInChannel.add(channel);
    const view = await openForm(channel);
    const title = `Kit DM ${mode}`;
    const ack = await h.submit(view, { titre: title, resume: "Résumé.", public: "elus" }, USERS.de);
    expect(ack.body).toBeUndefined();
    const dm = await h.fake.calls.next((c) => c.method === "chat.postMessage" && c.args.channel === USERS.de!.id);
    expect(dm.ok).toBe(true);
    expect(textOf(dm.args)).toContain(toMrkdwn(de("kit.add.created", { title, id: slugify(title) })));
  });

  it("closes a slow submission in time, then answers by message", async () => {
    const slow = await createSlackHarness({ mode, submitDeadlineMs: 200 });
    try {
      await slow.grant(USERS.de!, "coordination");
      await slow.command("kit ajouter", USERS.de);
      await slow.fake.call("views.open");
      const view = slow.fake.api.views[0]!.view;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const original = slow.app.dispatcher.handle;
      (slow.app.dispatcher as { handle: unknown }).handle = async (incoming: Parameters<typeof original>[0]) => {
        await gate;
        return original.call(slow.app.dispatcher, incoming);
      };
      // The core is held: the ack must come anyway (past the deadline), closing the modal.
      const ack = await slow.submit(view, { titre: "Kit lent", resume: "Lent.", public: "jeunes" }, USERS.de);
      expect(ack).toEqual({ status: 200, body: undefined });
      expect(slow.fake.calls.filter((c) => c.method === "chat.postEphemeral")).toEqual([]);
      release();
      const call = await slow.fake.call("chat.postEphemeral");
      expect(textOf(call.args)).toContain(toMrkdwn(de("kit.add.created", { title: "Kit lent", id: slugify("Kit lent") })));
    } finally {
      await slow.close();
    }
  });

  it("falls back to the typed form when Slack refuses to open the modal", async () => {
    h.fake.failNext("views.open", { error: "expired_trigger_id" });
    const { responseUrl } = await h.command("kit ajouter", USERS.de);
    const post = await h.fake.response(responseUrl);
    const text = textOf(post.body);
    expect(text).toContain(de("kit.add.formTitle"));
    expect(text).toContain("/cdce kit ajouter titre:");
  });
});
