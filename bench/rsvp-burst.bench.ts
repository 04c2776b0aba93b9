/**
 * A burst of registrations: 500 clicks on a webinar's "register" button within 5 s, half
 * through the fake Slack (signed HTTP requests, alternating between the two replicas as a
 * load balancer would), half through the fake Discord (INTERACTION_CREATE on the gateway,
 * which the leader replica holds); two replicas on PostgreSQL + Redis (see rsvp-burst-world.ts).
 * 480 people click, 20 of them twice (a double click a moment later).
 *
 * Checks: every click acknowledged under 3 s (Slack: the HTTP answer; Discord: the first
 * interaction callback), p99 of the reply (the response_url post / the visible answer) under
 * 1 s, exactly one reply per click, seats taken = capacity, every person registered once,
 * the waitlist in click order (as the platforms time the clicks), and each person told once:
 * one set of reminders per seated person, none for the waitlist.
 */
import { Agent } from "node:http";
import { prng, type Row } from "./lib.js";
import { verdict, type Click } from "./rsvp-burst-checks.js";
import { startBurstWorld, type BurstWorld } from "./rsvp-burst-world.js";
import { sendClick, textOf as discordText } from "../test/fakes/discord/interactions.js";
import { SIGNING_SECRET, TEAM_ID } from "../test/fakes/slack/server.js";
import { interactiveBody, postRaw, signedHeaders } from "../test/fakes/slack/signing.js";
import { flushRedis, redisReachable } from "../test/helpers/local-services.js";
import { pgReachable, scratchPostgres } from "../test/integration/data/support.js";
import { cpuSeconds } from "./process-cpu.js";

const CLICKS = Number(process.env.BENCH_RSVP_CLICKS ?? 500);
const WINDOW_MS = Number(process.env.BENCH_RSVP_WINDOW_MS ?? 5_000);
const CAPACITY = Number(process.env.BENCH_RSVP_CAPACITY ?? 100);
const DOUBLE_CLICKS = Math.round(CLICKS / 25);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/11";
const ACK_TARGET_MS = 3_000;
const REPLY_P99_TARGET_MS = 1_000;
const NAME = `rsvp-burst: ${CLICKS} register clicks in ${WINDOW_MS / 1000} s, Slack + Discord, 2 replicas (PostgreSQL + Redis)${process.env.BENCH_RSVP_ONLY ? ` (${process.env.BENCH_RSVP_ONLY} only)` : ""}${process.env.BENCH_SHARE_COMMANDS === "true" ? ", sharing commands" : ""}`;

/** Who clicks when: `CLICKS - DOUBLE_CLICKS` people, evenly over the window, alternating platforms; some click twice. */
function schedule(): Click[] {
  const rand = prng(13);
  const people = CLICKS - DOUBLE_CLICKS;
  const clicks: Click[] = [];
  for (let i = 0; i < people; i++) {
    // BENCH_RSVP_ONLY=slack|discord: every click on one platform, to see what each costs.
    const only = process.env.BENCH_RSVP_ONLY;
    const platform = only === "slack" || only === "discord" ? only : i % 2 === 0 ? "slack" : "discord";
    const user = platform === "slack" ? `U0B${String(i).padStart(6, "0")}` : `6${String(i).padStart(17, "0")}`;
    clicks.push({ platform, user, atMs: (i * WINDOW_MS) / people });
  }
  for (let k = 0; k < DOUBLE_CLICKS; k++) {
    const first = clicks[Math.floor(rand() * people)]!;
    clicks.push({ platform: first.platform, user: first.user, atMs: Math.min(WINDOW_MS, first.atMs + 80 + rand() * 300) });
  }
  return clicks.sort((a, b) => a.atMs - b.atMs);
}

/** Sends one click when its time comes and records when it was acknowledged and answered. */
async function click(w: BurstWorld, c: Click, slackIndex: number, agent: Agent): Promise<void> {
  if (c.platform === "slack") {
    const responseUrl = w.slack.newResponseUrl();
    c.responseUrl = responseUrl;
    c.clickedAt = Date.now();
    const payload = {
      type: "block_actions",
      user: { id: c.user, username: c.user, name: c.user, team_id: TEAM_ID },
      api_app_id: "A0CDCE",
      token: "deprecated-verification-token",
      container: { type: "message", message_ts: "1764410000.000100", channel_id: "C0RESEAU", is_ephemeral: false },
      trigger_id: w.slack.api.newTrigger(c.user),
      team: { id: TEAM_ID, domain: "cdce" },
      channel: { id: "C0RESEAU", name: "reseau" },
      state: { values: {} },
      response_url: responseUrl,
      // Slack stamps the click (seconds, microseconds) when it happens.
      actions: [{ action_id: w.slackJoin.action_id, block_id: "b1", text: { type: "plain_text", text: "…" }, value: w.slackJoin.value, type: "button", action_ts: (c.clickedAt / 1000).toFixed(6) }],
    };
    const body = interactiveBody(payload);
    c.sentAt = performance.now();
    const answer = await postRaw(w.slackUrls[slackIndex % w.slackUrls.length]!, body, signedHeaders(body, { secret: SIGNING_SECRET }), agent);
    c.ackMs = answer.status === 200 ? answer.ms : Number.POSITIVE_INFINITY;
    return; // its reply is looked for once the burst is over (slackReplies)
  }
  c.clickedAt = Date.now();
  const record = sendClick(w.discord, w.discordJoin.message, w.discordJoin.customId, { userId: c.user, username: `u${c.user.slice(-6)}`, locale: "fr" });
  c.sentAt = record.sentAt;
  c.interaction = record;
  const acked = await w.discord.waitUntil(() => record.callback, "a callback", 30_000).catch(() => undefined);
  c.ackMs = acked ? acked.hrAt - record.sentAt : Number.POSITIVE_INFINITY;
  const answered = await w.discord.waitUntil(() => w.discord.answerOf(record), "an answer", 30_000).catch(() => undefined);
  if (answered) c.replyMs = performance.now() - record.sentAt;
}

