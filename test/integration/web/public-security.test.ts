/**
 * The public pages under hostile use, through the real server (fastify inject) over a real
 * app, on SQLite and PostgreSQL: only the listed routes answer; every response carries the
 * security headers (frames refused but on /embed); forms with scripts, oversized bodies,
 * wrong types, wrong content types, a filled honeypot and floods get a plain answer with no
 * internal detail; and what reached the CoPil (the outbox) is exactly the accepted ideas,
 * as plain text, waiting for moderation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { appsOnEachDatabase, type TestApp } from "../../helpers/test-app.js";
import { rows } from "../../helpers/community.js";
import { run, textOf, type As } from "../../helpers/run.js";
import { buildPublicWeb } from "../../../src/platforms/web/server.js";
import { silentLogger } from "../../../src/core/logger.js";
import type { Commune } from "../../../src/core/ports.js";

const FORM = { "content-type": "application/x-www-form-urlencoded" };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const COPIL: As = { user: "U0COPIL", role: "copil", commune: "Namur", platform: "slack" };
const MEMBER: As = { user: "U0BENE", role: "benevole", commune: "Namur", platform: "slack" };

/** What no public answer may contain: stack frames, error names, paths, framework codes. */
function expectNoInternals(body: string) {
  expect(body).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\/work\/|Error:|FST_|ERR_|prisma|stack/i);
}

