/**
 * What the RSVP burst bench checks once the clicks are answered: acknowledgements and reply
 * latencies, one reply per click, seats, registrations, the waitlist's order and who is told.
 */
import type { InteractionRecord } from "../test/fakes/discord/fake-discord.js";
import { TEAM_ID } from "../test/fakes/slack/server.js";
import { percentile, type Row } from "./lib.js";
import type { BurstWorld } from "./rsvp-burst-world.js";

/** One click of the burst and what came of it. */
export interface Click {
  platform: "slack" | "discord";
  user: string;
  /** When to click, from the start of the burst. */
  atMs: number;
  /** Wall clock of the click (what the platform stamps it with). */
  clickedAt?: number;
  /** performance.now() when it left. */
  sentAt?: number;
  ackMs?: number;
  replyMs?: number;
  responseUrl?: string;
  interaction?: InteractionRecord;
}

/** Messages the person sees for one Discord interaction (the answer and any follow-ups). */
function discordReplies(record: InteractionRecord): number {
  const cb = record.callback;
  if (!cb) return 0;
  const answer = cb.type === 4 || (cb.type === 5 && record.edits.length > 0) ? 1 : 0;
  return answer + record.followups.length;
}

function repliesOf(w: BurstWorld, c: Click): number {
  if (c.platform === "slack") return w.slack.responsesTo(c.responseUrl ?? "").filter((r) => r.status === 200).length;
  return c.interaction ? discordReplies(c.interaction) : 0;
}

export interface Targets {
  name: string;
  capacity: number;
  ackTargetMs: number;
  replyP99TargetMs: number;
  /** CPU seconds each replica spent during the burst (NaN where unreadable). */
  replicaCpuSeconds?: number[];
}

export async function verdict(w: BurstWorld, clicks: Click[], t: Targets): Promise<Row> {
  const acks = clicks.map((c) => c.ackMs ?? Number.POSITIVE_INFINITY);
  const replies = clicks.map((c) => c.replyMs ?? Number.POSITIVE_INFINITY);
  const maxAck = Math.max(...acks);
  const replyP99 = percentile(replies, 0.99);
  const notOneReply = clicks.filter((c) => repliesOf(w, c) !== 1).length;

  // People by their first click: its stamp (ms, as the platforms stamp clicks; two clicks in
  // the same millisecond are simultaneous, either order is right).
  const firstClick = new Map<string, number>();
  for (const c of clicks) {
    const k = `${c.platform}:${c.user}`;
    if (!firstClick.has(k)) firstClick.set(k, c.clickedAt ?? Number.POSITIVE_INFINITY);
  }
  const stampOfPerson = new Map<string, number>();
  for (const [k, stamp] of firstClick) {
    const [platform, user] = k.split(":") as ["slack" | "discord", string];
    const person = await w.app.services.repos.identity.findByAccount(platform, platform === "slack" ? TEAM_ID : w.discord.guild.id, user);
    if (person) stampOfPerson.set(person.id, stamp);
  }
  const repo = w.app.services.events.repo;
  const event = await repo.get(w.eventId);
  const going = await repo.registrations(w.eventId, { statuses: ["going"] });
  const waitlist = await repo.registrations(w.eventId, { statuses: ["waitlist"] });
  const registered = new Set([...going, ...waitlist].map((r) => r.personId));
  // Adjacent pairs of the waitlist whose clicks came in the other order (stamps strictly apart).
  const stamps = waitlist.map((r) => stampOfPerson.get(r.personId) ?? -1);
  let waitlistInversions = 0;
  for (let i = 1; i < stamps.length; i++) if (stamps[i]! < stamps[i - 1]!) waitlistInversions++;
  // Informational: seats cannot wait for clicks still on their way, so a later click may take one.
  const firstWaiting = Math.min(...stamps.filter((r) => r >= 0), Number.POSITIVE_INFINITY);
  const seatsToLaterClicks = going.filter((r) => (stampOfPerson.get(r.personId) ?? 0) > firstWaiting).length;

  // Told once: one set of reminders per seated person, none for the waitlist.
  const rows = await w.app.services.outbox.list(["pending", "sending", "sent", "failed", "cancelled", "expired"], 100_000);
  const prefix = `evt:${w.eventId}:rem:`;
  const remindersOf = new Map<string, number>();
  for (const r of rows) {
    if (!r.key.startsWith(prefix)) continue;
    const person = r.key.slice(prefix.length).split(":")[0]!;
    remindersOf.set(person, (remindersOf.get(person) ?? 0) + 1);
  }
  const expectedReminders = 3;
  const seatedWrong = going.filter((r) => remindersOf.get(r.personId) !== expectedReminders).length;
  const waitingTold = waitlist.filter((r) => remindersOf.has(r.personId)).length;

  const ok =
    maxAck < t.ackTargetMs &&
    replyP99 < t.replyP99TargetMs &&
    notOneReply === 0 &&
    event?.goingCount === t.capacity &&
    going.length === t.capacity &&
    registered.size === firstClick.size &&
    waitlist.length === firstClick.size - t.capacity &&
    waitlistInversions === 0 &&
    seatedWrong === 0 &&
    waitingTold === 0;
  const slackAcks = clicks.filter((c) => c.platform === "slack").map((c) => c.ackMs ?? Number.POSITIVE_INFINITY);
  const discordAcks = clicks.filter((c) => c.platform === "discord").map((c) => c.ackMs ?? Number.POSITIVE_INFINITY);
  const ms = (v: number) => (Number.isFinite(v) ? Math.round(v) : "none");
  const replyP99Of = (platform: Click["platform"]) => ms(percentile(clicks.filter((c) => c.platform === platform).map((c) => c.replyMs ?? Number.POSITIVE_INFINITY), 0.99));
  const cpu = t.replicaCpuSeconds ?? [];
  return {
    name: t.name,
    median: percentile(replies, 0.5),
    p99: replyP99,
    other: {
      clicks: clicks.length,
      people: firstClick.size,
      "max ack (ms)": ms(maxAck),
      "ack p99 slack/discord (ms)": `${ms(percentile(slackAcks, 0.99))}/${ms(percentile(discordAcks, 0.99))}`,
      "reply p99 slack/discord (ms)": `${replyP99Of("slack")}/${replyP99Of("discord")}`,
      "CPU per replica (s)": cpu.map((s) => s.toFixed(2)).join("/"),
      "CPU per click (ms)": cpu.length ? ((cpu.reduce((a, b) => a + b, 0) * 1000) / clicks.length).toFixed(1) : "?",
      "clicks without exactly 1 reply": notOneReply,
      "seats taken": `${going.length} (counter ${event?.goingCount ?? "?"}) of ${t.capacity}`,
      "registered people": registered.size,
      waitlist: waitlist.length,
      "waitlist out of click order": waitlistInversions,
      "seats to later clicks (info)": seatsToLaterClicks,
      "seated without 3 reminders": seatedWrong,
      "waitlisted with reminders": waitingTold,
    },
    target: `reply p99 < ${t.replyP99TargetMs} ms, every ack < ${t.ackTargetMs} ms, 1 reply per click, seats = capacity, waitlist in click order, told once`,
    ok,
  };
}
