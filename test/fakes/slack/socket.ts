/**
 * The Socket Mode side of the fake Slack: `apps.connections.open` hands out
 * `ws://127.0.0.1:PORT/link/?ticket=N`; on connection the server says `hello` (without it the
 * client never starts), sends envelopes (`slash_commands`, `interactive`, `events_api`) with an
 * `envelope_id`, records the client's acks `{envelope_id, payload}`, and can ask the client
 * to reconnect with `{"type":"disconnect"}`.
 *
 * As Slack does, an app may hold several connections at once: each envelope goes to one of
 * them (in turn here), never to a connection that was told to disconnect, and a connection
 * told `disconnect` is closed by the server a little later (Slack recycles it).
 */
import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import { WebSocketServer, type WebSocket } from "ws";
import { Recorder, WAIT_MS } from "./records.js";

export interface Ack {
  envelope_id: string;
  payload?: Record<string, any>;
}

export interface FakeConnection {
  ticket: string;
  socket: WebSocket;
  /** The reason of the `disconnect` the server sent on it, if any: it gets no more envelopes. */
  retired?: string;
}

export type EnvelopeType = "slash_commands" | "interactive" | "events_api";

export class FakeSocketMode {
  readonly acks = new Recorder<Ack>("Socket Mode ack");
  /** One entry per WebSocket connection that received `hello`. */
  readonly connections = new Recorder<FakeConnection>("Socket Mode connection");
  /** Envelopes sent, with the ticket of the connection each went to. */
  readonly envelopes = new Recorder<{ envelope_id: string; type: EnvelopeType; ticket: string }>("Socket Mode envelope");
  /**
   * true (default): an envelope waits for a connection while the app reconnects, which keeps
   * tests about other things simple. false: as Slack does for a slash command or a click, an
   * envelope with no open connection at that moment fails at once (the user sees
   * "dispatch_failed"): `send` rejects.
   */
  holdEnvelopes = true;
  private readonly wss: WebSocketServer;
  private ticket = 0;
  private turn = 0;
  private readonly pinger: NodeJS.Timeout;
  private readonly timers = new Set<NodeJS.Timeout>();

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
      const numConnections = this.live().length + 1;
      socket.send(JSON.stringify({ type: "hello", num_connections: numConnections, debug_info: { host: "fake-slack", approximate_connection_time: 18060 }, connection_info: { app_id: "A0CDCE" } }));
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

  /** Open connections that may receive envelopes (not told to disconnect), oldest first. */
  live(): FakeConnection[] {
    return this.connections.items.filter((c) => c.socket.readyState === c.socket.OPEN && !c.retired);
  }

  /** The newest open connection that may receive envelopes. */
  current(): WebSocket {
    const live = this.live();
    const last = live[live.length - 1];
    if (!last) throw new Error("fake slack: no open Socket Mode connection");
    return last.socket;
  }

  /** The next connection to receive an envelope (in turn), waiting for one while the client reconnects. */
  async open(timeoutMs = WAIT_MS): Promise<FakeConnection> {
    const isLive = (c: FakeConnection) => c.socket.readyState === c.socket.OPEN && !c.retired;
    let live = this.live();
    if (!live.length) {
      if (!this.holdEnvelopes) throw new Error("fake slack: dispatch_failed: no open Socket Mode connection when the envelope was sent");
      await this.connections.next(isLive, { skip: this.connections.filter(isLive).length, timeoutMs });
      live = this.live();
    }
    return live[this.turn++ % live.length]!;
  }

  /** Sends an envelope on one open connection and resolves with the client's ack. */
  async send(type: EnvelopeType, payload: Record<string, unknown>, timeoutMs = WAIT_MS): Promise<Ack> {
    const envelope_id = randomUUID();
    const connection = await this.open(timeoutMs);
    // An event's ack carries nothing back (Slack: accepts_response_payload false for events_api).
    connection.socket.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== "events_api", retry_attempt: 0, retry_reason: "" }));
    this.envelopes.push({ envelope_id, type, ticket: connection.ticket });
    return this.acks.next((a) => a.envelope_id === envelope_id, { timeoutMs });
  }

  /**
   * Sends an envelope already sent once again, as Slack does when it got no ack in time
   * (`retry_attempt` 1), on another open connection than the first time; resolves with that ack.
   */
  async redeliver(envelope_id: string, payload: Record<string, unknown>, timeoutMs = WAIT_MS): Promise<Ack> {
    const first = this.envelopes.items.find((e) => e.envelope_id === envelope_id);
    if (!first) throw new Error("fake slack: no such envelope to deliver again");
    const other = this.live().find((c) => c.ticket !== first.ticket);
    if (!other) throw new Error("fake slack: no other open connection to deliver again on");
    const before = this.acks.filter((a) => a.envelope_id === envelope_id).length;
    other.socket.send(JSON.stringify({ envelope_id, type: first.type, payload, accepts_response_payload: true, retry_attempt: 1, retry_reason: "timeout" }));
    this.envelopes.push({ envelope_id, type: first.type, ticket: other.ticket });
    return this.acks.next((a) => a.envelope_id === envelope_id, { skip: before, timeoutMs });
  }

  /**
   * Slack's "please reconnect", sent before it recycles a connection (`refresh_requested`,
   * or `warning` some seconds ahead): the connection gets no more envelopes, and the server
   * closes it after `closeAfterMs` if the client has not.
   */
  disconnect(reason: "refresh_requested" | "warning" | "link_disabled" = "refresh_requested", closeAfterMs = 2000): FakeConnection {
    const live = this.live();
    const target = live[live.length - 1];
    if (!target) throw new Error("fake slack: no open Socket Mode connection");
    target.retired = reason;
    target.socket.send(JSON.stringify({ type: "disconnect", reason, debug_info: { host: "fake-slack" } }));
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (target.socket.readyState === target.socket.OPEN) target.socket.close(1001, "refreshed");
    }, closeAfterMs);
    this.timers.add(timer);
    return target;
  }

  async close(): Promise<void> {
    clearInterval(this.pinger);
    for (const t of this.timers) clearTimeout(t);
    for (const c of this.wss.clients) c.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
