/**
 * The public pages in a real browser (Debian's Chromium driven by playwright-core), over the
 * real server, app and Slack adapter (against the Slack fake): a commune page in each
 * language (chosen by the browser's Accept-Language and by the visible switch), an idea
 * submitted with the form and its confirmation, its moderation message arriving in the
 * commune's Slack channel with Accept / Refuse, the CoPil's click on Accept, then the idea in
 * `idees` and on the page. axe-core checks every page (no serious or critical violation of
 * WCAG 2.1 A/AA); a screenshot of each is written to test-results/screenshots.
 * Without Chromium, the tests are skipped with a notice.
 */
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { CHANNEL, USERS, buttonsOf, createSlackHarness, textOf, type SlackHarness } from "../../fakes/slack/harness.js";
import { TEAM_ID } from "../../fakes/slack/server.js";
import { deliver } from "../../helpers/community.js";
import { startPublicWeb, type PublicWeb } from "../../../src/platforms/web/server.js";
import { silentLogger } from "../../../src/core/logger.js";
import type { Commune } from "../../../src/core/ports.js";
import type { Locale } from "../../../src/core/types.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`public-browser.test.ts: ${CHROMIUM} is missing, the browser tests are SKIPPED (apt-get install -y chromium)`);
export const SCREENSHOTS = join("test-results", "screenshots");

const axeSource: string = (createRequire(import.meta.url)("axe-core") as { source: string }).source;

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }

