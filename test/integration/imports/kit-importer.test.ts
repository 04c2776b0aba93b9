/**
 * `/cdce kit importer` with a file attached, through the real dispatcher: the report, the
 * "Appliquer" button that carries only a key, the click that writes (and the search that
 * finds the new kit), a second click that finds nothing waiting, a broken file with no
 * button, someone else's click refused, an expired import.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { prepareUser, run, textOf } from "../../helpers/run.js";
import type { Button, IncomingCommand, Reply } from "../../../src/core/types.js";
import { exportTable, KIT_COLUMNS } from "../../../src/features/imports/index.js";
import { sheetCodec } from "../../../src/data/spreadsheet/index.js";

const COORD = { user: "coord-import", role: "coordination" as const };

function applyButton(reply: Reply): Button | undefined {
  return reply.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : [])).find((b) => b.command.startsWith("kit importer appliquer:"));
}

describe("/cdce kit importer (chat)", () => {
  let app: TestApp;
  let csv: string;
  beforeAll(async () => {
    app = await createTestApp();
    await prepareUser(app, COORD);
    await prepareUser(app, { user: "coord-other", role: "coordination" });
    const { data } = await exportTable(sheetCodec, "kits", "csv", app.services.repos);
    csv = new TextDecoder().decode(data);
  });
  afterAll(async () => {
    await app?.close();
  });

  const send = (name: string, text: string, user = COORD.user) => {
    const incoming: IncomingCommand = {
      platform: "terminal",
      workspaceId: "W1",
      userId: user,
      userName: user,
      channel: { platform: "terminal", workspaceId: "W1", channelId: "C1" },
      text: "kit importer",
      files: [{ name, data: new TextEncoder().encode(text) }],
    };
    return app.dispatcher.handle(incoming);
  };
  const withNewKit = (id: string, format = "affiche") => {
    const row = new Map<string, string>([["id", id], ["title_fr", `Affiche ${id}`], ["summary_fr", "Une affiche de plus"], ["audiences", "citoyens"], ["themes", "communication"], ["format", format], ["languages", "fr"]]);
    return `${csv.trimEnd()}\r\n${KIT_COLUMNS.map((c) => row.get(c) ?? "").join(",")}\r\n`;
  };

  it("without a file, says how to send one", async () => {
    const reply = await run(app, "kit importer", COORD);
    expect(textOf(reply)).toContain("Joignez à la commande le fichier des kits");
  });

  it("a typed fichier: is refused with a message to attach the file, nothing run", async () => {
    const reply = await run(app, "kit importer fichier:kits.csv", COORD);
    expect(textOf(reply)).toContain("« fichier » attend un fichier joint");
    expect(textOf(reply)).not.toContain("Joignez à la commande le fichier des kits");
  });

  it("the report, then Appliquer writes the new kit; a second click finds nothing waiting", async () => {
    const reply = await send("kits.csv", withNewKit("kit-affiche-test-import"));
    const text = textOf(reply);
    expect(text).toContain("À créer : 1 · à modifier : 0");
    expect(text).toMatch(/Nouveau : `kit-affiche-test-import` \(ligne \d+\)/);
    const button = applyButton(reply)!;
    expect(button.label).toBe("Appliquer");
    expect(button.command.length).toBeLessThanOrEqual(100);
    expect(await app.services.repos.kits.get("kit-affiche-test-import")).toBeNull();

    const applied = await run(app, button.command, COORD);
    expect(textOf(applied)).toContain("Import appliqué : 1 kit écrit.");
    expect((await app.services.repos.kits.get("kit-affiche-test-import"))?.title.fr).toBe("Affiche kit-affiche-test-import");
    // The search index sees it at once.
    expect(textOf(await run(app, "kit affiche kit-affiche-test-import", COORD))).toContain("Affiche kit-affiche-test-import");

    const again = await run(app, button.command, COORD);
    expect(textOf(again)).toContain("Cet import n’attend plus");
  });

  it("a broken line: line and column in the report, no button, nothing written", async () => {
    const reply = await send("kits.csv", withNewKit("kit-casse", "poster-geant"));
    expect(textOf(reply)).toMatch(/Ligne \d+, colonne \w+ \(format\) : « poster-geant » n’est pas une valeur admise/);
    expect(applyButton(reply)).toBeUndefined();
    expect(await app.services.repos.kits.get("kit-casse")).toBeNull();
  });

  it("someone else's click is refused and the import still waits; an expired one is gone", async () => {
    const reply = await send("kits.csv", withNewKit("kit-a-attendre"));
    const button = applyButton(reply)!;
    expect(textOf(await run(app, button.command, { user: "coord-other" }))).toContain("Seule la personne qui a envoyé le fichier");
    expect(await app.services.repos.kits.get("kit-a-attendre")).toBeNull();

    const start = app.services.clock();
    app.setNow(new Date(start.getTime() + 31 * 60_000));
    try {
      expect(textOf(await run(app, button.command, COORD))).toContain("Cet import n’attend plus");
      expect(await app.services.repos.kits.get("kit-a-attendre")).toBeNull();
    } finally {
      app.setNow(start);
    }
  });

  it("an unknown file type is refused by name", async () => {
    const reply = await send("kits.pdf", "%PDF-1.4");
    expect(textOf(reply)).toContain("« kits.pdf » n’est ni un CSV, ni un XLSX, ni un JSON.");
  });
});
