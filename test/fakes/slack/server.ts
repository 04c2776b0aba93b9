/**
 * A fake Slack on 127.0.0.1 (random port) speaking the real protocol: Web API methods as
 * POSTs to `/api/<method>` (form-encoded or JSON, token in `Authorization: Bearer`),
 * response_url endpoints, and the Socket Mode WebSocket (see socket.ts). It checks what
 * Slack checks (tokens, message limits, trigger ids) so that a test passes only when the
 * real Slack would have accepted the traffic. Failures (429 with Retry-After, 500, Slack
 * errors) can be injected per method.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Recorder, WAIT_MS } from "./records.js";
import { FakeSocketMode } from "./socket.js";
import { BOT_USER_ID, WebApi, type Failure } from "./web-api.js";

export const TEAM_ID = "T0CDCE";
export const BOT_TOKEN = "xoxb-1111-2222-fakebottokensecret";
export const APP_TOKEN = "xapp-1-A0CDCE-3333-fakeapptokensecret";
export const SIGNING_SECRET = "fake-signing-secret-8f2a9c";

export interface ApiCall {
  method: string;
  args: Record<string, any>;
  token?: string;
  /** HTTP status the fake answered. */
  status: number;
  /** `ok` of the answer body. */
  ok: boolean;
  error?: string;
  /** performance.now() when the call was answered. */
  at: number;
}

export interface ResponsePost {
  /** The response_url path id. */
  id: string;
  body: Record<string, any>;
  status: number;
  /** performance.now() when the post had arrived (for reply latencies). */
  at: number;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The file of an upload URL's POST: Slack takes the raw bytes or a multipart form with the
 * file in it (what @slack/web-api sends); the form is read with the platform's own parser.
 */
async function uploadedBytes(raw: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.startsWith("multipart/form-data")) return raw;
  const form = await new Request("http://upload.invalid/", { method: "POST", headers: { "content-type": contentType }, body: new Uint8Array(raw) }).formData();
  for (const value of form.values()) if (typeof value !== "string") return Buffer.from(await value.arrayBuffer());
  return Buffer.alloc(0);
}

/** Form fields Slack clients send JSON-encoded inside form bodies. */
const JSON_FIELDS = new Set(["blocks", "attachments", "metadata", "view", "user_auth_blocks", "files"]);

export function parseArgs(body: string, contentType: string | undefined): Record<string, any> {
  if (!body) return {};
  if (contentType?.includes("application/json")) return JSON.parse(body) as Record<string, any>;
  const args: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    args[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
  }
  return args;
}

export class FakeSlack {
  readonly calls = new Recorder<ApiCall>("Web API call");
  readonly responses = new Recorder<ResponsePost>("response_url post");
  readonly api: WebApi;
  socket!: FakeSocketMode;
  private server!: Server;
  private responseSeq = 0;
  private eventSeq = 0;
  private readonly responseUses = new Map<string, number>();

  private constructor(readonly options: { botToken: string; appToken: string }) {
    this.api = new WebApi({ teamId: TEAM_ID, botToken: options.botToken, socketUrl: () => this.socket.nextUrl(), uploadUrl: (id) => `${this.url}/upload/${id}`, privateUrl: (id, name) => `${this.url}/files-pri/${TEAM_ID}-${id}/${encodeURIComponent(name)}` });
  }

