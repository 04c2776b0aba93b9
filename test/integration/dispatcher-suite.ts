/**
 * The dispatcher and the core commands end to end over a real database. The same suite
 * runs on SQLite and on PostgreSQL (dispatcher-*.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/test-app.js";
import { kitIds, run, runStructured, textOf } from "../helpers/run.js";
import { getFeed, tokenIn } from "../helpers/feeds.js";

/** The public address the full app is given (the empty one has none: calendar feeds are off there). */
export const PUBLIC_URL = "https://cdce.example.be";

export function dispatcherSuite(name: string, makeApp: () => Promise<TestApp>, makeEmptyApp: () => Promise<TestApp>): void {
  describe(name, () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await makeApp();
    });
    afterAll(async () => {
      await app?.close();
    });
    describe("/cdce kit", () => {
      it("finds youth kits, in French by default", async () => {
        const r = await run(app, "kit jeunes");
        const ids = kitIds(r);
        expect(ids.length).toBeGreaterThan(0);
        expect(ids.length).toBeLessThanOrEqual(5);
        for (const id of ids.slice(0, 3)) expect((await app.services.kits.get(id))?.audiences).toContain("jeunes");
        expect(textOf(r)).toMatch(/kits? trouvés?/);
        expect(r.visibility).toBe("ephemeral");
      });

      it("answers in German to a German user, with the kits' German titles", async () => {
        const r = await run(app, "kit jeunes", { user: "de-user", locale: "de-DE" });
        const first = await app.services.kits.get(kitIds(r)[0]!);
        expect(textOf(r)).toContain("gefunden");
        expect(textOf(r)).toContain(first!.title.de!);
      });

      it("pages with a 'more' button that runs the next page", async () => {
        const r = await run(app, "kit communication");
        const button = r.blocks.find((b) => b.type === "actions");
        expect(button && button.type === "actions" && button.buttons[0]!.command).toMatch(/^kit communication page:2$/);
        const next = await run(app, "kit communication page:2");
        expect(kitIds(next)).not.toEqual(kitIds(r));
        expect(textOf(next)).toContain("page 2/");
      });

      it("alone, lists audiences and themes with counts", async () => {
        const t = textOf(await run(app, "kit"));
        expect(t).toContain("Par public");
        expect(t).toMatch(/jeunes \(\d+\)/);
        expect(t).toContain("Par thème");
      });

      it("names a bad option and its accepted values, in the user's language", async () => {
        const r = await run(app, "kit public:martiens");
        expect(textOf(r)).toContain("martiens");
        expect(textOf(r)).toContain("jeunes, elus");
        expect(r.fieldErrors?.public).toBeTruthy();
        const p = await run(app, "kit jeunes page:0", { user: "en-user", locale: "en-US" });
        expect(textOf(p)).toContain("“page” must be a whole number between 1 and 200");
      });

      it("says when no kit meets every criterion, and shows the overview for words it cannot read", async () => {
        expect(textOf(await run(app, "kit élus affiche"))).toContain("Aucun kit ne réunit tous ces critères");
        expect(textOf(await run(app, "kit jeunes affiche"))).not.toContain("Aucun kit ne réunit");
        const t = textOf(await run(app, "kit 🙂"));
        expect(t).toContain("Par public");
        expect(t).not.toMatch(/kits? trouvés?/);
      });

      it("names an option that does not exist instead of searching for it", async () => {
        const r = await run(app, "kit jeunes lang:de");
        expect(textOf(r)).toContain("Option inconnue « lang »");
        expect(textOf(r)).toContain("langue");
        expect(kitIds(r)).toEqual([]);
        expect(kitIds(await run(app, "kit jeunes langue:de")).length).toBeGreaterThan(0);
      });

      it("suggests close terms when nothing matches", async () => {
        const t = textOf(await run(app, "kit zzzqqq"));
        expect(t).toContain("Aucun kit ne correspond");
      });
    });

    describe("commands", () => {
      it("suggests the closest command for a typo", async () => {
        const t = textOf(await run(app, "kti jeunes"));
        expect(t).toContain("Je ne connais pas la commande « kti »");
        expect(t).toContain("/cdce kit");
      });

      it("lists in aide only what the user may use", async () => {
        // Every page of the help, as the "more" button turns them.
        const allPages = async (as: Parameters<typeof run>[2]) => {
          let out = "";
          for (let page = 1; page <= 20; page++) {
            const text = textOf(await run(app, `aide page:${page}`, as));
            out += `${text}\n`;
            const at = /\(Page (\d+)\/(\d+)\)/.exec(text);
            if (!at || at[1] === at[2]) break;
          }
          return out;
        };
        const plain = await allPages({ user: "vol", role: "benevole" });
        const coord = await allPages({ user: "boss", role: "coordination" });
        expect(plain).toContain("/cdce kit");
        expect(plain).not.toContain("kit ajouter");
        expect(coord).toContain("kit ajouter");
      });

      it("switches language with langue and keeps it over the platform's locale", async () => {
        expect(textOf(await run(app, "langue nl", { user: "polyglot", locale: "fr-BE" }))).toContain("Nederlands");
        expect(textOf(await run(app, "kit", { user: "polyglot", locale: "fr-BE" }))).toContain("Per doelgroep");
        expect(textOf(await run(app, "langue allemand", { user: "polyglot" }))).toContain("Deutsch");
      });

      it("refuses kit ajouter politely to non-coordination, opens a form for coordination", async () => {
        const refused = await run(app, 'kit ajouter titre:"X" resume:"Y" public:jeunes', { user: "vol2", role: "benevole" });
        expect(textOf(refused)).toContain("réservée");
        const form = await run(app, "kit ajouter", { user: "boss", role: "coordination" });
        expect(form.form?.fields.map((f) => f.name)).toEqual(["titre", "resume", "public", "theme", "format"]);
      });

      it("adds a kit that search finds at once, and reports missing fields per field", async () => {
        // Asked before, so that a page for this query is kept: the new kit must show anyway.
        expect(kitIds(await run(app, "kit quiz"))).not.toContain("quiz-equitable-pour-maisons-de-jeunes");
        const bad = await runStructured(app, "kit ajouter", { titre: "Kit test", public: "" }, { user: "boss", role: "coordination" });
        expect(Object.keys(bad.fieldErrors ?? {})).toEqual(["resume", "public"]);
        const ok = await run(app, 'kit ajouter titre:"Quiz équitable pour maisons de jeunes" resume:"Un quiz ludique" public:jeunes theme:sensibilisation format:questionnaire', { user: "boss", role: "coordination" });
        expect(textOf(ok)).toContain("quiz-equitable-pour-maisons-de-jeunes");
        const found = await run(app, "kit quiz");
        expect(kitIds(found)).toContain("quiz-equitable-pour-maisons-de-jeunes");
      });

      it("links a channel to a commune (coordination only)", async () => {
        expect(textOf(await run(app, "config canal commune Namur", { user: "vol3", role: "benevole" }))).toContain("réservée");
        expect(textOf(await run(app, "config canal commune namur", { user: "boss", role: "coordination" }))).toContain("Namur");
        expect(textOf(await run(app, "config canal voir", { user: "boss" }))).toContain("comité de pilotage de Namur");
        expect(textOf(await run(app, "config canal commune Atlantis", { user: "boss" }))).toContain("Atlantis");
      });
    });

    describe("/cdce agenda lien", () => {
      it("gives a private feed address once (https and webcal, privately), renews it, in four languages", async () => {
        const as = { user: "feed-fr", role: "benevole" as const, commune: "Namur" };
        const first = await run(app, "agenda lien", as);
        expect(first.visibility).toBe("ephemeral");
        const token = tokenIn(textOf(first))!;
        expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(textOf(first)).toContain(`webcal://cdce.example.be/cal/p/${token}.ics`);
        expect((await getFeed(app, `/cal/p/${token}.ics`)).status).toBe(200);
        expect(tokenIn(textOf(await run(app, "agenda lien", as)))).toBeNull();
        const renewed = tokenIn(textOf(await run(app, "agenda lien renouveler", as)))!;
        expect(renewed).not.toBe(token);
        expect((await getFeed(app, `/cal/p/${token}.ics`)).status).toBe(404);
        expect((await getFeed(app, `/cal/p/${renewed}.ics`)).status).toBe(200);
        // The words of each language, and the reply in it.
        expect(textOf(await run(app, "termine link", { user: "feed-de", locale: "de-DE" }))).toContain("Ihr privater Kalender");
        expect(textOf(await run(app, "agenda link", { user: "feed-nl", locale: "nl-BE" }))).toContain("Je privéagenda");
        const en = await run(app, "agenda link", { user: "feed-en", locale: "en-GB" });
        expect(textOf(en)).toContain("Your private calendar");
        expect(textOf(await run(app, "agenda link renew", { user: "feed-en", locale: "en-GB" }))).toContain("the old one no longer works");
        expect(textOf(await run(app, "agenda link vernieuwen", { user: "feed-nl", locale: "nl-BE" }))).toContain("het oude werkt niet meer");
      });
    });

    describe("an empty catalogue", () => {
      it("answers clearly instead of failing", async () => {
        const empty = await makeEmptyApp();
        try {
          expect(textOf(await run(empty, "kit jeunes"))).toContain("Aucun kit ne correspond");
          // Without PUBLIC_URL no feed address can be given: said plainly, in the person's language.
          const off = await run(empty, "agenda lien");
          expect(textOf(off)).toContain("PUBLIC_URL n’est pas configurée");
          expect(tokenIn(textOf(off))).toBeNull();
          expect(textOf(await run(empty, "agenda link", { user: "en-feed", locale: "en-US" }))).toContain("Online calendars are not available");
          expect(textOf(await run(empty, "kit"))).toContain("0 kit disponible") // French: 0 takes the singular;
        } finally {
          await empty.close();
        }
      });
    });
  });
}