/** axe-core on the page as it is: the serious and critical violations of WCAG 2.1 A and AA. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.help} @ ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

const HEADINGS: Record<Locale, string> = { fr: "Proposer une idée", de: "Eine Idee vorschlagen", nl: "Een idee voorstellen", en: "Propose an idea" };

describe.skipIf(!hasChromium)("public pages in a real browser", () => {
  let h: SlackHarness;
  let web: PublicWeb;
  let browser: Browser;
  let origin: string;
  let namur: Commune;
  let pollId: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    h = await createSlackHarness({ mode: "http" });
    const s = h.app.services;
    namur = (await s.repos.communes.findByName("Namur"))!;
    await s.repos.channels.link({ platform: "slack", workspaceId: TEAM_ID, channelId: CHANNEL, purpose: "commune", communeId: namur.id });
    await h.grant(USERS.fr!, "copil", namur.id);
    const now = s.clock();
    const day = (n: number) => new Date(now.getTime() + n * 86_400_000);
    await s.community.initiatives.create({ communeId: namur.id, authorId: null, title: "Petit-déjeuner équitable à l’hôtel de ville", description: "Café, jus et chocolat équitables servis à 120 personnes avec les producteurs locaux.", kind: "petit-dejeuner", partnerKinds: ["producteur"], criteria: [1], place: "Hôtel de ville", links: [], happenedOn: day(-10), language: "fr", status: "published", moderatedAt: day(-9) });
    await s.events.repo.create({ kind: "local", title: "Stand au marché de Noël", theme: "stand", description: "Dégustation de chocolat équitable.", startsAt: day(5), endsAt: new Date(day(5).getTime() + 3 * 3_600_000), timeZone: "Europe/Brussels", link: null, place: "Place d’Armes", capacity: null, language: "fr", audiences: ["benevoles"], communeId: namur.id, seriesId: null, campaign: null, createdBy: null });
    pollId = (await s.community.polls.create({ question: "Quel produit équitable pour le prochain stand ?", choices: ["Chocolat", "Café", "Bananes"], anonymous: true, closesAt: day(14), authorId: null, communeId: namur.id, templateId: null, language: "fr", isPublic: true })).id;
    web = await startPublicWeb({ services: s, logger: silentLogger, port: 0, host: "127.0.0.1", cacheMs: 0 });
    origin = `http://127.0.0.1:${web.port()}`;
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await h?.close();
  });

  /** A page as a phone shows it, in `locale`; axe needs to inject its script past our CSP. */
  async function open(path: string, locale = "fr-BE"): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = await context.newPage();
    const answer = await page.goto(`${origin}${path}`);
    expect(answer?.status(), path).toBeLessThan(500);
    return page;
  }

  async function check(page: Page, name: string) {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    expect(await seriousViolations(page), name).toEqual([]);
    await page.context().close();
  }

  it("shows the commune page in the browser's language and through the switch, in fr, de, nl and en, accessible", async () => {
    for (const [locale, accept] of [["fr", "fr-BE"], ["de", "de-DE"], ["nl", "nl-BE"], ["en", "en-GB"]] as const) {
      const page = await open(`/c/${namur.slug}`, accept);
      expect(await page.getAttribute("html", "lang")).toBe(locale);
      await expect(page.getByRole("heading", { level: 2, name: HEADINGS[locale] }).count()).resolves.toBe(1);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Namur");
      await expect(page.getByText("Stand au marché de Noël").count()).resolves.toBe(1);
      await expect(page.getByText("Petit-déjeuner équitable à l’hôtel de ville").count()).resolves.toBe(1);
      await check(page, `commune-${locale}`);
    }
    // The visible switch: from French to Dutch, kept in the links.
    const page = await open(`/c/${namur.slug}`, "fr-BE");
    await page.getByRole("navigation", { name: "Langue" }).getByRole("link", { name: "Nederlands" }).click();
    expect(await page.getAttribute("html", "lang")).toBe("nl");
    expect(page.url()).toContain("lang=nl");
    await page.context().close();
  });

  it("takes an idea from the form, confirms it, and brings it to the CoPil's Slack channel, public only after Accept", async () => {
    const page = await open(`/c/${namur.slug}?lang=fr`);
    // An empty form first: the errors are announced and linked to their field.
    await page.getByRole("button", { name: "Envoyer l’idée" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("au moins 10 caractères");
    expect(await page.getByLabel("Votre idée").getAttribute("aria-invalid")).toBe("true");
    await page.screenshot({ path: join(SCREENSHOTS, "idea-form-errors.png"), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    const idea = "Un atelier de dégustation de café équitable à la bibliothèque";
    await page.getByLabel("Votre idée").fill(idea);
    await page.getByLabel("Votre adresse e-mail (facultative)").fill("habitant@example.be");
    await page.getByLabel(/J’accepte que le comité de pilotage/).check();
    await page.getByRole("button", { name: "Envoyer l’idée" }).click();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Merci !");
    await expect(page.getByRole("status").textContent()).resolves.toContain("elle n’est publiée qu’une fois acceptée");
    const eraseHref = await page.getByRole("link", { name: /\/effacer\// }).getAttribute("href");
    expect(eraseHref).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/effacer\/[A-Za-z0-9_-]{20,}$/);
    await check(page, "idea-thanks");

    // Not public before moderation.
    const before = await open(`/c/${namur.slug}?lang=fr`);
    await expect(before.getByText(idea).count()).resolves.toBe(0);
    await before.context().close();

    // The outbox posts the moderation message in the commune's channel, with Accept / Refuse.
    await deliver(h.app, [h.adapter]);
    const post = h.fake.calls.items.filter((c) => c.method === "chat.postMessage" && c.args.channel === CHANNEL).find((c) => JSON.stringify(c.args).includes("dégustation de café"));
    expect(post).toBeDefined();
    const message = { text: post!.args.text as string, blocks: (typeof post!.args.blocks === "string" ? JSON.parse(post!.args.blocks) : post!.args.blocks) as any[] };
    expect(textOf(message)).toContain("en attente de modération");
    expect(textOf(message)).toContain("habitant@example.be");
    const buttons = buttonsOf(message);
    expect(buttons.map((b) => b.label)).toEqual(["Accepter", "Refuser"]);

    // Nobody sees it in the idea box yet, then the CoPil accepts it.
    const listed = await h.command("idees");
    expect(textOf((await h.fake.response(listed.responseUrl)).body)).not.toContain("dégustation de café");
    const click = await h.click(buttons[0]!);
    expect(click.ack.status).toBe(200);
    expect(textOf((await h.fake.response(click.responseUrl)).body)).toContain("Idée acceptée");
    const after = await h.command("idees");
    expect(textOf((await h.fake.response(after.responseUrl)).body)).toContain("dégustation de café");

    const shown = await open(`/c/${namur.slug}?lang=fr`);
    await expect(shown.getByText(idea).count()).resolves.toBe(1);
    await check(shown, "commune-after-accept");

    // The erase link: a page with one button; the address is gone after it.
    const erase = await open(new URL(eraseHref!).pathname);
    await check(erase, "erase");
    const again = await open(new URL(eraseHref!).pathname);
    await again.getByRole("button", { name: "Effacer mon adresse" }).click();
    await expect(again.getByRole("status").textContent()).resolves.toContain("effacée");
    await again.context().close();
    const stored = (await h.app.services.community.ideas.list(namur.id, ["new"], 10)).find((i) => i.text === idea);
    expect(stored?.contactEmail).toBeNull();
  });

  it("answers a public survey, and passes axe on every other page: network, embed, survey, thanks, not found", async () => {
    const survey = await open(`/s/${pollId}`, "fr-BE");
    await check(survey, "survey");
    const vote = await open(`/s/${pollId}`, "fr-BE");
    await vote.getByLabel("Café").check();
    await vote.getByRole("button", { name: "Envoyer ma réponse" }).click();
    await expect(vote.getByRole("status").textContent()).resolves.toContain("votre réponse est comptée");
    await check(vote, "survey-thanks");
    expect(await h.app.services.community.polls.tally(pollId, 3)).toEqual({ counts: [0, 1, 0], total: 1 });

    const network = await open("/", "en-GB");
    await expect(network.getByRole("link", { name: "Namur" }).count()).resolves.toBe(1);
    await check(network, "network");
    await check(await open(`/c/${namur.slug}/embed`, "de-DE"), "embed");
    const missing = await open("/c/atlantis", "nl-BE");
    await expect(missing.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Pagina niet gevonden");
    await check(missing, "not-found");
  });

  it("lets another site frame the embed block but not the commune page", async () => {
    // A commune's own website: another origin (another port) framing both pages.
    const host = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><title>Ville</title><iframe title="embed" src="${origin}/c/${namur.slug}/embed"></iframe><iframe title="full" src="${origin}/c/${namur.slug}"></iframe>`));
    await new Promise<void>((r) => host.listen(0, "127.0.0.1", r));
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
      const embedded = page.frameLocator('iframe[title="embed"]');
      await expect(embedded.locator("h1").textContent({ timeout: 15_000 })).resolves.toBe("Namur");
      await page.waitForLoadState("load");
      // The refused frame holds Chromium's error page, not the commune page.
      const refused = page.frames().find((f) => f.name() === "" && f !== page.mainFrame() && !f.url().endsWith("/embed"));
      expect(refused).toBeDefined();
      expect(await refused!.locator("body").innerText().catch(() => "")).not.toContain("Proposer une idée");
      expect(await refused!.locator("form").count()).toBe(0);
    } finally {
      await context.close();
      await new Promise((r) => host.close(r));
    }
  });
});
