/**
 * A `PlatformSender` for the fake platform (fake-platform.ts), classifying failures the way
 * the Slack and Discord senders do: 429 -> rate_limited (with the Retry-After asked),
 * 5xx, timeouts and network errors -> transient, other 4xx -> permanent. Plus a
 * ChatPlatform around any such sender so that the real runtime (src/runtime.ts) can drive it.
 */
import { DeliveryError, type OutboundMessage, type PlatformSender, type SentMessage } from "../../../src/core/outbound.js";
import type { ChannelRef, Platform } from "../../../src/core/types.js";
import type { ChatPlatform } from "../../../src/core/platform.js";

export interface FakeSenderOptions {
  platform?: Platform;
  /** Per-request timeout (default 2 s). */
  timeoutMs?: number;
  /** Sent as `x-replica`, so that the fake can tell which replica posted. */
  replica?: string;
}

export function createFakeSender(baseUrl: string, o: FakeSenderOptions = {}): PlatformSender {
  const timeoutMs = o.timeoutMs ?? 2000;
  const headers: Record<string, string> = { "content-type": "application/json", ...(o.replica ? { "x-replica": o.replica } : {}) };
  async function call(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new DeliveryError("transient", `fake platform: ${(err as Error).name}`, undefined, { cause: err });
    }
  }
  return {
    platform: o.platform ?? "slack",
    async send(m: OutboundMessage): Promise<SentMessage> {
      const res = await call("/post", {
        method: "POST",
        headers,
        body: JSON.stringify({ workspace: m.target.workspaceId, channel: m.target.channelId, key: m.idempotencyKey, text: m.reply.text }),
      });
      const body = (await res.json().catch(() => ({}))) as { id?: string; error?: string; retry_after_ms?: number };
      if (res.status === 200 && body.id) return { externalId: body.id };
      if (res.status === 429) {
        const header = Number(res.headers.get("retry-after") ?? "1") * 1000;
        throw new DeliveryError("rate_limited", "fake platform: 429", body.retry_after_ms ?? header);
      }
      throw new DeliveryError(res.status >= 500 ? "transient" : "permanent", `fake platform: ${res.status} ${body.error ?? ""}`.trim());
    },
    async findSent(target: ChannelRef, key: string): Promise<SentMessage | null> {
      const res = await call(`/find?${new URLSearchParams({ channel: target.channelId, key })}`, { headers });
      if (res.status === 404) return null;
      const body = (await res.json()) as { id: string };
      return { externalId: body.id };
    },
  };
}

/**
 * The sender as a connected platform that takes no commands (for createRuntime in worker
 * processes, and tests of what wraps a platform). Without `openDirect` it posts to the user
 * id itself, as the outbox did for such senders.
 */
export function fakeAdapter(sender: PlatformSender, over: Partial<ChatPlatform> = {}): ChatPlatform {
  return {
    name: sender.platform,
    platform: sender.platform,
    send: (m) => sender.send(m),
    findSent: async (target, key, since) => (sender.findSent ? sender.findSent(target, key, since) : null),
    openDirect: async (workspaceId, userId) => (sender.openDirect ? sender.openDirect(workspaceId, userId) : { platform: sender.platform, workspaceId, channelId: userId }),
    remove: async (target, id) => sender.remove?.(target, id),
    start: async () => {},
    stop: async () => {},
    isConnected: () => true,
    deliver: async () => {
      throw new Error("this test platform takes no commands");
    },
    openForm: async () => false,
    ...over,
  };
}
