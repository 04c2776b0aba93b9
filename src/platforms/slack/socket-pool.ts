/**
 * Socket Mode without a hole at each refresh: a Bolt `Receiver` that holds several Socket
 * Mode connections at once (two by default) instead of one.
 *
 * Why: Slack recycles every Socket Mode connection routinely. It first sends
 * `{"type":"disconnect"}` (reason `warning`, then `refresh_requested`), and the Socket Mode
 * client alone closes its connection and waits (5 s by default) before opening the next one;
 * a slash command or a click typed in that gap is not delivered (Slack does not hold it: the
 * user sees "dispatch_failed"). Slack lets an app hold up to 10 connections and sends each
 * envelope to one of them, so while one connection is being recycled the other answers, and
 * a fresh one is opened at once to take its place.
 *
 * Each connection is a `SocketModeClient` with its own reconnection turned off: this pool
 * replaces a connection that closes (for any reason), with a growing wait only after opens
 * fail. An envelope is acknowledged on the connection it came on and handed to Bolt once: a
 * redelivery of an envelope already being handled (same `envelope_id`, on any connection) is
 * acknowledged and not run again.
 */
import { defaultProcessEventErrorHandler, type App, type Logger as BoltLogger, type Receiver, type ReceiverEvent } from "@slack/bolt";
import { SocketModeClient } from "@slack/socket-mode";
import type { Logger } from "../../core/logger.js";
import { scrub } from "./bolt-logger.js";

export interface SocketPoolOptions {
  appToken: string;
  /** Logger handed to the Socket Mode clients and to Bolt's error handler (scrubbed bridge). */
  boltLogger: BoltLogger;
  /** The service's logger, for the pool's own structured lines. */
  logger: Logger;
  /** Connections held at once (Slack allows 10 per app, shared by every replica). Default 2. */
  size?: number;
  /** Wait for a pong this long before a connection is declared dead (client default 5 s). */
  clientPingTimeoutMs?: number;
  /** Web API base for `apps.connections.open` (tests: the local fake). */
  slackApiUrl?: string;
  /** First wait before opening again after a failed open; doubled each time, at most 30 s. */
  retryDelayMs?: number;
}

interface Connection {
  readonly id: number;
  readonly client: SocketModeClient;
  /** `hello` received: Slack may send envelopes here. */
  ready: boolean;
  /** Slack said `disconnect` (reason): no longer counted, already being replaced. */
  retiring?: string;
}

/** Arguments of the Socket Mode client's `slack_event`. */
interface SlackEventArgs {
  ack: (response?: Record<string, unknown>) => Promise<void>;
  envelope_id: string;
  body: ReceiverEvent["body"];
  retry_num?: number;
  retry_reason?: string;
}

/** How many envelope ids are remembered for de-duplication (Slack retries within minutes). */
const REMEMBERED_ENVELOPES = 5000;
const MAX_RETRY_DELAY_MS = 30_000;

export class SocketModePool implements Receiver {
  private app?: App;
  private readonly connections = new Set<Connection>();
  private readonly seen = new Set<string>();
  private failures = 0;
  private seq = 0;
  private stopping = true;
  private retryTimer?: NodeJS.Timeout;
  private readonly size: number;

  constructor(private readonly o: SocketPoolOptions) {
    this.size = Math.max(1, Math.min(10, o.size ?? 2));
  }

  init(app: App): void {
    this.app = app;
  }

  /** Opens the first connection (its failure, a refused token say, fails the start), then the others. */
  async start(): Promise<void> {
    this.stopping = false;
    await this.open();
    this.replenish();
  }

  /** Closes every connection; nothing is reopened. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const all = [...this.connections];
    this.connections.clear();
    await Promise.all(all.map((c) => c.client.disconnect().catch(() => undefined)));
  }

  /** True while at least one connection can receive envelopes. */
  isConnected(): boolean {
    return [...this.connections].some((c) => c.ready && !c.retiring);
  }

  /** Connections that count towards the pool: open or opening, and not told to disconnect. */
  private liveCount(): number {
    return [...this.connections].filter((c) => !c.retiring).length;
  }

