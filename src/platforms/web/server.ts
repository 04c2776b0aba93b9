/**
 * The public pages, for citizens (who are not in the network's Slack or Discord): a page per
 * commune (`/c/<slug>`), the network's list (`/`), an embeddable block, QR codes for posters,
 * the idea form, public surveys (`/s/<poll>`) and the erase link of a kept address. Their own
 * port (PUBLIC_PORT), apart from /healthz and /metrics; server-rendered HTML that works
 * without JavaScript.
 *
 * Only the routes below answer; every response carries a strict Content-Security-Policy
 * (frames refused everywhere but `/c/<slug>/embed`), nosniff and no referrer; bodies are
 * limited, forms are rate-limited per address, and no error says more than its status.
 * Calendar feeds (`/cal/…`) are another feature's: its handler is injected (`feeds`).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import view from "@fastify/view";
import { Eta } from "eta";
import QRCode from "qrcode";
import type { Services } from "../../core/commands.js";
import type { Logger } from "../../core/logger.js";
import { LOCALES, type Locale } from "../../core/types.js";
import type { Commune } from "../../core/ports.js";
import { CdceError } from "../../core/errors.js";
import { CITIZEN_IDEA_MAX, EMAIL_MAX, isEmail, proposeCitizenIdea } from "../../features/ideas/index.js";
import { answerPublicPoll, isOpen, publicPollUrl } from "../../features/polls/index.js";
import { loadMap } from "../../features/initiatives/index.js";
import { translator, type MessageKey } from "../../core/i18n/catalogue.js";
import { INTL_TAG, LANGUAGE_NAMES, pickLocale } from "./locale.js";
import { oneString, plainText } from "./input.js";
import { PageData, communeStatusLine, communeView } from "./pages.js";
import { webText, type WebT } from "./texts.js";

/** The calendar feeds' handler (src/features/calendar-feeds/http.ts), framework-agnostic. */
export type FeedHandler = (req: { path: string; headers: Record<string, string | undefined> }) => Promise<{ status: number; headers: Record<string, string>; body: string } | null>;

export interface PublicWebLimits {
  /** Per address and window: idea forms, survey answers, erase requests, page views. */
  ideas: number;
  answers: number;
  erasures: number;
  pages: number;
  windowMs: number;
}

export const DEFAULT_LIMITS: PublicWebLimits = { ideas: 5, answers: 20, erasures: 10, pages: 600, windowMs: 10 * 60_000 };

export interface PublicWebOptions {
  services: Services;
  logger: Logger;
  /** Where people reach the pages (PUBLIC_URL), for QR codes and erase links; else the request's own origin. */
  publicUrl?: string;
  feeds?: FeedHandler;
  /** How long a commune's rows are reused (default 5 s; 0: read each time). */
  cacheMs?: number;
  limits?: Partial<PublicWebLimits>;
  /** Proxies in front (reverse proxy hops), so that limits count the visitor's address, not the proxy's. */
  trustProxy?: number;
  /** REDIS_URL: the limits per address are shared by every replica (else each counts its own visitors). */
  redisUrl?: string;
  /** Key prefix in Redis (tests keep theirs apart). */
  redisPrefix?: string;
}

export const IDEA_MIN = 10;
/** Enough for the longest idea in multi-byte characters, percent-encoded, with the other fields. */
export const BODY_LIMIT = 32 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const CSP = { defaultSrc: ["'none'"], styleSrc: ["'self'"], imgSrc: ["'self'", "data:"], formAction: ["'self'"], baseUri: ["'none'"], frameAncestors: ["'none'"] };

