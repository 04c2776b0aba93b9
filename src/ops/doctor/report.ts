/**
 * `npm run doctor`: a list of checks, each giving findings (ok, warning, failure, skipped)
 * written as message keys, so that the report is in the reader's language. This file knows
 * no platform and no database: the checks are assembled by src/doctor-checks.ts (platform
 * checks live in src/platforms/<name>/doctor.ts, database ones in src/data/doctor.ts).
 */
import { translator, type MessageKey, type MessageParams } from "../../core/i18n/catalogue.js";
import type { Locale } from "../../core/types.js";
import "./messages.js";

/**
 * ok: holds. warn: works, but worth knowing (a migration the next start applies).
 * fail: the bot cannot work as configured (exit code 1). skip: not checked, and why.
 */
export type FindingStatus = "ok" | "warn" | "fail" | "skip";

export interface Text {
  key: MessageKey;
  params?: MessageParams;
}

export interface Finding {
  status: FindingStatus;
  /** What was found, in the reader's words. */
  text: Text;
  /** How to fix it (failures and warnings). */
  fix?: Text;
}

/** One named check: a group of findings under a title. */
export interface Check {
  /** Stable id (`slack`, `database`): tests and the machine-readable output use it. */
  id: string;
  title: MessageKey;
  run(): Promise<Finding[]>;
}

export interface CheckOutcome {
  id: string;
  title: MessageKey;
  findings: Finding[];
}

/** Helpers to write findings briefly. */
export const ok = (key: MessageKey, params?: MessageParams): Finding => ({ status: "ok", text: { key, params } });
export const warn = (key: MessageKey, params?: MessageParams, fix?: Text): Finding => ({ status: "warn", text: { key, params }, fix });
export const fail = (key: MessageKey, params?: MessageParams, fix?: Text): Finding => ({ status: "fail", text: { key, params }, fix });
export const skip = (key: MessageKey, params?: MessageParams): Finding => ({ status: "skip", text: { key, params } });

/** A thrown error's own words, never its stack (and never a secret: checks do not put tokens in errors). */
export function reason(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split("\n")[0]!.slice(0, 300);
}

/**
 * Runs the checks one after the other (their order is the order a person fixes things in),
 * each within `timeoutMs`: a check that throws or hangs becomes a failure naming it.
 */
export async function runChecks(checks: readonly Check[], o: { timeoutMs?: number } = {}): Promise<CheckOutcome[]> {
  const timeoutMs = o.timeoutMs ?? 15_000;
  const out: CheckOutcome[] = [];
  for (const check of checks) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Finding[]>((resolve) => {
      timer = setTimeout(() => resolve([fail("doctor.timeout", { check: check.id, seconds: Math.round(timeoutMs / 1000) })]), timeoutMs);
    });
    try {
      const findings = await Promise.race([check.run(), timeout]);
      out.push({ id: check.id, title: check.title, findings });
    } catch (err) {
      out.push({ id: check.id, title: check.title, findings: [fail("doctor.crashed", { check: check.id, error: reason(err) })] });
    } finally {
      clearTimeout(timer);
    }
  }
  return out;
}

/** 0 when nothing failed, else 1. */
export function exitCode(outcomes: readonly CheckOutcome[]): number {
  return outcomes.some((o) => o.findings.some((f) => f.status === "fail")) ? 1 : 0;
}

const MARK: Record<FindingStatus, string> = { ok: "✅", warn: "⚠️ ", fail: "❌", skip: "➖" };

/** The report as text, in `locale`. */
export function renderReport(outcomes: readonly CheckOutcome[], locale: Locale): string {
  const t = translator(locale);
  const lines = [t("doctor.title"), ""];
  for (const outcome of outcomes) {
    lines.push(`## ${t(outcome.title)}`);
    for (const f of outcome.findings) {
      lines.push(`${MARK[f.status]} ${t(f.text.key, f.text.params)}`);
      if (f.fix && f.status !== "ok") lines.push(`   → ${t(f.fix.key, f.fix.params)}`);
    }
    lines.push("");
  }
  const failed = outcomes.reduce((n, o) => n + o.findings.filter((f) => f.status === "fail").length, 0);
  lines.push(failed === 0 ? t("doctor.summary.ok") : t("doctor.summary.fail", { count: failed }));
  return `${lines.join("\n")}\n`;
}

/** A channel linked with `/cdce config canal`, whose rights the platform checks test. */
export interface LinkedChannel {
  platform: string;
  workspaceId: string;
  channelId: string;
  /** `coordination`, `network`, or `commune Namur`: how the report names its use. */
  purpose: string;
}
