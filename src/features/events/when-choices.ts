/**
 * The autumn hour that happens twice (31/10/2027 02:30 in Brussels): the person chooses.
 * Each reading is offered as the same text with its UTC offset after it (`… +02:00`), which
 * parseWhen reads back as that reading, typed again or sent by a button.
 */
import type { Translate } from "../../core/i18n/catalogue.js";
import type { Button } from "../../core/types.js";
import { formatLocalTime } from "../../core/time/local.js";
import type { FoldChoice, WhenResult } from "../../core/time/when.js";

type Refusal = Extract<WhenResult, { ok: false }>;

/** The text typed, with the offset that picks `choice`. */
export function withOffset(typed: string, choice: FoldChoice): string {
  return `${typed.trim()} ${choice.offset}`;
}

/** `{ summer, winter }`: what to type for each reading. */
export function foldLines(r: Refusal): { summer: string; winter: string } {
  const [summer, winter] = r.choices ?? [];
  const typed = r.detail ?? "";
  return { summer: summer ? withOffset(typed, summer) : typed, winter: winter ? withOffset(typed, winter) : typed };
}

/**
 * Slack carries a button's line in its value (2,000 characters); Discord keeps a longer line
 * on the bot's side behind a short custom id. Longer than that, the line is offered as text.
 */
const MAX_BUTTON_COMMAND = 2000;

/** How much of the typed text parseWhen keeps in a fold's `detail`. */
const MAX_TYPED_KEPT = 70;

/**
 * `name key:"value" …` for the options given, or undefined when a value holds a double quote
 * (it could not be quoted back into one option).
 */
export function commandLine(name: string, options: Record<string, unknown>): string | undefined {
  const parts = [name];
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === null || value === "") continue;
    const text = Array.isArray(value) ? value.join(",") : String(value);
    if (/["“”«»]/.test(text)) return undefined;
    parts.push(`${key}:"${text}"`);
  }
  return parts.join(" ");
}

/**
 * Two buttons that run `line(text with offset)` again, one per reading; none when the
 * refusal is no fold or a line cannot be built or would not fit in a button.
 */
export function foldButtons(t: Translate, r: Refusal, zone: string, line: (typed: string) => string | undefined): Button[] {
  // A quote in the typed text would end the quoted option of the button's line early; a text
  // as long as parseWhen keeps (70 characters) may have been cut, and must not be run cut.
  if (r.problem !== "dst_fold" || !r.choices || !r.detail || /["“”«»]/.test(r.detail) || r.detail.length >= MAX_TYPED_KEPT - 2) return [];
  const buttons = r.choices.map((c) => ({
    label: t(c.season === "summer" ? "ev.when.foldSummer" : "ev.when.foldWinter", { time: formatLocalTime(c.start, zone), offset: c.offset }),
    command: line(withOffset(r.detail!, c)) ?? "",
  }));
  return buttons.every((b) => b.command && b.command.length <= MAX_BUTTON_COMMAND) ? buttons : [];
}
