/**
 * Files that come with a reply on Discord: one follow-up with the files as attachments
 * (multipart `payload_json` + `files[n]`, each declared in `attachments`), as private as the
 * reply; a refused upload is told in the user's language and nothing crashes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/catalogue.js";
import { startDiscordHarness, type DiscordHarness } from "../fakes/discord/harness.js";
import { sendLine } from "../fakes/discord/lines.js";
import { textOf } from "../fakes/discord/interactions.js";

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness();
}, 30_000);
afterAll(async () => {
  await h?.close();
});

describe("Discord: files of a reply", () => {
  it("moi export: the JSON file arrives as an ephemeral attachment after the answer", async () => {
    const record = sendLine(h.fake, h.app.dispatcher.registry, "moi export", { userId: "700000000000000001", username: "ana", locale: "fr" });
    await h.fake.waitForAnswer(record);
    expect(await h.adapter.whenIdle(10_000)).toBe(true);
    const withFiles = record.followups.filter((m) => (m.attachments as unknown[]).length > 0);
    expect(withFiles).toHaveLength(1);
    const attachment = (withFiles[0]!.attachments as Array<{ filename: string; size: number }>)[0]!;
    expect(attachment.filename).toMatch(/\.json$/);
    expect(withFiles[0]!.flags & 64).toBe(64);
    const upload = h.fake.uploads.find((u) => u.filename === attachment.filename)!;
    expect(upload.data.length).toBe(attachment.size);
    expect(() => JSON.parse(upload.data.toString("utf8"))).not.toThrow();
    expect(upload.data.toString("utf8")).toContain("ana");
    expect(record.errors).toEqual([]);
  });

  it("a refused upload is told in the user's language, once", async () => {
    h.fake.failNext({ path: /^\/webhooks\//, status: 413, times: 1 });
    const record = sendLine(h.fake, h.app.dispatcher.registry, "moi export", { userId: "700000000000000002", username: "dieter", locale: "de" });
    await h.fake.waitForAnswer(record);
    expect(await h.adapter.whenIdle(10_000)).toBe(true);
    expect(record.followups.filter((m) => (m.attachments as unknown[]).length > 0)).toEqual([]);
    const [before, after] = translator("de")("files.failed", { names: "\u0000" }).split("\u0000");
    const told = record.followups.map(textOf).filter((t) => t.includes(before!) && t.includes(after!.trim()));
    expect(told).toHaveLength(1);
  });
});