  private async open(): Promise<void> {
    const client = new SocketModeClient({
      appToken: this.o.appToken,
      logger: this.o.boltLogger,
      clientPingTimeout: this.o.clientPingTimeoutMs,
      // This pool replaces closed connections itself, at once; the client alone would wait.
      autoReconnectEnabled: false,
      clientOptions: { slackApiUrl: this.o.slackApiUrl },
    });
    const conn: Connection = { id: ++this.seq, client, ready: false };
    client.on("connected", () => (conn.ready = true));
    client.on("slack_event", (args: SlackEventArgs) => void this.deliver(conn, args));
    // The client closes the connection itself on `disconnect`; this listener runs right after
    // and opens the replacement without waiting for the close to complete.
    client.on("ws_message", (data: unknown, isBinary: boolean) => this.onMessage(conn, data, isBinary));
    client.on("disconnected", () => this.onClosed(conn));
    this.connections.add(conn);
    try {
      await client.start();
    } catch (err) {
      this.connections.delete(conn);
      await client.disconnect().catch(() => undefined);
      throw err ?? new Error("Socket Mode connection closed before hello");
    }
    this.failures = 0;
    this.o.logger.debug({ connection: conn.id, open: this.liveCount() }, "slack socket mode connection open");
  }

  private onMessage(conn: Connection, data: unknown, isBinary: boolean): void {
    if (isBinary) return;
    let message: { type?: string; reason?: string };
    try {
      message = JSON.parse(typeof data === "string" ? data : new TextDecoder().decode(data as ArrayBuffer)) as typeof message;
    } catch {
      return;
    }
    if (message.type !== "disconnect" || conn.retiring) return;
    conn.retiring = message.reason ?? "unknown";
    this.o.logger.info({ connection: conn.id, reason: conn.retiring }, "slack asked to recycle a socket mode connection");
    // Over Slack's connection limit: opening another at once would only be refused again.
    if (conn.retiring === "too_many_websockets") this.scheduleRetry();
    else this.replenish();
  }

  private onClosed(conn: Connection): void {
    if (!this.connections.delete(conn) || this.stopping) return;
    this.o.logger.info({ connection: conn.id, reason: conn.retiring ?? "closed", open: this.liveCount() }, "slack socket mode connection closed");
    if (conn.retiring === "too_many_websockets") this.scheduleRetry();
    else this.replenish();
  }

  /** Opens connections until the pool is full again (failures retry with a growing wait). */
  private replenish(): void {
    if (this.stopping || this.retryTimer) return;
    for (let missing = this.size - this.liveCount(); missing > 0; missing--) {
      this.open().catch((err: unknown) => {
        this.failures++;
        this.o.logger.warn({ error: scrub(describe(err), [this.o.appToken]), failures: this.failures, open: this.liveCount() }, "slack socket mode connection could not be opened");
        this.scheduleRetry();
      });
    }
  }

  private scheduleRetry(): void {
    if (this.stopping || this.retryTimer) return;
    const wait = Math.min(MAX_RETRY_DELAY_MS, (this.o.retryDelayMs ?? 1000) * 2 ** Math.max(0, this.failures - 1));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.replenish();
    }, wait);
    this.retryTimer.unref();
  }

  private async deliver(conn: Connection, args: SlackEventArgs): Promise<void> {
    const ack = this.acker(conn, args);
    if (this.seen.has(args.envelope_id)) {
      // Slack sent it again (our first ack was lost): acknowledge, do not run it twice.
      this.o.logger.debug({ connection: conn.id }, "slack envelope delivered again; acknowledged only");
      await ack();
      return;
    }
    this.remember(args.envelope_id);
    const event: ReceiverEvent = { body: args.body, ack, retryNum: args.retry_num, retryReason: args.retry_reason, customProperties: {} };
    try {
      await this.app?.processEvent(event);
    } catch (error) {
      if (await defaultProcessEventErrorHandler({ error: error as Error, logger: this.o.boltLogger, event })) await ack();
    }
  }

  /**
   * The envelope's ack: once, on the connection it came on. It never throws: an ack lost with
   * a closing connection must not stop the command from being answered (its response_url
   * stays valid); Slack then sends the envelope again, and the redelivery is acknowledged.
   */
  private acker(conn: Connection, args: SlackEventArgs): (response?: Record<string, unknown>) => Promise<void> {
    let done = false;
    return async (response) => {
      if (done) return;
      done = true;
      try {
        await args.ack(response);
      } catch (err) {
        this.o.logger.warn({ connection: conn.id, error: describe(err) }, "slack envelope could not be acknowledged: its connection closed");
      }
    };
  }

  private remember(envelopeId: string): void {
    this.seen.add(envelopeId);
    if (this.seen.size > REMEMBERED_ENVELOPES) this.seen.delete(this.seen.values().next().value!);
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const data = (err as { data?: { error?: unknown } }).data;
    return typeof data?.error === "string" ? data.error : `${err.name}: ${err.message}`;
  }
  return String(err);
}
