/**
 * Forms and buttons: a command given no option opens a form; a valid submission runs the
 * command; an invalid one shows the errors by field and, corrected, runs it; the buttons
 * of a reply run what they say. `sondage` is the form used: a plain member may start a
 * poll, and its reply is public with one button per choice.
 */
import { expect } from "vitest";
import { translator } from "../../../src/core/i18n/catalogue.js";
import type { Locale } from "../../../src/core/types.js";
import { joined, messagePattern, plainText, said } from "../text.js";
import type { ContractCase } from "./case.js";

const POLL_FIELDS = ["question", "choix", "anonyme", "fin", "public"];

/** The poll form's labels as the catalogue writes them. */
function pollLabels(locale: Locale): string[] {
  const t = translator(locale);
  return [t("poll.form.question"), t("poll.form.choices"), t("poll.form.anonymous"), t("poll.form.closes"), t("poll.form.public")];
}

export const formCases: ContractCase[] = [
  {
    title: "forms: sondage without options opens its form, in the user's language",
    async run(driver) {
      for (const locale of ["fr", "de"] as const) {
        const form = await driver.openForm("sondage", { locale });
        expect(form.title).toBe(translator(locale)("poll.form.title"));
        expect(form.fields.map((f) => f.name)).toEqual(POLL_FIELDS);
        expect(form.fields.map((f) => f.label)).toEqual(pollLabels(locale));
        // Leave no form half open for the next case: submit it valid.
        await driver.submitForm({ question: `Formulaire ${locale}`, choix: "A\nB" }, { locale });
      }
    },
  },
  {
    title: "forms: a valid submission runs the command (the poll is posted, public, with its buttons)",
    async run(driver, has) {
      await driver.openForm("sondage");
      const question = "Quel jour pour le stand ?";
      const sent = await driver.submitForm({ question, choix: "Samedi\nDimanche" });
      expect(sent.fieldErrors).toBeUndefined();
      expect(joined(sent.reply)).toContain(question);
      expect(joined(sent.reply)).toContain(said("fr", "poll.total", { count: 0 }));
      expect(sent.reply.buttons).toEqual(expect.arrayContaining(["1. Samedi", "2. Dimanche", translator("fr")("poll.button.results")]));
      if (has("ephemeral")) expect(sent.reply.ephemeral).toBe(false);
    },
  },
  {
    title: "forms: an invalid submission shows each error by its field, in German; corrected, it runs",
    async run(driver, has) {
      const de = { locale: "de" };
      await driver.openForm("sondage", de);
      const bad = await driver.submitForm({ question: "Welcher Tag?", choix: "Samstag", fin: "irgendwann" }, de);
      const expected = { choix: said("de", "poll.error.choices"), fin: said("de", "poll.error.closes", { value: "irgendwann" }) };
      if (has("fieldErrors")) {
        expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["choix", "fin"]);
        for (const [field, text] of Object.entries(expected)) expect(plainText(bad.fieldErrors![field] ?? "")).toContain(text);
      } else {
        for (const text of Object.values(expected)) expect(joined(bad.reply)).toContain(text);
      }
      // Nothing was created: no poll, so no vote button.
      expect(bad.reply.buttons).not.toContain("1. Samstag");
      const good = await driver.submitForm({ question: "Welcher Tag?", choix: "Samstag\nSonntag", fin: "2026-12-05" }, de);
      expect(good.fieldErrors).toBeUndefined();
      expect(joined(good.reply)).toContain("Welcher Tag?");
      expect(good.reply.buttons).toEqual(expect.arrayContaining(["1. Samstag", "2. Sonntag"]));
    },
  },
  {
    title: "buttons: 'more kits' shows the next page of the list",
    async run(driver) {
      const first = await driver.run("kit jeunes");
      expect(joined(first)).toMatch(messagePattern("fr", "kit.results.title", ["total", "pages"], { page: "1" }));
      const next = await driver.click(translator("fr")("kit.more"));
      expect(joined(next)).toMatch(messagePattern("fr", "kit.results.title", ["total", "pages"], { page: "2" }));
    },
  },
  {
    title: "buttons: a poll's vote button records the vote; a second click says it was counted already",
    async run(driver) {
      const poll = await driver.run('sondage "Quelle couleur ?" "Vert" "Orange"');
      expect(poll.buttons).toEqual(expect.arrayContaining(["1. Vert", "2. Orange"]));
      const voted = await driver.click("1. Vert");
      expect(joined(voted)).toContain(said("fr", "poll.voted", { choice: "Vert" }));
      const again = await driver.click("1. Vert");
      expect(joined(again)).toContain(said("fr", "poll.same", { choice: "Vert" }));
    },
  },
];