/** Fires the clicks on their schedule (not one after the other: a burst), then waits for them all. */
async function burst(w: BurstWorld, clicks: Click[]): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const started = performance.now();
  let slackIndex = 0;
  const pending: Promise<void>[] = [];
  for (const c of clicks) {
    const wait = started + c.atMs - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(click(w, c, c.platform === "slack" ? slackIndex++ : 0, agent));
  }
  await Promise.all(pending);
  agent.destroy();
  await slackReplies(w, clicks.filter((c) => c.platform === "slack"));
}

/** Waits (30 s at most) for a reply to every Slack click; its latency is its arrival (stamped by the fake) minus the click. */
async function slackReplies(w: BurstWorld, clicks: Click[]): Promise<void> {
  const firstReply = () => {
    const byId = new Map<string, number>();
    for (const r of w.slack.responses.items) if (r.status === 200 && !byId.has(r.id)) byId.set(r.id, r.at);
    return byId;
  };
  const deadline = Date.now() + 30_000;
  let replies = firstReply();
  while (clicks.some((c) => !replies.has(c.responseUrl!.split("/").pop()!)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    replies = firstReply();
  }
  for (const c of clicks) {
    const at = replies.get(c.responseUrl!.split("/").pop()!);
    if (at !== undefined) c.replyMs = at - c.sentAt!;
  }
}

export async function run(): Promise<Row[]> {
  const pg = await pgReachable("bench rsvp-burst");
  const redis = await redisReachable("bench rsvp-burst", REDIS_URL);
  if (!(pg && redis)) return [{ name: NAME, other: { skipped: `${pg ? "" : "PostgreSQL "}${redis ? "" : "Redis "}unreachable` } }];
  await flushRedis(REDIS_URL);
  const scratch = scratchPostgres();
  const clicks = schedule();
  const slackUsers = [...new Set(clicks.filter((c) => c.platform === "slack").map((c) => c.user))].map((id) => ({ id, name: `u${id.slice(-6)}` }));
  let w: BurstWorld | undefined;
  try {
    w = await startBurstWorld({ databaseUrl: scratch.url, redisUrl: REDIS_URL, capacity: CAPACITY, slackUsers });
    const cpuBefore = w.replicas.map((r) => cpuSeconds(r.proc.pid));
    await burst(w, clicks);
    // CPU each replica spent on the burst (its replies, its outbox, its leases), to see where the work went.
    const cpu = w.replicas.map((r, i) => cpuSeconds(r.proc.pid) - cpuBefore[i]!);
    // Late duplicates (a second reply to one click) would arrive now.
    await new Promise((r) => setTimeout(r, 2_000));
    // BENCH_RSVP_DUMP=<file>: every click and the replicas' last log lines, to see why a row failed.
    if (process.env.BENCH_RSVP_DUMP) {
      const { writeFileSync } = await import("node:fs");
      const world = w;
      const replyText = (c: Click): string | undefined => {
        if (c.platform === "slack") return JSON.stringify(world.slack.responsesTo(c.responseUrl!)[0]?.body ?? null).slice(0, 300);
        const answer = c.interaction ? world.discord.answerOf(c.interaction) : undefined;
        return answer?.message ? discordText(answer.message).slice(0, 300) : undefined;
      };
      writeFileSync(process.env.BENCH_RSVP_DUMP, JSON.stringify({ clicks: clicks.map((c) => { const { interaction, ...rest } = c; return { ...rest, reply: replyText(c), cb: interaction?.callback?.type, edits: interaction?.edits.length, followups: interaction?.followups.length, errors: interaction?.errors }; }), logs: w.replicas.map((r) => r.stderr.slice(-200)) }, null, 1));
    }
    return [await verdict(w, clicks, { name: NAME, capacity: CAPACITY, ackTargetMs: ACK_TARGET_MS, replyP99TargetMs: REPLY_P99_TARGET_MS, replicaCpuSeconds: cpu })];
  } finally {
    await w?.close();
    await scratch.cleanup();
    await flushRedis(REDIS_URL);
  }
}
