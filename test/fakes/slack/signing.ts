/**
 * Requests signed exactly as Slack signs them: `X-Slack-Signature: v0=` + HMAC-SHA256 of
 * `v0:{timestamp}:{raw body}` with the signing secret, `X-Slack-Request-Timestamp` in
 * seconds, and the Content-Type exactly `application/x-www-form-urlencoded`.
 */
import { createHmac } from "node:crypto";
import { Agent, request } from "node:http";

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SignOptions {
  secret: string;
  /** Seconds since the epoch (default now). */
  timestamp?: number;
  /** Replaces the computed signature (forgeries). */
  signature?: string;
  /** Headers to leave out. */
  omit?: Array<"signature" | "timestamp">;
  /** Events API deliveries are JSON (`application/json`); commands and interactivity are forms. */
  contentType?: string;
}

export function signedHeaders(body: string, o: SignOptions): Record<string, string> {
  const ts = o.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { "Content-Type": o.contentType ?? "application/x-www-form-urlencoded" };
  if (!o.omit?.includes("timestamp")) headers["X-Slack-Request-Timestamp"] = String(ts);
  if (!o.omit?.includes("signature")) headers["X-Slack-Signature"] = o.signature ?? slackSignature(o.secret, ts, body);
  return headers;
}

export interface HttpAnswer {
  status: number;
  body: string;
  /** Milliseconds from the first byte written to the complete answer. */
  ms: number;
}

/** One keep-alive agent, as Slack's own delivery reuses connections. */
export const keepAlive = new Agent({ keepAlive: true, maxSockets: 8 });

/** POSTs a raw body with headers, over node:http (no client-side surprises). */
export function postRaw(url: string, body: string, headers: Record<string, string>, agent: Agent = keepAlive): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { method: "POST", headers: { ...headers, "Content-Length": Buffer.byteLength(body) }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** POSTs `body` to a Bolt HTTP endpoint, signed (or forged) as told. */
export function postSigned(url: string, body: string, o: SignOptions): Promise<HttpAnswer> {
  return postRaw(url, body, signedHeaders(body, o));
}

/** A slash command as Slack posts it (form fields). */
export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** An interactivity request: one form field `payload` holding the JSON. */
export function interactiveBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
