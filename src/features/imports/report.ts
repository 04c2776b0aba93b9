/**
 * A plan in words, in the reader's language: the same lines for the CLI (printed) and for
 * the chat (in sections). Long values are clipped; past `limit` items a list says how many more.
 */
import type { Translate } from "../../core/i18n/catalogue.js";
import type { AnyPlan } from "./check.js";
import type { ImportError } from "./plan.js";

export interface ReportParts {
  title: string;
  summary: string;
  created: string[];
  changed: string[];
  absent: string | null;
  errors: string[];
}

const clipValue = (v: string, max = 80) => {
  const flat = v.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function errorLine(t: Translate, e: ImportError, json: boolean): string {
  const message = t(e.key, e.params);
  if (e.column === null) return t("imports.report.errorLine", { line: e.line, message });
  if (json) return t("imports.report.errorEntry", { line: e.line, column: e.column, message });
  if (e.letter === null) return t("imports.report.errorColumn", { line: e.line, column: e.column, message });
  return t("imports.report.errorCell", { line: e.line, letter: e.letter, column: e.column, message });
}

function capped(lines: string[], limit: number, t: Translate): string[] {
  return lines.length <= limit ? lines : [...lines.slice(0, limit), t("imports.report.more", { count: lines.length - limit })];
}

export function reportParts(plan: AnyPlan, fileName: string, t: Translate, limit = Number.POSITIVE_INFINITY): ReportParts {
  const json = plan.format === "json";
  const created = plan.created.map((c) => t("imports.report.created", { key: c.key, line: c.line }));
  const changed = plan.changed.map((c) =>
    [t("imports.report.changed", { key: c.key, line: c.line }), ...c.fields.map((f) => `  ${t("imports.report.field", { column: f.column, before: clipValue(f.before), after: clipValue(f.after) })}`)].join("\n"),
  );
  const absentKeys = plan.absent.length > 10 ? `${plan.absent.slice(0, 10).join(", ")}, …` : plan.absent.join(", ");
  return {
    title: t("imports.report.title", { file: fileName, table: t(plan.kind === "kits" ? "imports.table.kits" : "imports.table.communes"), lines: plan.lines }),
    summary: t("imports.report.summary", { created: plan.created.length, changed: plan.changed.length, unchanged: plan.unchanged, errors: plan.errors.length }),
    created: capped(created, limit, t),
    changed: capped(changed, limit, t),
    absent: plan.absent.length ? t("imports.report.absent", { count: plan.absent.length, keys: absentKeys }) : null,
    errors: capped(plan.errors.map((e) => errorLine(t, e, json)), limit, t),
  };
}

/** The whole report as text (the CLI's output). */
export function reportText(plan: AnyPlan, fileName: string, t: Translate): string {
  const p = reportParts(plan, fileName, t);
  const out = [p.title, p.summary, ...p.created, ...p.changed];
  if (p.absent) out.push(p.absent);
  if (p.errors.length) out.push(t("imports.report.errors"), ...p.errors.map((e) => `  ${e}`));
  return out.join("\n");
}

/** Whether the plan would write anything. */
export function hasChanges(plan: AnyPlan): boolean {
  return plan.created.length + plan.changed.length > 0;
}
