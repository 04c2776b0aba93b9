/**
 * A platform that runs only on the replica holding a lease: the Discord gateway accepts one
 * connection per bot token, so with several replicas the lease holder connects and the
 * others stand by, ready to connect when the holder dies (see lease.ts).
 *
 * Each time the lease is taken a fresh platform is built by the factory (a stopped
 * discord.js client is not reused); when the lease is lost it is stopped. What it sends is
 * only sent while it is connected: the outbox asks `isConnected()` first, and a send that
 * races a lost lease fails as `transient` (the row goes back to the queue).
 */
import type { Logger } from "../core/logger.js";
import { DeliveryError, type OutboundMessage, type SentMessage } from "../core/outbound.js";
import type { ChatPlatform, DeliverOptions, FormOptions } from "../core/platform.js";
import type { ChannelRef, Form, Platform, Reply } from "../core/types.js";
import type { Lease } from "./lease.js";

export class LeasedPlatform implements ChatPlatform {
  private current: ChatPlatform | undefined;
  private unsubscribe: Array<() => void> = [];

  constructor(
    readonly name: string,
    readonly platform: Platform,
    private readonly factory: () => ChatPlatform,
    private readonly lease: Lease,
    private readonly logger: Logger,
  ) {}

  /** The connected platform, for what only a connected one can do. */
  private connected(): ChatPlatform {
    const current = this.current?.isConnected() ? this.current : undefined;
    // Transient: the row goes back to the queue and the next holder sends it.
    if (!current) throw new DeliveryError("transient", `${this.name}: this replica does not hold the ${this.lease.name} lease`);
    return current;
  }

  async send(m: OutboundMessage): Promise<SentMessage> {
    return this.connected().send(m);
  }

  async findSent(target: ChannelRef, key: string, since: Date): Promise<SentMessage | null> {
    return this.connected().findSent(target, key, since);
  }

  async openDirect(workspaceId: string, userId: string): Promise<ChannelRef> {
    return this.connected().openDirect(workspaceId, userId);
  }

  async remove(target: ChannelRef, id: string): Promise<void> {
    return this.connected().remove(target, id);
  }

  // A command is answered by the platform that received it; through here, only while one is connected.
  async deliver(reply: Reply, options: DeliverOptions): Promise<void> {
    return this.connected().deliver(reply, options);
  }

  async openForm(form: Form, options: FormOptions): Promise<boolean> {
    return this.connected().openForm(form, options);
  }

  /** Waits for the first lease attempt; connects now if this replica got the lease. */
  async start(): Promise<void> {
    this.unsubscribe.push(
      this.lease.on("acquired", () => this.connect()),
      this.lease.on("lost", () => this.disconnect()),
    );
    const held = await this.lease.start();
    if (held && !this.current) await this.connect();
    if (!held) this.logger.info({ platform: this.platform, lease: this.lease.name }, "standby: another replica holds the lease");
  }

  private async connect(): Promise<void> {
    if (this.current) return;
    const platform = this.factory();
    this.current = platform;
    try {
      await platform.start();
      this.logger.info({ platform: this.platform, lease: this.lease.name }, "lease holder: platform connected");
    } catch (err) {
      this.logger.error({ platform: this.platform, err }, "platform failed to start on lease acquisition");
      this.current = undefined;
      await platform.stop().catch(() => undefined);
    }
  }

  private async disconnect(): Promise<void> {
    const platform = this.current;
    this.current = undefined;
    if (platform) {
      await platform.stop();
      this.logger.info({ platform: this.platform, lease: this.lease.name }, "lease lost: platform disconnected");
    }
  }

  async stop(): Promise<void> {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    await this.disconnect();
  }

  isConnected(): boolean {
    return this.current?.isConnected() ?? false;
  }

  /** True when another replica holds the lease (healthy, just not this replica's job). */
  standby(): boolean {
    return !this.lease.held;
  }
}
