/**
 * Slack Web API failures, classified for the outbox (src/delivery) and described for logs.
 *
 * The Web API client is configured to fail fast (`rejectRateLimitedCalls`, no retries), so
 * every error reaches us at once and the caller's limiter decides when to try again.
 * Errors are recognised by their `code` (not `instanceof`): a second copy of
 * @slack/web-api in node_modules must not change the classification.
 */
import { DeliveryError } from "../../core/outbound.js";

/** Slack `error` strings that a retry cannot fix: configuration or content problems. */
const PERMANENT = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "missing_scope",
  "not_authed",
  "invalid_auth",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "no_permission",
  "restricted_action",
  "restricted_action_read_only_channel",
  "restricted_action_thread_only_channel",
  "restricted_action_non_threadable_channel",
  "ekm_access_denied",
  "team_access_not_granted",
  "msg_too_long",
  "no_text",
  "invalid_blocks",
  "invalid_blocks_format",
  "invalid_metadata_format",
  "invalid_metadata_schema",
  "too_many_attachments",
  "message_not_found",
  "cant_delete_message",
  "compliance_exports_prevent_deletion",
  "user_not_found",
  "cannot_dm_bot",
  "channel_is_archived",
  "duplicate_channel_not_found",
  "invalid_arguments",
  "method_deprecated",
  "not_allowed_token_type",
]);

/**
 * Slack `error` strings that mean the bot's token itself is refused (revoked, app
 * uninstalled, workspace or bot deactivated, expired): every call will fail alike until the
 * token is replaced, so the outbox pauses Slack instead of failing each message.
 */
const AUTH = new Set(["invalid_auth", "account_inactive", "token_revoked", "not_authed", "token_expired"]);

/** Slack `error` strings that mean "Slack had a problem, try again later". */
const TRANSIENT = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org"]);

/** Without a Retry-After, wait this long after a 429 (Slack's usual tier-1 window). */
export const DEFAULT_RETRY_AFTER_MS = 1000;

interface SlackLikeError {
  code?: unknown;
  retryAfter?: unknown;
  statusCode?: unknown;
  data?: { error?: unknown };
  original?: { name?: unknown; code?: unknown; message?: unknown };
  message?: unknown;
}

/** A short, secret-free description for logs: never the request, headers or body. */
export function describeSlackError(err: unknown): { code: string; error?: string; status?: number; retryAfterSec?: number } {
  const e = (err ?? {}) as SlackLikeError;
  const code = typeof e.code === "string" ? e.code : err instanceof Error ? err.name : "unknown";
  const out: { code: string; error?: string; status?: number; retryAfterSec?: number } = { code };
  if (typeof e.data?.error === "string") out.error = e.data.error;
  if (typeof e.statusCode === "number") out.status = e.statusCode;
  if (typeof e.retryAfter === "number") out.retryAfterSec = e.retryAfter;
  if (code === "slack_webapi_request_error" && e.original) out.error = String(e.original.code ?? e.original.name ?? "request_error");
  return out;
}

/**
 * Turns any error thrown by a Web API call into a DeliveryError:
 * 429 -> `rate_limited` (with Retry-After), 5xx / network / timeout / Slack-side errors ->
 * `transient`, a refused token -> `unauthorized`, unknown channel, missing scope, bad
 * content... -> `permanent`.
 */
export function classifySlackError(err: unknown, method = "chat.postMessage"): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const e = (err ?? {}) as SlackLikeError;
  const info = describeSlackError(err);
  const what = `${method}: ${info.error ?? info.code}${info.status ? ` (HTTP ${info.status})` : ""}`;
  switch (e.code) {
    case "slack_webapi_rate_limited_error": {
      const sec = typeof e.retryAfter === "number" && e.retryAfter >= 0 ? e.retryAfter : undefined;
      return new DeliveryError("rate_limited", `${what}, retry after ${sec ?? "?"} s`, sec !== undefined ? sec * 1000 : DEFAULT_RETRY_AFTER_MS, { cause: err });
    }
    case "slack_webapi_http_error": {
      const status = typeof e.statusCode === "number" ? e.statusCode : 0;
      const transient = status >= 500 || status === 408 || status === 0;
      return new DeliveryError(transient ? "transient" : "permanent", what, undefined, { cause: err });
    }
    case "slack_webapi_request_error":
      // Connection refused or reset, DNS, the client's own timeout: the network, not us.
      return new DeliveryError("transient", what, undefined, { cause: err });
    case "slack_webapi_platform_error": {
      const error = String(e.data?.error ?? "");
      if (error === "ratelimited" || error === "rate_limited") return new DeliveryError("rate_limited", what, DEFAULT_RETRY_AFTER_MS, { cause: err });
      if (TRANSIENT.has(error)) return new DeliveryError("transient", what, undefined, { cause: err });
      if (AUTH.has(error)) return new DeliveryError("unauthorized", what, undefined, { cause: err });
      // Known refusals (PERMANENT) and unknown Slack errors alike: retrying a refusal does not
      // make it pass, and the outbox tells coordination instead of looping.
      return new DeliveryError("permanent", what, undefined, { cause: err });
    }
  }
  // A 429 without a usable Retry-After header comes as a plain Error from the client.
  const message = typeof e.message === "string" ? e.message : "";
  if (/retry header|rate limit/i.test(message)) return new DeliveryError("rate_limited", `${method}: rate limited`, DEFAULT_RETRY_AFTER_MS, { cause: err });
  return new DeliveryError("transient", `${method}: ${info.code}`, undefined, { cause: err });
}

/** Whether an error is Slack saying the bot is not allowed there (used to fall back to a DM). */
export function isAccessError(err: unknown): boolean {
  const error = (err as SlackLikeError | undefined)?.data?.error;
  return typeof error === "string" && PERMANENT.has(error);
}
