/**
 * The plain-language front door: a message written to the bot (a direct message, a mention)
 * in any of the four languages gets the closest commands as buttons, the best kits at once
 * when it reads like a search, and a short answer with common actions when it cannot be placed.
 */
import { expect } from "vitest";
import { translator } from "../../../src/core/i18n/catalogue.js";
import { joined, plainText } from "../text.js";
import type { ContractCase } from "./case.js";

const needs = ["plainLanguage"] as const;

export const doorCases: ContractCase[] = [
  {
    title: "front door: a French search for a poster gets kits at once and the kit search as a button",
    needs: [...needs],
    async run(driver) {
      const r = await driver.converse!("je cherche une affiche pour les jeunes");
      const fr = translator("fr");
      expect(joined(r)).toContain(plainText(fr("door.kits")));
      expect(joined(r)).toMatch(/affiche/i);
      expect(r.buttons[0]).toBe("Trouver un kit ou un outil de campagne");
      // The button runs the kit search with the person's words: its answer lists kits.
      const clicked = await driver.click(r.buttons[0]!);
      expect(joined(clicked)).toMatch(/affiche/i);
    },
  },
  {
    title: "front door: a German question about webinars is answered in German with the webinar commands",
    needs: [...needs],
    async run(driver) {
      const de = translator("de");
      const r = await driver.converse!("wann ist das nächste Webinar?", { locale: "fr" });
      expect(joined(r)).toContain(plainText(de("door.closest")));
      expect(r.buttons).toContain("Die nächsten Webinare und Schulungen des Netzwerks");
    },
  },
  {
    title: "front door: a mention in Dutch or English is placed too",
    needs: [...needs],
    async run(driver) {
      const nl = await driver.converse!("hoe meld ik me aan voor een webinar", { locale: "nl", where: "mention" });
      expect(joined(nl)).toContain(plainText(translator("nl")("door.closest")));
      expect(nl.buttons.length).toBeGreaterThan(0);
      const en = await driver.converse!("how do I change my language?", { locale: "en", where: "mention" });
      expect(en.buttons).toContain("Choose the language of my replies");
    },
  },
  {
    title: "front door: a message it cannot place gets a short answer and the three most common actions",
    needs: [...needs],
    async run(driver) {
      const r = await driver.converse!("blablabla zzz");
      expect(joined(r)).toContain(plainText(translator("fr")("door.unplaced")));
      expect(r.buttons).toHaveLength(3);
    },
  },
];