/** Builds the server (not listening): tests inject requests into it, {@link startPublicWeb} listens. */
export async function buildPublicWeb(o: PublicWebOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_LIMITS, ...o.limits };
  const data = new PageData(o.services, o.cacheMs ?? 5_000);
  const css = readFileSync(here("./assets/site.css"), "utf8");
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT, trustProxy: o.trustProxy ? (_address: string, hop: number) => hop < o.trustProxy! : false, return503OnClosing: true, routerOptions: { maxParamLength: 200 } });

  // Only forms: no JSON, no text bodies (anything else is 415).
  app.removeAllContentTypeParsers();
  await app.register(formbody, { bodyLimit: BODY_LIMIT });
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "no-referrer" },
  });
  if (o.redisUrl) {
    const { Redis } = await import("ioredis");
    // Short timeouts: a limit that cannot be read must not hold a citizen's page.
    const redis = new Redis(o.redisUrl, { connectTimeout: 1_000, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    redis.on("error", (err: Error) => o.logger.warn({ err: err.message }, "public pages: Redis for the limits unavailable"));
    app.addHook("onClose", async () => void (await redis.quit().catch(() => redis.disconnect())));
    // The first visitors are counted too: wait (a little) for the connection before serving.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2_000);
      redis.once("ready", () => (clearTimeout(timer), resolve()));
    });
    // When Redis is away, forms pass (the honeypot and the body limits still hold) rather than fail.
    await app.register(rateLimit, { global: false, redis, nameSpace: o.redisPrefix ?? "cdce-public-limit:", skipOnError: true });
  } else {
    await app.register(rateLimit, { global: false });
  }
  await app.register(view, {
    engine: { eta: new Eta({ autoEscape: true, autoTrim: false }) },
    root: here("./views"),
    production: true,
  });

  const base = (req: FastifyRequest) => o.publicUrl ?? `${req.protocol}://${req.host}`;
  const pageLimit = { rateLimit: { max: limits.pages, timeWindow: limits.windowMs } };

  /** What every page's layout needs: the language, its words, the switch, the link suffix. */
  function frame(req: FastifyRequest, fallback?: readonly Locale[], asked?: unknown, switchPath?: string) {
    const query = req.query as Record<string, unknown> | undefined;
    const { locale, explicit } = pickLocale(asked ?? query?.lang, req.headers["accept-language"], fallback);
    const t = webText(locale);
    // After a form (a POST), the switch leads to the page the form was on.
    const path = switchPath ?? (req.method === "GET" || req.method === "HEAD" ? req.url.split("?")[0] ?? "/" : "/");
    return {
      locale,
      t,
      lq: explicit ? `?lang=${locale}` : "",
      langs: LOCALES.map((l) => ({ code: l, name: LANGUAGE_NAMES[l], href: `${path}?lang=${l}`, current: l === locale })),
    };
  }

  // A page without form state is the same for every visitor in a language: rendered once per
  // period of the rows' cache (same freshness), not once per visitor.
  const cacheMs = o.cacheMs ?? 5_000;
  const rendered = new Map<string, { at: number; html: string }>();
  async function page(reply: FastifyReply, template: string, status: number, values: Record<string, unknown> | (() => Record<string, unknown>), cacheKey?: string) {
    let html: string;
    const hit = cacheKey && cacheMs > 0 ? rendered.get(cacheKey) : undefined;
    if (hit && performance.now() - hit.at < cacheMs) html = hit.html;
    else {
      html = await reply.viewAsync(template, typeof values === "function" ? values() : values);
      if (cacheKey && cacheMs > 0) {
        if (rendered.size > 2_000) rendered.clear();
        rendered.set(cacheKey, { at: performance.now(), html });
      }
    }
    return reply.code(status).header("content-type", "text/html; charset=utf-8").header("vary", "Accept-Language").header("cache-control", "no-store").send(html);
  }

  async function communePage(req: FastifyRequest, reply: FastifyReply, slug: string, form: { status: number; errors?: Record<string, string>; values?: Record<string, string> }) {
    const rows = SLUG.test(slug) ? await data.communeRows(slug) : null;
    if (!rows) return notFound(req, reply);
    const f = frame(req, rows.commune.languages, form.values?.lang, `/c/${rows.commune.slug}`);
    const plain = !form.errors && !form.values;
    const values = () => {
      const c = communeView(rows, f.locale, f.t);
      return { ...f, title: c.name, c, errors: form.errors ?? {}, values: form.values ?? {}, limits: { min: IDEA_MIN, max: CITIZEN_IDEA_MAX, email: EMAIL_MAX } };
    };
    return page(reply, "commune", form.status, values, plain ? `commune|${rows.commune.slug}|${f.locale}|${f.lq}` : undefined);
  }

  async function notFound(req: FastifyRequest, reply: FastifyReply) {
    return problem(req, reply, 404, "notFound");
  }

  async function problem(req: FastifyRequest, reply: FastifyReply, status: number, kind: "notFound" | "error" | "tooMany" | "tooLarge" | "badRequest") {
    try {
      const f = frame(req);
      return await page(reply, "problem", status, { ...f, title: f.t(`page.${kind}`), kind });
    } catch {
      // The error page itself failed: a bare answer, still without details.
      return reply.code(status).header("content-type", "text/plain; charset=utf-8").send(`${status}\n`);
    }
  }

  app.setNotFoundHandler((req, reply) => notFound(req, reply));
  app.setErrorHandler((err: { statusCode?: number; code?: string }, req, reply) => {
    const status = typeof err.statusCode === "number" && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500) o.logger.error({ err, path: req.url.split("?")[0] }, "public page failed");
    const kind = status === 404 ? "notFound" : status === 413 ? "tooLarge" : status === 429 ? "tooMany" : status >= 500 ? "error" : "badRequest";
    return problem(req, reply, status, kind);
  });

  app.get("/assets/site.css", (_req, reply) => reply.header("content-type", "text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(css));
  app.get("/robots.txt", (_req, reply) => reply.header("content-type", "text/plain; charset=utf-8").send("User-agent: *\nDisallow: /s/\nDisallow: /effacer/\n"));

  app.get("/", { config: pageLimit }, async (req, reply) => {
    const f = frame(req);
    const communes = await data.communes();
    const values = () => {
      const list = communes.map((c) => ({ name: c.name, slug: c.slug, province: c.province ?? c.region, status: communeStatusLine(c, f.locale, f.t), candidate: c.status === "candidate" }));
      return { ...f, title: f.t("network.title"), communes: list, map: communes.some((c) => c.latitude !== null) };
    };
    return page(reply, "network", 200, values, `network|${f.locale}|${f.lq}`);
  });

  let mapCache: { at: number; locale: Locale; svg: string }[] = [];
  app.get("/carte.svg", { config: pageLimit }, async (req, reply) => {
    const { locale } = frame(req);
    let hit = mapCache.find((m) => m.locale === locale && performance.now() - m.at < 60_000);
    if (!hit) {
      const { mapPoints, renderMapSvg } = await loadMap();
      const communes = await data.communes();
      const byId = new Map(communes.map((c) => [c.id, c]));
      const published = await o.services.community.initiatives.list({ statuses: ["published"], limit: 5000 });
      const { points } = mapPoints(published.filter((i) => byId.has(i.communeId)), byId);
      const kt = translator(locale);
      const svg = renderMapSvg(await o.services.community.geo.outline(), communes, points, {
        title: webText(locale)("network.map"),
        subtitle: `${points.length} · ${new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: "long", timeZone: "Europe/Brussels" }).format(o.services.clock())}`,
        kindLabel: (k) => kt(`initiative.kind.${k}` as MessageKey),
      });
      hit = { at: performance.now(), locale, svg };
      mapCache = [...mapCache.filter((m) => m.locale !== locale), hit];
    }
    return reply.header("content-type", "image/svg+xml; charset=utf-8").header("cache-control", "public, max-age=300").send(hit.svg);
  });

  app.get<{ Params: { slug: string } }>("/c/:slug", { config: pageLimit }, (req, reply) => communePage(req, reply, req.params.slug, { status: 200 }));

  app.get<{ Params: { slug: string } }>(
    "/c/:slug/embed",
    // The one page other sites may frame (a commune's own website).
    { config: pageLimit, helmet: { contentSecurityPolicy: { useDefaults: false, directives: { ...CSP, frameAncestors: ["*"] } }, frameguard: false, crossOriginOpenerPolicy: false } },
    async (req, reply) => {
      const rows = SLUG.test(req.params.slug) ? await data.communeRows(req.params.slug) : null;
      if (!rows) return notFound(req, reply);
      const f = frame(req, rows.commune.languages);
      const pageUrl = `${base(req)}/c/${rows.commune.slug}${f.lq}`;
      const values = () => {
        const c = communeView(rows, f.locale, f.t);
        return { ...f, title: c.name, c, pageUrl };
      };
      return page(reply, "embed", 200, values, `embed|${f.locale}|${pageUrl}`);
    },
  );

  const qrCache = new Map<string, Buffer | string>();
  for (const ext of ["png", "svg"] as const) {
    app.get<{ Params: { slug: string } }>(`/c/:slug/qr.${ext}`, { config: pageLimit, helmet: { crossOriginResourcePolicy: { policy: "cross-origin" } } }, async (req, reply) => {
      const commune = SLUG.test(req.params.slug) ? await data.commune(req.params.slug) : null;
      if (!commune) return notFound(req, reply);
      const url = `${base(req)}/c/${commune.slug}`;
      const key = `${ext}:${url}`;
      let body = qrCache.get(key);
      if (!body) {
        body = ext === "png" ? await QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 600 }) : await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
        if (qrCache.size > 500) qrCache.clear();
        qrCache.set(key, body);
      }
      return reply
        .header("content-type", ext === "png" ? "image/png" : "image/svg+xml; charset=utf-8")
        .header("content-disposition", `inline; filename="qr-${commune.slug}.${ext}"`)
        .header("cache-control", "public, max-age=86400")
        .send(body);
    });
  }

  /** The form's fields as one string each; anything else (a repeated field, an object) is a bad request. */
  function fields(req: FastifyRequest, names: readonly string[]): Record<string, string> | null {
    const body = req.body;
    if (!body || typeof body !== "object" || Array.isArray(body)) return null;
    const out: Record<string, string> = {};
    for (const name of names) {
      const v = (body as Record<string, unknown>)[name];
      if (v === undefined) continue;
      const s = oneString(v);
      if (s === undefined) return null;
      out[name] = s;
    }
    return out;
  }

  app.post<{ Params: { slug: string } }>("/c/:slug/idee", { config: { rateLimit: { max: limits.ideas, timeWindow: limits.windowMs } } }, async (req, reply) => {
    const commune = SLUG.test(req.params.slug) ? await data.commune(req.params.slug) : null;
    if (!commune) return notFound(req, reply);
    const form = fields(req, ["texte", "email", "consent", "website", "lang"]);
    if (!form || form.texte === undefined) return problem(req, reply, 400, "badRequest");
    const text = plainText(form.texte);
    const email = (form.email ?? "").trim();
    const consent = form.consent === "oui";
    // A robot fills every field, the hidden one too: it is told "thank you" and nothing is kept.
    if (form.website) {
      o.logger.warn({ commune: commune.slug }, "public idea form: honeypot filled, dropped");
      return thanks(req, reply, commune, null, form.lang);
    }
    const f = frame(req, commune.languages, form.lang);
    const errors: Record<string, string> = {};
    if (text.length < IDEA_MIN) errors.texte = f.t("error.textShort", { min: IDEA_MIN });
    else if (text.length > CITIZEN_IDEA_MAX || form.texte.length > CITIZEN_IDEA_MAX * 2) errors.texte = f.t("error.textLong", { max: CITIZEN_IDEA_MAX });
    if (email && !isEmail(email)) errors.email = f.t("error.email");
    else if (email && !consent) errors.consent = f.t("error.consent");
    if (Object.keys(errors).length) {
      return communePage(req, reply, commune.slug, { status: 400, errors, values: { texte: form.texte.slice(0, CITIZEN_IDEA_MAX * 2), email: email.slice(0, EMAIL_MAX), consent: consent ? "oui" : "", lang: form.lang ?? "" } });
    }
    const { eraseToken } = await proposeCitizenIdea(o.services, commune, { text, email: email || undefined, consent });
    return thanks(req, reply, commune, eraseToken ? `${base(req)}/effacer/${eraseToken}` : null, form.lang);
  });

  async function thanks(req: FastifyRequest, reply: FastifyReply, commune: Commune, eraseUrl: string | null, lang: string | undefined) {
    const f = frame(req, commune.languages, lang, `/c/${commune.slug}`);
    return page(reply, "thanks", 200, { ...f, title: f.t("idea.thanksTitle"), heading: f.t("idea.thanksTitle"), text: f.t("idea.thanks", { commune: commune.name }), eraseUrl, back: { href: `/c/${commune.slug}${f.lq}`, label: f.t("survey.back", { commune: commune.name }) } });
  }

  async function surveyPage(req: FastifyRequest, reply: FastifyReply, id: string, status: number, opts: { error?: string; lang?: string } = {}) {
    const poll = UUID.test(id) ? await o.services.community.polls.get(id) : null;
    const commune = poll?.isPublic && poll.communeId ? (await data.communes()).find((c) => c.id === poll.communeId) : undefined;
    if (!poll || !commune) return notFound(req, reply);
    const f = frame(req, [poll.language, ...commune.languages], opts.lang, `/s/${poll.id}`);
    const open = isOpen(poll, o.services.clock());
    const closes = poll.closesAt ? f.t("survey.closesAt", { when: new Intl.DateTimeFormat(INTL_TAG[f.locale], { dateStyle: "long", timeStyle: "short", timeZone: commune.timeZone }).format(poll.closesAt) }) : null;
    return page(reply, "survey", status, {
      ...f,
      title: poll.question,
      poll: { id: poll.id, question: poll.question, choices: poll.choices, open, closes, lang: poll.language },
      commune: { name: commune.name, slug: commune.slug },
      error: opts.error ?? null,
      url: publicPollUrl(base(req), poll.id),
    });
  }

  app.get<{ Params: { id: string } }>("/s/:id", { config: pageLimit }, (req, reply) => surveyPage(req, reply, req.params.id, 200));

  app.post<{ Params: { id: string } }>("/s/:id", { config: { rateLimit: { max: limits.answers, timeWindow: limits.windowMs } } }, async (req, reply) => {
    const form = fields(req, ["choix", "website", "lang"]);
    if (!form) return problem(req, reply, 400, "badRequest");
    if (!UUID.test(req.params.id)) return notFound(req, reply);
    const choice = form.choix !== undefined && /^\d{1,2}$/.test(form.choix) ? Number(form.choix) - 1 : -1;
    if (form.website) return surveyThanks(req, reply, req.params.id, form.lang);
    if (choice < 0) return surveyPage(req, reply, req.params.id, 400, { error: "error.choice", lang: form.lang });
    try {
      await answerPublicPoll(o.services, req.params.id, choice);
    } catch (err) {
      if (!(err instanceof CdceError)) throw err;
      if (err.code === "poll.not_found") return notFound(req, reply);
      return surveyPage(req, reply, req.params.id, err.code === "poll.closed" ? 409 : 400, { error: err.code === "poll.closed" ? "survey.closed" : "error.choice", lang: form.lang });
    }
    return surveyThanks(req, reply, req.params.id, form.lang);
  });

  async function surveyThanks(req: FastifyRequest, reply: FastifyReply, id: string, lang: string | undefined) {
    const poll = UUID.test(id) ? await o.services.community.polls.get(id) : null;
    const commune = poll?.communeId ? (await data.communes()).find((c) => c.id === poll.communeId) : undefined;
    if (!poll || !commune || !poll.isPublic) return notFound(req, reply);
    const f = frame(req, commune.languages, lang, `/c/${commune.slug}`);
    return page(reply, "thanks", 200, { ...f, title: f.t("idea.thanksTitle"), heading: f.t("idea.thanksTitle"), text: f.t("survey.thanks"), eraseUrl: null, back: { href: `/c/${commune.slug}${f.lq}`, label: f.t("survey.back", { commune: commune.name }) } });
  }

  const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
  app.get<{ Params: { token: string } }>("/effacer/:token", { config: pageLimit }, async (req, reply) => {
    if (!TOKEN.test(req.params.token)) return notFound(req, reply);
    const f = frame(req);
    return page(reply, "erase", 200, { ...f, title: f.t("erase.title"), token: req.params.token, done: null });
  });
  app.post<{ Params: { token: string } }>("/effacer/:token", { config: { rateLimit: { max: limits.erasures, timeWindow: limits.windowMs } } }, async (req, reply) => {
    if (!TOKEN.test(req.params.token)) return notFound(req, reply);
    const form = fields(req, ["lang"]);
    const f = frame(req, undefined, form?.lang, `/effacer/${req.params.token}`);
    const erased = await o.services.community.ideas.eraseContact(req.params.token);
    return page(reply, "erase", 200, { ...f, title: f.t("erase.title"), token: req.params.token, done: erased ? "erase.done" : "erase.none" });
  });

  app.get("/cal/*", { config: pageLimit }, async (req, reply) => {
    if (!o.feeds) return notFound(req, reply);
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    // The path with its query string: a feed's language may be asked there (`?lang=nl`).
    const answer = await o.feeds({ path: req.url, headers });
    if (!answer) return notFound(req, reply);
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  });

  return app;
}

export interface PublicWeb {
  port(): number;
  close(): Promise<void>;
}

/** Listens on `port` (0: any free one) at `host` (unset: every interface). */
export async function startPublicWeb(o: PublicWebOptions & { port: number; host?: string }): Promise<PublicWeb> {
  const app = await buildPublicWeb(o);
  await app.listen({ port: o.port, host: o.host ?? "::" }).catch(async (err: NodeJS.ErrnoException) => {
    // A machine without IPv6 listens on every IPv4 interface instead.
    if (o.host || (err.code !== "EAFNOSUPPORT" && err.code !== "EADDRNOTAVAIL")) throw err;
    await app.listen({ port: o.port, host: "0.0.0.0" });
  });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : o.port;
  o.logger.info({ port, host: o.host ?? "*" }, "public pages listening");
  return { port: () => port, close: () => app.close() };
}

export type { WebT };
