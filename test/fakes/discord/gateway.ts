/**
 * The fake Gateway: the real protocol over a WebSocket (JSON encoding, no compression).
 * HELLO on connect; IDENTIFY -> READY (session_id, resume_gateway_url) then GUILD_CREATE
 * per guild; heartbeat op 1 -> op 11; RESUME op 6 -> missed events replayed then RESUMED,
 * or op 9 (invalid session) when the session is unknown. Close codes and invalid sessions
 * are triggered on demand. Every dispatch gets the session's next sequence number and is
 * kept, so a RESUME replays what the client missed while disconnected.
 */
import type { IncomingMessage, Server } from "node:http";
import { WebSocket, WebSocketServer } from "ws";
import { snowflake } from "./model.js";

interface Session {
  id: string;
  seq: number;
  events: { s: number; t: string; d: unknown }[];
  socket?: WebSocket;
}

export interface GatewayHooks {
  token: string;
  heartbeatIntervalMs: number;
  /** The READY payload's `d`, given the session. */
  ready(sessionId: string, resumeUrl: string): Record<string, unknown>;
  /** GUILD_CREATE payloads sent after READY. */
  guilds(): Record<string, unknown>[];
  /** Told of every gateway happening, for tests to wait on. */
  emit(event: string, detail?: unknown): void;
}

export class FakeGateway {
  private readonly wss: WebSocketServer;
  private session: Session | undefined;
  private readonly sockets = new Set<WebSocket>();
  /** Counters that tests assert on. */
  readonly stats = { connections: 0, identifies: 0, resumes: 0, heartbeats: 0, invalidSessions: 0 };
  /** The last IDENTIFY payload (intents, properties...). */
  lastIdentify: Record<string, unknown> | undefined;

  constructor(
    server: Server,
    private readonly url: () => string,
    private readonly hooks: GatewayHooks,
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on("connection", (ws, req) => this.onConnection(ws, req));
  }

  /** Whether a client is connected with a live (identified or resumed) session. */
  get connected(): boolean {
    return !!this.session?.socket && this.session.socket.readyState === WebSocket.OPEN;
  }

  private onConnection(ws: WebSocket, req: IncomingMessage) {
    this.stats.connections++;
    this.sockets.add(ws);
    ws.on("close", () => {
      this.sockets.delete(ws);
      if (this.session?.socket === ws) this.session.socket = undefined;
    });
    const params = new URL(req.url ?? "/", "ws://x").searchParams;
    if (params.get("v") !== "10" || params.get("encoding") !== "json") return ws.close(4012, "Invalid API version");
    ws.on("message", (raw) => this.onPayload(ws, raw.toString()));
    this.send(ws, { op: 10, d: { heartbeat_interval: this.hooks.heartbeatIntervalMs }, s: null, t: null });
    this.hooks.emit("connection");
  }

  private send(ws: WebSocket, payload: unknown) {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
  }

  private onPayload(ws: WebSocket, raw: string) {
    let payload: { op: number; d: Record<string, unknown> | null };
    try {
      payload = JSON.parse(raw) as typeof payload;
    } catch {
      return ws.close(4002, "Decode error");
    }
    const d = payload.d ?? {};
    switch (payload.op) {
      case 1:
        this.stats.heartbeats++;
        this.send(ws, { op: 11, d: null, s: null, t: null });
        this.hooks.emit("heartbeat");
        return;
      case 2: {
        if (d.token !== this.hooks.token) return ws.close(4004, "Authentication failed");
        if (typeof d.intents !== "number") return ws.close(4013, "Invalid intent(s)");
        this.stats.identifies++;
        this.lastIdentify = d;
        this.session = { id: snowflake(), seq: 0, events: [], socket: ws };
        this.dispatch("READY", this.hooks.ready(this.session.id, this.url()));
        for (const g of this.hooks.guilds()) this.dispatch("GUILD_CREATE", g);
        this.hooks.emit("identify", d);
        return;
      }
      case 6: {
        this.stats.resumes++;
        const s = this.session;
        if (d.token !== this.hooks.token || !s || s.id !== d.session_id) {
          // Not resumable: the client must identify again.
          this.stats.invalidSessions++;
          this.send(ws, { op: 9, d: false, s: null, t: null });
          return;
        }
        s.socket = ws;
        const from = Number(d.seq ?? 0);
        for (const e of s.events.filter((ev) => ev.s > from)) this.send(ws, { op: 0, ...e });
        this.dispatch("RESUMED", {});
        this.hooks.emit("resume", d);
        return;
      }
      default:
        // Presence updates, voice state, member requests: not used by this bot.
        return;
    }
  }

  /** Sends an event on the session (kept for replay if the client is away). */
  dispatch(t: string, d: unknown): void {
    const s = this.session;
    if (!s) throw new Error(`fake gateway: no session to dispatch ${t}`);
    const event = { s: ++s.seq, t, d };
    // READY and RESUMED are part of the handshake, never replayed.
    if (t !== "READY" && t !== "RESUMED") s.events.push(event);
    if (s.socket) this.send(s.socket, { op: 0, ...event });
  }

  /** Asks the client for a heartbeat now (op 1 from the server). */
  requestHeartbeat(): void {
    if (this.session?.socket) this.send(this.session.socket, { op: 1, d: this.session.seq, s: null, t: null });
  }

  /** Closes the connection with `code`; the session stays resumable (4000 = unknown error). */
  close(code = 4000): void {
    this.session?.socket?.close(code, "fake close");
  }

  /** Sends op 9 with `d: false` and forgets the session: the client must re-identify. */
  invalidateSession(): void {
    const s = this.session;
    if (!s?.socket) return;
    this.stats.invalidSessions++;
    this.send(s.socket, { op: 9, d: false, s: null, t: null });
    this.session = { ...s, id: `dead-${s.id}`, socket: s.socket };
  }

  async shutdown(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
