/**
 * A platform adapter that runs only on the replica holding a lease: the Discord gateway
 * accepts one connection per bot token, so with several replicas the lease holder connects
 * and the others stand by, ready to connect when the holder dies (see lease.ts).
 *
 * Each time the lease is taken a fresh adapter is built by the factory (a stopped
 * discord.js client is not reused); when the lease is lost the adapter is stopped. Its
 * sender is only usable while the adapter is connected: the outbox asks `available()`.
 */
import type { Logger } from "../core/logger.js";
import { DeliveryError, type OutboundMessage, type PlatformSender } from "../core/outbound.js";
import type { ChannelRef, Platform } from "../core/types.js";
import type { PlatformAdapter } from "../platforms/adapter.js";
import type { Lease } from "./lease.js";

export class LeasedAdapter implements PlatformAdapter {
  private current: PlatformAdapter | undefined;
  private unsubscribe: Array<() => void> = [];
  readonly sender: PlatformSender;

  constructor(
    readonly name: string,
    private readonly platform: Platform,
    private readonly factory: () => PlatformAdapter,
    private readonly lease: Lease,
    private readonly logger: Logger,
  ) {
    const inner = (): PlatformSender => {
      const sender = this.current?.isConnected() ? this.current.sender : undefined;
      // Transient: the row goes back to the queue and the next holder sends it.
      if (!sender) throw new DeliveryError("transient", `${name}: this replica does not hold the ${lease.name} lease`);
      return sender;
    };
    this.sender = {
      platform,
      send: async (m: OutboundMessage) => inner().send(m),
      findSent: async (target: ChannelRef, key: string, since: Date) => {
        const s = inner();
        return s.findSent ? s.findSent(target, key, since) : null;
      },
      remove: async (target: ChannelRef, id: string) => inner().remove?.(target, id),
    };
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
    const adapter = this.factory();
    this.current = adapter;
    try {
      await adapter.start();
      this.logger.info({ platform: this.platform, lease: this.lease.name }, "lease holder: platform connected");
    } catch (err) {
      this.logger.error({ platform: this.platform, err }, "platform failed to start on lease acquisition");
      this.current = undefined;
      await adapter.stop().catch(() => undefined);
    }
  }

  private async disconnect(): Promise<void> {
    const adapter = this.current;
    this.current = undefined;
    if (adapter) {
      await adapter.stop();
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
