/**
 * Slack's part of `npm run doctor`: the bot token (auth.test), the scopes the installed app
 * was granted against the manifest's (Slack names them in the `x-oauth-scopes` header of
 * every Web API answer), Socket Mode (apps.connections.open with the app token) or HTTP,
 * and each linked channel. A channel is tested with conversations.history (limit 1): it
 * answers `not_in_channel` where the bot cannot post either, and proves the history read
 * the outbox's crash check needs, with the scopes the manifest already asks for
 * (conversations.info would need channels:read and groups:read, which it leaves out).
 */
import { webApi } from "@slack/bolt";
import type { Config } from "../../config.js";
import { fail, ok, reason, warn, type Finding, type LinkedChannel } from "../../ops/doctor/report.js";
import { BOT_SCOPES } from "./manifest.js";

/** A Web API error's code (`invalid_auth`), or undefined for a network failure. */
function slackError(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === "string" ? data.error : undefined;
}

function client(token: string, config: Config): webApi.WebClient {
  // Fail fast: a doctor that waits out retries for minutes helps nobody.
  return new webApi.WebClient(token, {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    logLevel: webApi.LogLevel.ERROR,
  });
}

export async function slackDoctor(config: Config, channels: readonly LinkedChannel[] | null): Promise<Finding[]> {
  const token = config.SLACK_BOT_TOKEN!;
  const web = client(token, config);
  let auth;
  try {
    auth = await web.auth.test();
  } catch (err) {
    const code = slackError(err);
    if (code) return [fail("doctor.slack.auth.invalid", { error: code }, { key: "doctor.slack.auth.invalid.fix" })];
    return [fail("doctor.slack.unreachable", { error: reason(err) }, { key: "doctor.slack.unreachable.fix" })];
  }
  const findings: Finding[] = [ok("doctor.slack.auth.ok", { team: String(auth.team ?? "?"), teamId: String(auth.team_id ?? "?") })];
  const granted = new Set(auth.response_metadata?.scopes ?? []);
  const missing = BOT_SCOPES.map((s) => s.scope).filter((s) => !granted.has(s));
  findings.push(missing.length ? fail("doctor.slack.scopes.missing", { scopes: missing.join(", ") }, { key: "doctor.slack.scopes.missing.fix" }) : ok("doctor.slack.scopes.ok"));
  findings.push(config.SLACK_APP_TOKEN ? await socketMode(config) : ok("doctor.slack.http.ok", { port: config.SLACK_PORT }));
  findings.push(...(await channelRights(web, String(auth.team_id ?? ""), channels)));
  return findings;
}

/**
 * apps.connections.open hands out a WebSocket URL and nothing else: no connection is made,
 * so a running bot is not disturbed.
 */
async function socketMode(config: Config): Promise<Finding> {
  try {
    await client(config.SLACK_APP_TOKEN!, config).apps.connections.open();
    return ok("doctor.slack.socket.ok");
  } catch (err) {
    const code = slackError(err);
    if (code) return fail("doctor.slack.socket.invalid", { error: code }, { key: "doctor.slack.socket.invalid.fix" });
    return fail("doctor.slack.unreachable", { error: reason(err) }, { key: "doctor.slack.unreachable.fix" });
  }
}

async function channelRights(web: webApi.WebClient, teamId: string, channels: readonly LinkedChannel[] | null): Promise<Finding[]> {
  if (channels === null) return [];
  const mine = channels.filter((c) => c.platform === "slack" && (!teamId || c.workspaceId === teamId));
  if (mine.length === 0) return [warn("doctor.channels.none", {}, { key: "doctor.channels.none.fix" })];
  const out: Finding[] = [];
  for (const c of mine) {
    const params = { channel: c.channelId, purpose: c.purpose };
    try {
      await web.conversations.history({ channel: c.channelId, limit: 1 });
      out.push(ok("doctor.slack.channel.ok", params));
    } catch (err) {
      const code = slackError(err);
      if (code === "not_in_channel") out.push(fail("doctor.slack.channel.notMember", params, { key: "doctor.slack.channel.notMember.fix" }));
      else if (code === "missing_scope") out.push(fail("doctor.slack.scopes.missing", { scopes: String((err as { data?: { needed?: unknown } }).data?.needed ?? "?") }, { key: "doctor.slack.scopes.missing.fix" }));
      else out.push(fail("doctor.slack.channel.unreadable", { ...params, error: code ?? reason(err) }, { key: "doctor.slack.channel.unreadable.fix" }));
    }
  }
  return out;
}