describe.each(await appsOnEachDatabase("public pages security"))("public pages under hostile use (%s)", (_name, makeApp) => {
  let app: TestApp;
  let web: FastifyInstance;
  let namur: Commune;
  const logged: unknown[] = [];

  beforeAll(async () => {
    app = await makeApp();
    namur = (await app.services.repos.communes.findByName("Namur"))!;
    await app.services.repos.channels.link({ platform: "slack", workspaceId: "W1", channelId: "C0NAMUR", purpose: "commune", communeId: namur.id });
    const logger = { ...silentLogger, error: (o: unknown) => void logged.push(o), child: () => logger } as typeof silentLogger;
    web = await buildPublicWeb({ services: app.services, logger, cacheMs: 0, publicUrl: "https://cdce.example.be", limits: { ideas: 6, answers: 4, windowMs: 60_000 } });
  });
  afterAll(async () => {
    await web?.close();
    await app?.close();
  });

  const post = (url: string, payload: string, headers: Record<string, string> = FORM, ip = "203.0.113.9") => web.inject({ method: "POST", url, payload, headers, remoteAddress: ip });

  it("answers only its own routes: no /healthz, /metrics or anything else, and no other method", async () => {
    for (const url of ["/healthz", "/metrics", "/admin", "/.env", "/c/../../etc/passwd", "/c/NAMUR", "/c/nowhere", "/s/not-a-poll", "/cal/x.ics", "/views/layout.eta", "/assets/../server.ts"]) {
      const r = await web.inject({ url });
      expect(r.statusCode, url).toBe(404);
      expectNoInternals(r.body);
    }
    for (const method of ["PUT", "DELETE", "PATCH"] as const) expect((await web.inject({ method, url: `/c/${namur.slug}` })).statusCode).toBe(404);
    expect((await web.inject({ url: `/c/${namur.slug}` })).statusCode).toBe(200);
    expect((await web.inject({ url: "/" })).statusCode).toBe(200);
  });

  it("sends the security headers; only /embed may be framed, by anyone", async () => {
    for (const url of ["/", `/c/${namur.slug}`, "/nowhere"]) {
      const r = await web.inject({ url });
      const csp = String(r.headers["content-security-policy"]);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(r.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(r.headers["referrer-policy"]).toBe("no-referrer");
    }
    const embed = await web.inject({ url: `/c/${namur.slug}/embed` });
    expect(embed.statusCode).toBe(200);
    expect(String(embed.headers["content-security-policy"])).toContain("frame-ancestors *");
    expect(embed.headers["x-frame-options"]).toBeUndefined();
    expect(embed.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("keeps no markup: a script in an idea reaches the CoPil as plain text, awaiting moderation, and the page escapes what it echoes", async () => {
    const before = (await rows(app, "idea:")).length;
    const r = await post(`/c/${namur.slug}/idee`, form({ texte: `<script>alert("x")</script><img src=x onerror=alert(1)>Un <b>stand</b> au marché @everyone`, lang: "fr" }));
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain("Merci");
    const ideas = await app.services.community.ideas.list(namur.id, ["pending"], 10);
    expect(ideas).toHaveLength(1);
    expect(ideas[0]!.text).not.toMatch(/[<>]/);
    expect(ideas[0]!.text).toContain("stand au marché");
    expect(ideas[0]!.text).not.toContain("alert");
    expect(ideas[0]!.text).not.toMatch(/@everyone\b/);
    const queued = (await rows(app, "idea:")).slice(before);
    expect(queued.map((q) => q.target.channelId)).toEqual(["C0NAMUR"]);
    expect(queued[0]!.summary).toContain("en attente de modération");
    expect(queued[0]!.summary).not.toMatch(/<script|onerror/);
    // An invalid form shows the text back, escaped.
    const echoed = await post(`/c/${namur.slug}/idee`, form({ texte: "<script>x</script>", email: "not-an-address" }));
    expect(echoed.statusCode).toBe(400);
    expect(echoed.body).not.toContain("<script>x</script>");
    expect(echoed.body).toContain("&lt;script&gt;");
  });

  it("refuses oversized bodies, wrong types and other content types without details, and keeps nothing of them", async () => {
    const before = (await rows(app, "idea:")).length;
    // One address per case: refused forms count against an address's limit too.
    let n = 0;
    const post = (url: string, payload: string, headers: Record<string, string> = FORM) => web.inject({ method: "POST", url, payload, headers, remoteAddress: `198.18.0.${++n}` });
    const cases: [string, Awaited<ReturnType<typeof post>>, number][] = [
      ["body over the limit", await post(`/c/${namur.slug}/idee`, form({ texte: "x".repeat(100_000) })), 413],
      ["idea over its length", await post(`/c/${namur.slug}/idee`, form({ texte: "é".repeat(2500) })), 400],
      ["repeated field (an array)", await post(`/c/${namur.slug}/idee`, "texte=a%20long%20enough%20idea&texte=another%20one%20here"), 400],
      ["no text at all", await post(`/c/${namur.slug}/idee`, form({ email: "a@b.be" })), 400],
      ["too short", await post(`/c/${namur.slug}/idee`, form({ texte: "   <b></b>  " })), 400],
      ["JSON", await post(`/c/${namur.slug}/idee`, JSON.stringify({ texte: "Une idée en JSON, assez longue" }), { "content-type": "application/json" }), 415],
      ["text/plain", await post(`/c/${namur.slug}/idee`, "texte=Une idée en texte brut", { "content-type": "text/plain" }), 415],
      ["multipart", await post(`/c/${namur.slug}/idee`, "--x\r\nContent-Disposition: form-data; name=\"texte\"\r\n\r\nUne idée multipart\r\n--x--", { "content-type": "multipart/form-data; boundary=x" }), 415],
      ["email without consent", await post(`/c/${namur.slug}/idee`, form({ texte: "Une idée avec une adresse", email: "citoyen@example.be" })), 400],
      ["malformed email", await post(`/c/${namur.slug}/idee`, form({ texte: "Une idée avec une adresse", email: "<x@y>", consent: "oui" })), 400],
      ["unknown commune", await post(`/c/atlantis/idee`, form({ texte: "Une idée pour nulle part" })), 404],
    ];
    for (const [what, r, status] of cases) {
      expect(r.statusCode, what).toBe(status);
      expect(r.headers["content-type"], what).toMatch(/^text\/html/);
      expectNoInternals(r.body);
    }
    expect((await rows(app, "idea:")).length).toBe(before);
  });

  it("drops a robot's form (honeypot filled) while thanking it", async () => {
    const before = (await rows(app, "idea:")).length;
    const r = await post(`/c/${namur.slug}/idee`, form({ texte: "Buy cheap watches at spam.example", website: "https://spam.example" }), FORM, "198.18.1.1");
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain("Merci");
    expect((await rows(app, "idea:")).length).toBe(before);
  });

  it("limits ideas per address: a flood gets 429 past the limit, the CoPil gets the allowed ones only, another address still passes", async () => {
    const before = (await rows(app, "idea:")).length;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post(`/c/${namur.slug}/idee`, form({ texte: `Idée numéro ${i} du même endroit` }), FORM, "198.51.100.7")).statusCode);
    expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(statuses.slice(6).every((s) => s === 429)).toBe(true);
    const limited = await post(`/c/${namur.slug}/idee`, form({ texte: "Encore une idée du même endroit" }), FORM, "198.51.100.7");
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain("Trop d’envois");
    expectNoInternals(limited.body);
    expect((await rows(app, "idea:")).length).toBe(before + 6);
    expect((await post(`/c/${namur.slug}/idee`, form({ texte: "Une idée d’une autre adresse" }), FORM, "198.51.100.8")).statusCode).toBe(200);
  });

  it("keeps an address only with consent, shows it to the CoPil alone, and erases it from the link", async () => {
    const r = await post(`/c/${namur.slug}/idee`, form({ texte: "Un goûter équitable à l’école communale", email: "habitante@example.be", consent: "oui", lang: "nl" }), FORM, "192.0.2.50");
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('lang="nl"');
    const link = /https:\/\/cdce\.example\.be(\/effacer\/[A-Za-z0-9_-]+)/.exec(r.body)?.[1];
    expect(link).toBeDefined();
    const idea = (await app.services.community.ideas.list(namur.id, ["pending"], 50)).find((i) => i.text.startsWith("Un goûter"))!;
    expect(idea.contactEmail).toBe("habitante@example.be");
    // Awaiting moderation: members do not see it; the CoPil sees it (with the address) when asking for it.
    expect(textOf(await run(app, "idees", MEMBER))).not.toContain("goûter");
    expect(textOf(await run(app, "idees statut:attente", MEMBER))).not.toContain("goûter");
    expect(textOf(await run(app, "idees", COPIL))).not.toContain("goûter");
    const pending = textOf(await run(app, "idees statut:attente", COPIL));
    expect(pending).toContain("goûter");
    expect(pending).toContain("habitante@example.be");
    // The public page never shows a pending idea.
    expect((await web.inject({ url: `/c/${namur.slug}` })).body).not.toContain("goûter");

    expect((await web.inject({ url: link! })).body).toContain("<form");
    const erased = await post(link!, form({ lang: "fr" }), FORM, "192.0.2.50");
    expect(erased.body).toContain("Votre adresse e-mail est effacée");
    expect((await app.services.community.ideas.get(idea.id))!.contactEmail).toBeNull();
    expect((await post(link!, form({}), FORM, "192.0.2.50")).body).toContain("Aucune adresse à effacer");
  });

  it("accepts a survey answer from anyone, refuses wrong choices, closed and private polls, and limits floods", async () => {
    const polls = app.services.community.polls;
    const base = { anonymous: true, closesAt: null, authorId: null, communeId: namur.id, templateId: null, language: "fr" as const };
    const open = await polls.create({ ...base, question: "Quel jour pour le stand ?", choices: ["Samedi", "Dimanche"], isPublic: true });
    const hidden = await polls.create({ ...base, question: "Question interne au CoPil", choices: ["Oui", "Non"] });
    const page = await web.inject({ url: `/c/${namur.slug}` });
    expect(page.body).toContain("Quel jour pour le stand ?");
    expect(page.body).not.toContain("Question interne au CoPil");
    expect((await web.inject({ url: `/s/${hidden.id}` })).statusCode).toBe(404);
    expect((await post(`/s/${hidden.id}`, form({ choix: "1" }))).statusCode).toBe(404);

    const ip = "203.0.113.77";
    expect((await post(`/s/${open.id}`, form({ choix: "99" }), FORM, ip)).statusCode).toBe(400);
    expect((await post(`/s/${open.id}`, "choix=1&choix=2", FORM, ip)).statusCode).toBe(400);
    const ok = await post(`/s/${open.id}`, form({ choix: "2" }), FORM, ip);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain("votre réponse est comptée");
    expect((await post(`/s/${open.id}`, form({ choix: "1" }), FORM, ip)).statusCode).toBe(200);
    expect((await post(`/s/${open.id}`, form({ choix: "1" }), FORM, ip)).statusCode).toBe(429);
    expect(await polls.tally(open.id, 2)).toEqual({ counts: [1, 1], total: 2 });

    await polls.close(open.id, app.services.clock());
    const closed = await post(`/s/${open.id}`, form({ choix: "1" }), FORM, "203.0.113.78");
    expect(closed.statusCode).toBe(409);
    expect(closed.body).toContain("Ce sondage est clos");
    expect(await polls.tally(open.id, 2)).toEqual({ counts: [1, 1], total: 2 });
  });

  it("answers a failure inside with a plain 500 page, and logs it", async () => {
    const broken = await buildPublicWeb({
      services: { ...app.services, repos: { ...app.services.repos, communes: { ...app.services.repos.communes, listFollowed: () => Promise.reject(new Error("connect ECONNREFUSED 10.0.0.3:5432 at /srv/app/node_modules/pg")) } } },
      logger: { ...silentLogger, error: (o: unknown) => void logged.push(o) } as typeof silentLogger,
      cacheMs: 0,
    });
    try {
      const r = await broken.inject({ url: `/c/${namur.slug}` });
      expect(r.statusCode).toBe(500);
      expect(r.body).toContain("Une erreur est survenue");
      expect(r.body).not.toContain("ECONNREFUSED");
      expectNoInternals(r.body);
      expect(logged.length).toBeGreaterThan(0);
    } finally {
      await broken.close();
    }
  });
});