  static async start(options: Partial<{ botToken: string; appToken: string }> = {}): Promise<FakeSlack> {
    const fake = new FakeSlack({ botToken: options.botToken ?? BOT_TOKEN, appToken: options.appToken ?? APP_TOKEN });
    fake.server = createServer((req, res) => void fake.handle(req, res));
    fake.socket = new FakeSocketMode(fake.server, () => fake.url);
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** What the app's `SLACK_API_URL` must be. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A fresh response_url, as Slack puts in each command and click. */
  newResponseUrl(): string {
    return `${this.url}/response/${++this.responseSeq}`;
  }

  /**
   * The Events API delivery of `app_home_opened` (https://docs.slack.dev/reference/events/app_home_opened):
   * the `event_callback` envelope Slack posts (HTTP) or wraps in an `events_api` envelope
   * (Socket Mode). As Slack does, the event carries the Home tab's current `view` once one
   * was published for that user.
   */
  appHomeOpened(user: string, tab: "home" | "messages" = "home"): Record<string, unknown> {
    const now = Date.now();
    const event: Record<string, unknown> = { type: "app_home_opened", user, channel: `D${user.slice(1)}`, tab, event_ts: (now / 1000).toFixed(6) };
    const view = this.api.homes.get(user);
    if (tab === "home" && view) event.view = view;
    return {
      token: "deprecated-verification-token",
      team_id: TEAM_ID,
      api_app_id: "A0CDCE",
      event,
      type: "event_callback",
      event_id: `Ev${String(++this.eventSeq).padStart(8, "0")}`,
      event_time: Math.floor(now / 1000),
      authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
      event_context: `4-eyJldCI6ImFwcF9ob21lX29wZW5lZCJ9-${this.eventSeq}`,
    };
  }

  /** Makes the next `times` calls of `method` fail as described. */
  failNext(method: string, failure: Failure, times = 1): void {
    this.api.failNext(method, failure, times);
  }

  /** Posts received on one response_url. */
  responsesTo(url: string): ResponsePost[] {
    const id = url.split("/").pop()!;
    return this.responses.filter((r) => r.id === id);
  }

  /** Waits for the `n`-th (1-based) accepted post on a response_url. */
  async response(url: string, n = 1, timeoutMs = WAIT_MS): Promise<ResponsePost> {
    const id = url.split("/").pop()!;
    return this.responses.next((r) => r.id === id && r.status === 200, { skip: n - 1, timeoutMs });
  }

  /** Waits for the `n`-th call of a Web API method (any outcome). */
  call(method: string, n = 1, timeoutMs = WAIT_MS): Promise<ApiCall> {
    return this.calls.next((c) => c.method === method, { skip: n - 1, timeoutMs });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const body = raw.toString("utf8");
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (req.method === "POST" && path.startsWith("/api/")) return this.apiCall(path.slice(5), req, body, res);
    if (req.method === "POST" && path.startsWith("/response/")) return this.responseUrl(path.slice(10), body, res);
    // files.uploadV2 step 2: the bytes, to the URL files.getUploadURLExternal gave.
    if (req.method === "POST" && path.startsWith("/upload/")) {
      const accepted = this.api.receiveUpload(path.slice(8), await uploadedBytes(raw, req.headers["content-type"]));
      res.writeHead(accepted ? 200 : 404, { "content-type": "text/plain" }).end(accepted ? `OK - ${raw.length}` : "not_found");
      return;
    }
    // A file's private url (url_private, url_private_download): with the bot token only, as
    // Slack does; without it Slack answers a redirect to its sign-in page, never the file.
    if (req.method === "GET" && path.startsWith("/files-pri/")) return this.privateFile(path, req, res);
    res.writeHead(404).end();
  }

  /** Private-url downloads, with whether they carried the bot token. */
  readonly downloads: Array<{ path: string; authorized: boolean }> = [];

  private privateFile(path: string, req: IncomingMessage, res: ServerResponse): void {
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : undefined;
    const id = /^\/files-pri\/[^/-]+-([^/]+)\//.exec(path)?.[1] ?? "";
    const file = this.api.privateFile(id, token);
    this.downloads.push({ path, authorized: token === this.options.botToken });
    if (!file) {
      res.writeHead(302, { location: `https://cdce.slack.com/?redir=${encodeURIComponent(path)}`, "content-type": "text/html" }).end("<html>sign in</html>");
      return;
    }
    res.writeHead(200, { "content-type": file.mimetype, "content-length": String(file.data.byteLength) }).end(file.data);
  }

  private apiCall(method: string, req: IncomingMessage, body: string, res: ServerResponse): void {
    let args: Record<string, any>;
    try {
      args = parseArgs(body, req.headers["content-type"]);
    } catch {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, error: "invalid_json" }));
      return;
    }
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : typeof args.token === "string" ? args.token : undefined;
    const answer = this.api.answer(method, args, token, { appToken: this.options.appToken });
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (answer.retryAfter !== undefined) headers["retry-after"] = String(answer.retryAfter);
    if (token === this.options.botToken) headers["x-oauth-scopes"] = [...this.api.scopes].join(",");
    const payload = answer.body === undefined ? "" : JSON.stringify(answer.body);
    res.writeHead(answer.status, headers).end(payload);
    const b = (answer.body ?? {}) as { ok?: boolean; error?: string };
    this.calls.push({ method, args, token, status: answer.status, ok: answer.status === 200 && b.ok === true, error: b.error, at: performance.now() });
  }

  private responseUrl(id: string, body: string, res: ServerResponse): void {
    let parsed: Record<string, any> = {};
    let status = 200;
    let text = "ok";
    try {
      parsed = JSON.parse(body) as Record<string, any>;
    } catch {
      status = 400;
      text = "invalid_payload";
    }
    const uses = (this.responseUses.get(id) ?? 0) + 1;
    this.responseUses.set(id, uses);
    if (status === 200 && Number(id) > this.responseSeq) [status, text] = [404, "expired_url"];
    // Slack takes five posts per response_url.
    if (status === 200 && uses > 5) [status, text] = [404, "used_url"];
    if (status === 200) {
      const problems = this.api.messageProblems(parsed);
      if (problems.length) [status, text] = [400, `invalid_blocks: ${problems.join("; ")}`];
    }
    res.writeHead(status, { "content-type": "text/plain" }).end(text);
    this.responses.push({ id, body: parsed, status, at: performance.now() });
  }

  async close(): Promise<void> {
    await this.socket.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
