/**
 * `/cdce-admin importer-kits fichier:` through the real discord.js client: Discord sends the
 * attachment resolved in the interaction, the bot downloads it from the CDN url (served by
 * the fake on 127.0.0.1), the dry-run report arrives with its "Appliquer" button, and the
 * click writes. A file over the cap is refused in the user's language before any download;
 * a file the CDN no longer has is told, nothing run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/catalogue.js";
import { exportTable, KIT_COLUMNS } from "../../src/features/imports/index.js";
import { sheetCodec } from "../../src/data/spreadsheet/index.js";
import { MAX_ATTACHMENT_BYTES } from "../../src/platforms/discord/attachments.js";
import { startDiscordHarness, type DiscordHarness } from "../fakes/discord/harness.js";
import { buttonsOf, sendClick, sendCommand, textOf, type PickedFile, type Who } from "../fakes/discord/interactions.js";
import { discordPath } from "../fakes/discord/lines.js";

const COORDINATOR: Who = { userId: "400000000000000071", username: "dominique", locale: "fr" };
const GERMAN: Who = { userId: "400000000000000072", username: "dieter", locale: "de" };
const plain = (s: string) => s.replace(/[`*_]/g, "");

let h: DiscordHarness;
let csv: string;

beforeAll(async () => {
  h = await startDiscordHarness();
  await h.grant(COORDINATOR.userId, "coordination");
  await h.grant(GERMAN.userId, "coordination");
  const { data } = await exportTable(sheetCodec, "kits", "csv", h.app.services.repos);
  csv = new TextDecoder().decode(data);
}, 30_000);

afterAll(async () => {
  await h?.close();
});

function withNewKit(id: string): string {
  const row = new Map<string, string>([["id", id], ["title_fr", `Affiche ${id}`], ["summary_fr", "Une affiche de plus"], ["audiences", "citoyens"], ["themes", "communication"], ["format", "affiche"], ["languages", "fr"]]);
  return `${csv.trimEnd()}\r\n${KIT_COLUMNS.map((c) => row.get(c) ?? "").join(",")}\r\n`;
}

function importWith(file: PickedFile, who: Who) {
  const path = discordPath(h.app.dispatcher.registry, "kit importer");
  expect(path).toBe("cdce-admin importer-kits");
  return sendCommand(h.fake, path!, {}, who, { files: { fichier: file } });
}

describe("Discord: importing kits from an attached file", () => {
  it("registers the attachment option (type 11) with localized names", () => {
    const admin = (h.fake.registrations.at(-1)!.body as Array<{ name: string; options: Array<{ name: string; options?: Array<{ name: string; type: number; name_localizations?: Record<string, string> }> }> }>).find((c) => c.name === "cdce-admin")!;
    const option = admin.options.find((o) => o.name === "importer-kits")!.options!.find((o) => o.name === "fichier")!;
    expect(option.type).toBe(11);
    expect(option.name_localizations).toMatchObject({ de: "datei", nl: "bestand", "en-GB": "file", "en-US": "file" });
  });

  it("the report arrives, then Appliquer writes the new kit", async () => {
    const record = importWith({ name: "kits.csv", data: Buffer.from(withNewKit("kit-discord-import")), contentType: "text/csv" }, COORDINATOR);
    const answer = await h.fake.waitForAnswer(record, 10_000);
    expect(h.fake.cdnRequests.some((p) => p.endsWith("/kits.csv"))).toBe(true);
    expect(answer.ephemeral).toBe(true);
    const text = plain(textOf(answer.message));
    expect(text).toContain("À créer : 1 · à modifier : 0");
    expect(text).toContain("kit-discord-import");
    const apply = buttonsOf(answer.message).find((b) => b.label === "Appliquer");
    expect(apply).toBeDefined();
    expect(await h.app.services.repos.kits.get("kit-discord-import")).toBeNull();

    const click = sendClick(h.fake, answer.message!, apply!.custom_id, COORDINATOR);
    const applied = await h.fake.waitForAnswer(click, 10_000);
    const all = [applied.message, ...applied.followups].map((m) => plain(textOf(m))).join("\n");
    expect(all).toContain(plain(translator("fr")("imports.chat.applied", { count: 1 })));
    expect(await h.app.services.repos.kits.get("kit-discord-import")).not.toBeNull();
    expect(record.errors).toEqual([]);
    expect(click.errors).toEqual([]);
  });

  it("a file over the cap is refused in the user's language, before any download", async () => {
    const before = h.fake.cdnRequests.length;
    const record = importWith({ name: "gross.csv", data: Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x61), contentType: "text/csv" }, GERMAN);
    const answer = await h.fake.waitForAnswer(record, 10_000);
    const expected = translator("de")("files.tooLarge", { file: "gross.csv", size: Math.ceil((MAX_ATTACHMENT_BYTES + 1) / 1024), max: MAX_ATTACHMENT_BYTES / 1024 });
    expect(textOf(answer.message)).toBe(expected);
    expect(h.fake.cdnRequests.length).toBe(before);
    expect(record.errors).toEqual([]);
  });

  it("a file the CDN no longer serves is told, nothing run", async () => {
    const record = sendCommand(h.fake, "cdce-admin importer-kits", {}, COORDINATOR, { files: { fichier: { name: "parti.csv", data: Buffer.from("id\n") } } });
    // Gone from the CDN before the bot fetched it (an expired link).
    for (const path of [...h.fake.cdn.keys()]) if (path.endsWith("/parti.csv")) h.fake.cdn.delete(path);
    const answer = await h.fake.waitForAnswer(record, 10_000);
    expect(textOf(answer.message)).toBe(translator("fr")("files.downloadFailed", { file: "parti.csv" }));
  });
});
