/**
 * The Socket Mode side of the fake Slack: `apps.connections.open` hands out
 * `ws://127.0.0.1:PORT/link/?ticket=N`; on connection the server says `hello` (without it the
 * client never starts), sends envelopes (`slash_commands`, `interactive`) with an
 * `envelope_id`, records the client's acks `{envelope_id, payload}`, and can ask the client
 * to reconnect with `{"type":"disconnect"}`.
 */
import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import { WebSocketServer, type WebSocket } from "ws";
import { Recorder, WAIT_MS } from "./records.js";

export interface Ack {
  envelope_id: string;
  payload?: Record<string, any>;
}

export class FakeSocketMode {
  readonly acks = new Recorder<Ack>("Socket Mode ack");
  /** One entry per WebSocket connection that received `hello`. */
  readonly connections = new Recorder<{ ticket: string; socket: WebSocket }>("Socket Mode connection");
  private readonly wss: WebSocketServer;
  private ticket = 0;
  private readonly pinger: NodeJS.Timeout;

  constructor(server: Server, private readonly baseUrl: () => string) {
    this.wss = new WebSocketServer({ server, path: "/link/" });
    this.wss.on("connection", (socket, req) => {
      const ticket = new URL(req.url ?? "", "http://x").searchParams.get("ticket") ?? "";
      socket.on("message", (data) => {
        let msg: Ack;
        try {
          msg = JSON.parse(String(data)) as Ack;
        } catch {
          return;
        }
        if (msg.envelope_id) this.acks.push(msg);
      });
      socket.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "fake-slack", approximate_connection_time: 18060 }, connection_info: { app_id: "A0CDCE" } }));
      this.connections.push({ ticket, socket });
    });
    // Slack pings every connection regularly; the client reconnects after 30 s without one.
    this.pinger = setInterval(() => {
      for (const c of this.wss.clients) if (c.readyState === c.OPEN) c.ping();
    }, 5000);
    this.pinger.unref();
  }

  /** URL for the next `apps.connections.open`. */
  nextUrl(): string {
    return `${this.baseUrl().replace(/^http/, "ws")}/link/?ticket=${++this.ticket}`;
  }

  /** The newest open connection. */
  current(): WebSocket {
    const open = this.connections.items.filter((c) => c.socket.readyState === c.socket.OPEN);
    const last = open[open.length - 1];
    if (!last) throw new Error("fake slack: no open Socket Mode connection");
    return last.socket;
  }

  /** The newest open connection, waiting for one while the client reconnects. */
  async open(timeoutMs = WAIT_MS): Promise<WebSocket> {
    const open = (c: { socket: WebSocket }) => c.socket.readyState === c.socket.OPEN;
    if (this.connections.items.some(open)) return this.current();
    return (await this.connections.next(open, { skip: this.connections.filter(open).length, timeoutMs })).socket;
  }

  /** Sends an envelope on the newest connection and resolves with the client's ack. */
  async send(type: "slash_commands" | "interactive" | "events_api", payload: Record<string, unknown>, timeoutMs = WAIT_MS): Promise<Ack> {
    const envelope_id = randomUUID();
    // Slack holds envelopes while an app reconnects: so does the fake.
    (await this.open(timeoutMs)).send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: true, retry_attempt: 0, retry_reason: "" }));
    return this.acks.next((a) => a.envelope_id === envelope_id, { timeoutMs });
  }

  /** Slack's "please reconnect" (it sends this before recycling a connection). */
  disconnect(reason = "refresh_requested"): void {
    this.current().send(JSON.stringify({ type: "disconnect", reason, debug_info: { host: "fake-slack" } }));
  }

  async close(): Promise<void> {
    clearInterval(this.pinger);
    for (const c of this.wss.clients) c.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
