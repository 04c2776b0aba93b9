/** Read-only commands: the same line gives the same content everywhere. */
import { expect } from "vitest";
import { translator } from "../../../src/core/i18n/catalogue.js";
import { joined, lines, messagePattern, plainText } from "../text.js";
import type { ContractCase } from "./case.js";

const fr = translator("fr");
const de = translator("de");

export const readCases: ContractCase[] = [
  {
    title: "kit jeunes: the first page of results, what was understood, and a 'more' button",
    async run(driver, has) {
      const r = await driver.run("kit jeunes");
      const text = joined(r);
      const m = /\(page 1\/(\d+)\)/.exec(text);
      expect(text).toMatch(messagePattern("fr", "kit.results.title", ["total", "page", "pages"]));
      expect(text).toContain(plainText(fr("kit.results.understood", { terms: fr("audience.jeunes") })));
      if (m && Number(m[1]) > 1) expect(r.buttons).toContain(fr("kit.more"));
      expect(text).toContain(fr("kit.field.audiences"));
      if (has("ephemeral")) expect(r.ephemeral).toBe(true);
    },
  },
  {
    title: "kit alone: the overview by audience and by theme",
    async run(driver) {
      const r = await driver.run("kit");
      const text = joined(r);
      expect(text).toMatch(messagePattern("fr", "kit.overview.title", ["count"]));
      expect(text).toContain(fr("kit.overview.audiences"));
      expect(text).toContain(fr("kit.overview.themes"));
      expect(r.buttons).toEqual([]);
    },
  },
  {
    title: "aide: the commands a plain member may use",
    async run(driver, has) {
      const r = await driver.run("aide");
      const text = joined(r);
      expect(text).toContain(fr("help.title"));
      for (const c of ["/cdce aide", "/cdce kit", "/cdce langue"]) expect(text).toContain(c);
      expect(text).not.toContain("/cdce kit ajouter");
      expect(text).not.toContain("/cdce config canal");
      if (has("ephemeral")) expect(r.ephemeral).toBe(true);
    },
  },
  {
    title: "kit with noise (case, spaces) gives exactly the same reply as the clean line",
    async run(driver) {
      const clean = await driver.run("kit jeunes");
      const noisy = await driver.run("  kit    JEUNES   ");
      expect(lines(noisy)).toEqual(lines(clean));
      expect(noisy.buttons).toEqual(clean.buttons);
    },
  },
  {
    title: "an unknown command is named, with the commands that exist",
    async run(driver, has) {
      const r = await driver.run("bidule");
      const text = joined(r);
      expect(text).toContain(plainText(fr("error.unknownCommand", { word: "bidule" })));
      expect(text).toContain("aide");
      if (has("ephemeral")) expect(r.ephemeral).toBe(true);
    },
  },
  {
    title: "German user: German reply and German buttons",
    async run(driver) {
      const help = await driver.run("aide", { locale: "de" });
      expect(joined(help)).toContain(de("help.title"));
      // German material first; the kits that exist only in other languages behind a German button.
      const german = await driver.run("kit jeunes", { locale: "de" });
      expect(german.buttons).toContain(de("kit.results.showOthers"));
      const kits = await driver.run("kit jeunes langue:toutes", { locale: "de" });
      expect(joined(kits)).toMatch(messagePattern("de", "kit.results.title", ["total", "page", "pages"]));
      expect(kits.buttons).toContain(de("kit.more"));
    },
  },
];
