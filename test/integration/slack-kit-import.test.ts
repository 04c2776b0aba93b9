/**
 * `/cdce kit importer` on Slack, through Bolt against the fake Slack, in HTTP and Socket
 * Mode: the command opens a modal with a file input; its submission carries the file's id;
 * the bot reads files.info (scope files:read), downloads the private url with its token, and
 * the report comes back ephemerally with the "Appliquer" button, whose click writes the kit.
 * A file over the cap, or a missing scope, is told in the user's language; nothing runs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/catalogue.js";
import { exportTable, KIT_COLUMNS } from "../../src/features/imports/index.js";
import { sheetCodec } from "../../src/data/spreadsheet/index.js";
import { toMrkdwn } from "../../src/platforms/slack/mrkdwn.js";
import { MAX_SLACK_FILE_BYTES } from "../../src/platforms/slack/downloads.js";
import { CHANNEL, USERS, buttonsOf, createSlackHarness, textOf, type Mode, type SlackHarness } from "../fakes/slack/harness.js";

describe.each<Mode>(["http", "socket"])("Slack kit importer in %s mode", (mode) => {
  let h: SlackHarness;
  let csv: string;
  beforeAll(async () => {
    h = await createSlackHarness({ mode });
    await h.grant(USERS.fr!, "coordination");
    await h.grant(USERS.de!, "coordination");
    const { data } = await exportTable(sheetCodec, "kits", "csv", h.app.services.repos);
    csv = new TextDecoder().decode(data);
  });
  afterAll(async () => {
    await h?.close();
  });

  const withNewKit = (id: string) => {
    const row = new Map<string, string>([["id", id], ["title_fr", `Affiche ${id}`], ["summary_fr", "Une affiche de plus"], ["audiences", "citoyens"], ["themes", "communication"], ["format", "affiche"], ["languages", "fr"]]);
    return `${csv.trimEnd()}\r\n${KIT_COLUMNS.map((c) => row.get(c) ?? "").join(",")}\r\n`;
  };

  /** `/cdce kit importer` by `user`; returns the view Slack opened. */
  async function openDialog(user = USERS.fr!) {
    const before = h.fake.api.views.length;
    const { ack } = await h.command("kit importer", user);
    expect(ack.status).toBe(200);
    const call = await h.fake.calls.next((c) => c.method === "views.open", { skip: before });
    expect(call.ok).toBe(true);
    return h.fake.api.views[before]!.view;
  }

  const ephemeralAfter = (before: number) => h.fake.calls.next((c) => c.method === "chat.postEphemeral", { skip: before });
  const ephemerals = () => h.fake.calls.filter((c) => c.method === "chat.postEphemeral").length;

  it("opens a dialog with one file input (csv, xlsx, json), in the user's language", async () => {
    const view = await openDialog(USERS.de);
    const de = translator("de");
    expect(view.title.text).toBe(de("imports.chat.askTitle"));
    expect(view.blocks).toHaveLength(1);
    expect(view.blocks[0].label.text).toBe(de("imports.chat.askLabel"));
    expect(view.blocks[0].element).toMatchObject({ type: "file_input", filetypes: ["csv", "xlsx", "json"], max_files: 1 });
    expect(JSON.parse(view.private_metadata)).toMatchObject({ c: "kit importer", ch: CHANNEL });
  });

  it("the file's report arrives ephemerally, then Appliquer writes the kit", async () => {
    const id = `kit-slack-import-${mode}`;
    const view = await openDialog();
    const before = ephemerals();
    const ack = await h.submitFiles(view, { [view.blocks[0].block_id]: [{ name: "kits.csv", data: Buffer.from(withNewKit(id)), mimetype: "text/csv" }] });
    expect(ack).toEqual({ status: 200, body: undefined });
    const post = await ephemeralAfter(before);
    expect(post.ok).toBe(true);
    expect(post.args).toMatchObject({ channel: CHANNEL, user: USERS.fr!.id });
    const info = h.fake.calls.filter((c) => c.method === "files.info").at(-1)!;
    expect(info.ok).toBe(true);
    expect(h.fake.downloads.at(-1)).toMatchObject({ authorized: true });
    const text = textOf(post.args);
    expect(text).toContain("À créer : 1 · à modifier : 0");
    expect(text).toContain(id);
    const apply = buttonsOf(post.args).find((b) => b.label === "Appliquer");
    expect(apply).toBeDefined();
    expect(await h.app.services.repos.kits.get(id)).toBeNull();

    const { responseUrl } = await h.click(apply!, USERS.fr);
    const answer = await h.fake.response(responseUrl);
    expect(textOf(answer.body)).toContain(toMrkdwn(translator("fr")("imports.chat.applied", { count: 1 })));
    expect(await h.app.services.repos.kits.get(id)).not.toBeNull();
  });

  it("a file over the cap is refused in the user's language, never downloaded", async () => {
    const view = await openDialog(USERS.de);
    const before = ephemerals();
    const downloads = h.fake.downloads.length;
    const size = MAX_SLACK_FILE_BYTES + 1;
    await h.submitFiles(view, { [view.blocks[0].block_id]: [{ name: "gross.csv", data: Buffer.alloc(size, 0x61), mimetype: "text/csv" }] }, USERS.de);
    const post = await ephemeralAfter(before);
    expect(textOf(post.args)).toContain(toMrkdwn(translator("de")("files.tooLarge", { file: "gross.csv", size: Math.ceil(size / 1024), max: MAX_SLACK_FILE_BYTES / 1024 })));
    expect(h.fake.downloads.length).toBe(downloads);
  });

  it("without files:read, files.info is refused and the user is told, nothing run", async () => {
    const view = await openDialog();
    const before = ephemerals();
    h.fake.api.scopes.delete("files:read");
    try {
      await h.submitFiles(view, { [view.blocks[0].block_id]: [{ name: "kits.csv", data: Buffer.from(withNewKit("kit-jamais")), mimetype: "text/csv" }] });
      const post = await ephemeralAfter(before);
      const info = h.fake.calls.filter((c) => c.method === "files.info").at(-1)!;
      expect(info.error).toBe("missing_scope");
      expect(textOf(post.args)).toContain(toMrkdwn(translator("fr")("files.downloadFailed", { file: "kits.csv" })));
      expect(textOf(post.args)).not.toContain("Appliquer");
    } finally {
      h.fake.api.scopes.add("files:read");
    }
  });
});
