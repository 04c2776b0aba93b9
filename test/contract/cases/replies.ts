/**
 * How replies reach the user: refusals in their language, private and public replies, a
 * reply too long for one message, and files.
 */
import { expect } from "vitest";
import { translator } from "../../../src/core/i18n/catalogue.js";
import { run } from "../../helpers/run.js";
import { joined, messagePattern, plainText, said } from "../text.js";
import type { ContractCase } from "./case.js";

/** `words` distinct words of idea `i` (`i3w0 i3w1 …`): each is findable, in order. */
const ideaText = (i: number, words: number) => Array.from({ length: words }, (_, j) => `i${i}w${j}`).join(" ");
const IDEAS = 8;
// Under the 1,500 characters the idea box shows of each idea.
const WORDS = 200;

export const replyCases: ContractCase[] = [
  {
    title: "refusal: a command reserved to a role, by a plain member, is refused in the user's language (fr, de)",
    async run(driver, has) {
      for (const locale of ["fr", "de"] as const) {
        const r = await driver.run("kit ajouter", { locale });
        expect(joined(r)).toContain(said(locale, "error.forbidden", { command: "kit ajouter" }));
        expect(r.buttons).toEqual([]);
        if (has("ephemeral")) expect(r.ephemeral).toBe(true);
      }
    },
  },
  {
    title: "visibility: a lookup answers privately, a poll is posted in the channel",
    needs: ["ephemeral"],
    async run(driver) {
      expect((await driver.run("kit jeunes")).ephemeral).toBe(true);
      expect((await driver.run("moi")).ephemeral).toBe(true);
      const poll = await driver.run('sondage "Public ?" "Oui" "Non"');
      expect(joined(poll)).toContain("Public ?");
      expect(poll.ephemeral).toBe(false);
    },
  },
  {
    title: "a long reply (10,000+ characters) arrives whole, in several messages where one cannot hold it, each within the platform's limits",
    async run(driver) {
      const app = await driver.app();
      const author = { user: "contract-author", role: "copil" as const, commune: "Namur" };
      for (let i = 0; i < IDEAS; i++) await run(app, `idee ${ideaText(i, WORDS)} commune:Namur`, author);
      const r = await driver.run("idees commune:Namur");
      const text = joined(r);
      expect(text).toMatch(messagePattern("fr", "idea.list.title", ["count"], { commune: "Namur" }));
      // Every word of every idea, once, in order, each idea in one piece (whatever the ideas' order).
      const runs: string[][] = [];
      for (const [word, idea] of text.matchAll(/\bi(\d+)w\d+\b/g)) {
        if (runs.at(-1)?.[0]?.startsWith(`i${idea}w`)) runs.at(-1)!.push(word);
        else runs.push([word]);
      }
      expect(runs).toHaveLength(IDEAS);
      for (const words of runs) expect(words.join(" ")).toBe(ideaText(Number(/^i(\d+)/.exec(words[0]!)![1]), WORDS));
      expect(new Set(runs.map((w) => w[0])).size).toBe(IDEAS);
      expect(text.length).toBeGreaterThan(IDEAS * 1000);
      // Split only where one message cannot hold it (Discord: yes; a Slack message holds 50 sections).
      if (driver.maxMessageChars && text.length > driver.maxMessageChars) {
        expect(r.messages).toBeGreaterThanOrEqual(Math.ceil(text.length / driver.maxMessageChars));
      }
    },
  },
  {
    title: "files: moi export comes with the JSON file, under the name the reply gives, privately",
    async run(driver) {
      const r = await driver.run("moi export", { locale: "de" });
      expect(r.files).toHaveLength(1);
      const file = r.files[0]!;
      expect(file.name).toMatch(/^[\w.-]+\.json$/);
      const [before] = translator("de")("me.export.ready", { name: "\u0000", size: 1 }).split("\u0000");
      expect(joined(r)).toContain(`${plainText(before!)} ${file.name}`);
      const data = JSON.parse(file.data.toString("utf8")) as { accounts?: Array<{ platform?: string }> };
      expect(data.accounts?.map((a) => a.platform)).toContain(driver.name);
      expect(file.private).toBe(true);
    },
  },
];
