/**
 * What a reply to a hostile input must (not) contain, per class: never the generic error,
 * never a stack trace or an internal name, never half an emoji or a bidi override; masked
 * links rendered honestly by the three renderers; odd numbers refused; far dates not planned.
 */
import { renderReply as renderSlack } from "../../src/platforms/slack/render.js";
import { renderReply as renderDiscord } from "../../src/platforms/discord/render.js";
import { CustomIdStore } from "../../src/platforms/discord/custom-ids.js";
import { renderText } from "../../src/platforms/terminal/render.js";
import { translator } from "../../src/core/i18n/catalogue.js";
import { LOCALES, type Reply } from "../../src/core/types.js";
import { textOf } from "./run.js";
import type { HostileCase } from "./hostile-inputs.js";

const GENERIC = LOCALES.map((l) => translator(l)("error.internal"));
const INTERNAL = /\n\s+at .+:\d+:\d+|Prisma|SQLITE|TypeError|ReferenceError|undefined is not|\[object Object\]|function Object\(\)|native code/;
// eslint-disable-next-line no-control-regex -- looking for what must not be there
const UNWANTED = /[\uD800-\uDFFF]|[\u0000-\u0008\u000B-\u001F\u007F]|[\u202A-\u202E\u2066-\u2069]/u;
/** A code given to something just created (`code \`k3x9q\``). */
const CREATED = /code `[a-z0-9]{5}`/i;

/** Whether the far-date refusal (part of the date rules) is in this build. */
const farDatesRefused = (() => {
  try {
    return translator("fr")("ev.when.tooFar" as never, {}) !== "ev.when.tooFar";
  } catch {
    return false;
  }
})();

function dishonestLinks(r: Reply): string[] {
  const out: string[] = [];
  const slack = JSON.stringify(renderSlack(r)).replace(/\\"/g, '"');
  for (const m of slack.matchAll(/<(https?:[^|>]+)\|([^>]+)>/g)) if (m[1]!.includes("evil.example") && m[2]!.includes("cdce.be")) out.push(`slack ${m[0]}`);
  const discord = JSON.stringify(renderDiscord(r, new CustomIdStore(10)));
  // A link is only one when closed: an echoed value cut at 40 characters (`[a](https://ev`) is text.
  for (const m of discord.matchAll(/\[([^\]]*cdce\.be[^\]]*)\]\(<?(https?:[^)>\s]+)>?\)/g)) if (m[2]!.includes("evil.example")) out.push(`discord ${m[0]}`);
  if (/cdce\.be[^\s<]* <https:\/\/evil/.test(renderText(r).text)) out.push("terminal shows cdce.be for evil.example");
  return out;
}

/** The problems of one reply (empty when it is fine). */
export function hostileProblems(c: HostileCase, r: Reply): string[] {
  const problems: string[] = [];
  const text = textOf(r);
  if (!Array.isArray(r.blocks) || r.blocks.length === 0 || !text.trim()) problems.push("empty reply");
  if (GENERIC.some((g) => text.includes(g))) problems.push("generic error");
  if (INTERNAL.test(text)) problems.push(`internal detail: ${INTERNAL.exec(text)![0]}`);
  if (UNWANTED.test(text)) problems.push(`unwanted character U+${UNWANTED.exec(text)![0].codePointAt(0)!.toString(16)}`);
  if (c.cls === "masked links") problems.push(...dishonestLinks(r));
  if (c.cls === "hex and exponent numbers") {
    const meta = c.command && c.option ? c.command.options[c.option]?.meta : undefined;
    if (meta?.kind === "int" && !text.includes(translator("fr")("error.option.int", { option: c.option!, min: meta.min ?? "-", max: meta.max ?? "-" }))) problems.push("number not refused with its bounds");
    if (CREATED.test(text)) problems.push("created with an odd number");
  }
  if (c.cls === "far dates" && farDatesRefused && CREATED.test(text)) problems.push("planned beyond the limit");
  return problems;
}
