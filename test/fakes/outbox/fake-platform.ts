/**
 * A fake chat platform on 127.0.0.1 for the outbox tests and the bench: it records every
 * delivery (so a duplicate or a loss shows), enforces a published per-channel limit by
 * arrival time (`limit` posts per sliding `windowMs`) and answers 429 with Retry-After
 * beyond it, and can be told to fail: 500s, 429s, requests that hang, and the nasty one,
 * a post that is recorded but never answered (the client times out although it went through).
 *
 * Protocol: `POST /post {workspace, channel, key, text}` -> `{id}`;
 * `GET /find?channel=&key=` -> `{id}` or 404 (the platform's history, for findSent).
 */
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Delivery {
  id: string;
  workspace: string;
  channel: string;
  key: string;
  text: string;
  /** performance.now() at arrival, in the process running the fake. */
  at: number;
  /** Wall clock at arrival (ms). */
  wall: number;
  /** `x-replica` header of the sender, when it sends one. */
  replica?: string;
}

export type Fault = "500" | "429" | "hang" | "deliver-then-hang" | "403";

export interface FakePlatformOptions {
  /** At most `limit` accepted posts per channel in any `windowMs` (by arrival). Default 1 per 1000 ms. */
  limit?: number;
  windowMs?: number;
  /** Delay before answering an accepted post (simulated latency). */
  latencyMs?: number;
}

export class FakePlatform {
  readonly deliveries: Delivery[] = [];
  readonly byKey = new Map<string, Delivery[]>();
  /** Every 429 answered (limit exceeded or injected). */
  rateLimited = 0;
  /** Posts refused because they came too early (the subset of `rateLimited` not injected). */
  overLimit = 0;
  readonly forbidden = new Set<string>();
  private readonly faults: Array<{ fault: Fault; times: number; channel?: string; retryAfterMs?: number }> = [];
  private readonly recent = new Map<string, number[]>();
  private readonly events = new EventEmitter();
  private readonly hanging = new Set<ServerResponse>();
  private seq = 0;
  private server!: Server;
  readonly limit: number;
  readonly windowMs: number;

  private constructor(private readonly options: FakePlatformOptions) {
    this.limit = options.limit ?? 1;
    this.windowMs = options.windowMs ?? 1000;
    this.events.setMaxListeners(100);
  }

  static async start(options: FakePlatformOptions = {}): Promise<FakePlatform> {
    const fake = new FakePlatform(options);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    fake.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next `times` posts (to `channel`, or any) fail as said. */
  failNext(fault: Fault, times = 1, o: { channel?: string; retryAfterMs?: number } = {}): void {
    this.faults.push({ fault, times, ...o });
  }

  /** Keys delivered more than once. */
  duplicates(): string[] {
    return [...this.byKey].filter(([, list]) => list.length > 1).map(([k]) => k);
  }

  /** Waits until `count` distinct keys were delivered (or fails after `timeoutMs`). */
  waitForKeys(count: number, timeoutMs: number): Promise<void> {
    if (this.byKey.size >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off("delivery", check);
        reject(new Error(`fake platform: ${this.byKey.size} of ${count} keys delivered after ${timeoutMs} ms`));
      }, timeoutMs);
      const check = () => {
        if (this.byKey.size < count) return;
        clearTimeout(timer);
        this.events.off("delivery", check);
        resolve();
      };
      this.events.on("delivery", check);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://x");
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}): void =>
      void res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
    if (req.method === "GET" && url.pathname === "/find") {
      const list = this.byKey.get(url.searchParams.get("key") ?? "")?.filter((d) => d.channel === url.searchParams.get("channel"));
      return list?.length ? json(200, { id: list[0]!.id }) : json(404, { error: "not_found" });
    }
    if (req.method !== "POST" || url.pathname !== "/post") return json(404, { error: "unknown_method" });
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { workspace: string; channel: string; key: string; text: string };
    const i = this.faults.findIndex((f) => f.times > 0 && (!f.channel || f.channel === body.channel));
    const fault = i >= 0 ? this.faults[i]! : undefined;
    if (fault) fault.times--;
    if (fault?.fault === "hang") return void this.hanging.add(res);
    if (fault?.fault === "500") return json(500, { error: "internal_error" });
    if (fault?.fault === "403" || this.forbidden.has(body.channel)) return json(403, { error: "not_in_channel" });
    if (fault?.fault === "429") return this.tooMany(res, fault.retryAfterMs ?? 1000);
    const now = performance.now();
    const times = (this.recent.get(body.channel) ?? []).filter((t) => t > now - this.windowMs);
    if (times.length >= this.limit) {
      this.overLimit++;
      return this.tooMany(res, Math.ceil(times[0]! + this.windowMs - now));
    }
    times.push(now);
    this.recent.set(body.channel, times);
    const d: Delivery = { id: `m${++this.seq}`, workspace: body.workspace, channel: body.channel, key: body.key, text: body.text, at: now, wall: Date.now() };
    const replica = req.headers["x-replica"];
    if (typeof replica === "string") d.replica = replica;
    this.deliveries.push(d);
    const list = this.byKey.get(d.key) ?? [];
    list.push(d);
    this.byKey.set(d.key, list);
    this.events.emit("delivery", d);
    if (fault?.fault === "deliver-then-hang") return void this.hanging.add(res);
    const answer = (): void => json(200, { id: d.id });
    if (this.options.latencyMs) setTimeout(answer, this.options.latencyMs);
    else answer();
  }

  private tooMany(res: ServerResponse, retryAfterMs: number): void {
    this.rateLimited++;
    res.writeHead(429, { "content-type": "application/json", "retry-after": String(Math.max(1, Math.ceil(retryAfterMs / 1000))) });
    res.end(JSON.stringify({ error: "ratelimited", retry_after_ms: retryAfterMs }));
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
