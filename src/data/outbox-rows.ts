/**
 * Helpers of the Prisma outbox store: row mapping (checked with zod on the way out) and the fair pick that keeps one busy channel from filling a claim.
 */
import { z } from "zod";
import { OUTBOX_STATES, type OutboxEntry } from "../core/notify.js";
import type { Platform } from "../core/types.js";
import { summarize } from "../core/reply.js";
import { clip } from "../core/clip.js";
import { channelKey, type ClaimRequest, type OutboxRow } from "../delivery/outbox.js";
import type { OutboxMessage } from "../generated/sqlite/client.js";
import { checkStored, platformSchema } from "./json.js";

const stateSchema = z.enum(OUTBOX_STATES);
const kindSchema = z.enum(["notification", "notice", "removal", "home", "board", "calendar"]);

/** A due row, as much as the fair pick needs. */
export interface Candidate {
  id: string;
  platform: string;
  workspaceId: string;
  channelId: string;
  userId: string | null;
}

export function toRow(row: OutboxMessage): OutboxRow {
  const origin = (column: string) => ({ table: "OutboxMessage", column, id: row.id });
  return {
    id: row.id,
    key: row.idempotencyKey,
    kind: checkStored(kindSchema, row.kind, origin("kind")),
    target: {
      platform: checkStored(platformSchema, row.platform, origin("platform")),
      workspaceId: row.workspaceId,
      channelId: row.channelId,
      ...(row.userId ? { userId: row.userId } : {}),
    },
    payload: row.payload,
    dueAt: row.dueAt,
    expiresAt: row.expiresAt,
    nextAttemptAt: row.nextAttemptAt,
    attempts: row.attempts,
    state: checkStored(stateSchema, row.state, origin("state")),
    lastError: row.lastError,
    claimedBy: row.claimedBy,
    attemptedAt: row.attemptedAt,
    createdAt: row.createdAt,
    externalId: row.externalId,
  };
}

/** The admin view of a row; a payload that cannot be read shows as `?` rather than failing the list. */
export function toEntry(row: OutboxMessage): OutboxEntry {
  const r = toRow(row);
  let summary = "?";
  try {
    const payload = JSON.parse(r.payload) as { text?: unknown; blocks?: unknown };
    summary = typeof payload.text === "string" && payload.text ? payload.text : Array.isArray(payload.blocks) ? summarize(payload.blocks as never) : "?";
  } catch {
    // keep "?"
  }
  return {
    id: r.id,
    key: r.key,
    state: r.state,
    target: r.target,
    dueAt: r.dueAt,
    expiresAt: r.expiresAt,
    nextAttemptAt: r.nextAttemptAt,
    attempts: r.attempts,
    lastError: r.lastError,
    summary: clip(summary, 140),
    sentAt: row.sentAt,
  };
}

/**
 * Picks, in due order, at most `limit` candidates and at most `perChannel` per channel
 * (counting what this replica already holds): a backlog in one channel, which can only go
 * out at its channel's pace, must not take the places of messages for idle channels.
 */
export function pickFair(candidates: readonly Candidate[], r: Pick<ClaimRequest, "limit" | "perChannel" | "busy">): string[] {
  const taken = new Map<string, number>();
  const out: string[] = [];
  for (const c of candidates) {
    if (out.length >= r.limit) break;
    const key = channelKey({ platform: c.platform as Platform, workspaceId: c.workspaceId, channelId: c.channelId, userId: c.userId ?? undefined });
    const held = taken.get(key) ?? r.busy(key);
    if (held >= r.perChannel) continue;
    taken.set(key, held + 1);
    out.push(c.id);
  }
  return out;
}
