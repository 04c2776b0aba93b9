/**
 * The port between the core and a chat platform (Slack, Discord, the terminal), for the
 * platform's whole life: started and stopped by main.ts, asked for its health by /healthz
 * (src/ops), handing what its users do to the core (`Inbound`, given at construction),
 * bringing command replies back to them (`deliver`, `openForm`), and sending what the bot
 * says on its own for the outbox (`PlatformSender`). Platforms implement it in src/platforms; the
 * core never imports them.
 */
import type { PlatformSender, SentMessage } from "./outbound.js";
import type { ChannelRef, Form, Locale, Reply } from "./types.js";

export type { Inbound } from "./inbound.js";

/**
 * The conversation a command reply goes back to: who acted, where, and the platform's own
 * handle on that conversation (`via`: Slack's response_url and trigger, Discord's
 * interaction, nothing for the terminal), which only the platform reads.
 */
export interface ReplyTarget<Via = unknown> {
  workspaceId: string;
  userId: string;
  channel?: ChannelRef;
  via: Via;
}

export interface DeliverOptions<Via = unknown> {
  target: ReplyTarget<Via>;
  /** Only the person who acted sees it (the reply's visibility, unless the platform has none). */
  ephemeral: boolean;
}

export interface FormOptions<Via = unknown> {
  target: ReplyTarget<Via>;
  /** The language of the form, for what the platform adds around it (and its answer's failures). */
  locale: Locale;
}

export interface ChatPlatform<Via = unknown> extends PlatformSender {
  /** As logs and /healthz name it (`slack`, `discord`, `terminal`). */
  readonly name: string;
  /** Connects (or opens its input) and starts handing what users do to the core; returns once it does. */
  start(): Promise<void>;
  /** Finishes the replies in flight, then disconnects. Safe to call twice. */
  stop(): Promise<void>;
  /** Health: true while it can take commands and send (the outbox waits while it is false). */
  isConnected(): boolean;
  /** Health: this replica stands by for it (another replica holds its lease), not down. */
  standby?(): boolean;
  /**
   * Brings a command's reply to the person, rendered by the same function as what the outbox
   * sends on this platform; a reply with a form opens it (`openForm`) or says what to type.
   */
  deliver(reply: Reply, options: DeliverOptions<Via>): Promise<void>;
  /** Shows a form (a modal, questions on the prompt); false when it cannot be shown now. */
  openForm(form: Form, options: FormOptions<Via>): Promise<boolean>;
  /**
   * Settles when the platform ended on its own (the terminal, when its input closes or the
   * person quits): the service then stops. Absent: it runs until stopped.
   */
  readonly ended?: Promise<void>;
  // The outbound part, required here (optional for a bare `PlatformSender`).
  findSent(target: ChannelRef, idempotencyKey: string, since: Date, reply?: Reply): Promise<SentMessage | null>;
  openDirect(workspaceId: string, userId: string): Promise<ChannelRef>;
  remove(target: ChannelRef, externalId: string): Promise<void>;
}
