/**
 * Normalizing what a user reads, so that catalogue messages compare equal whatever the
 * platform's markup: plain text, collapsed whitespace, non-empty lines.
 */
import { translator, type MessageKey } from "../../src/core/i18n/catalogue.js";
import type { Locale } from "../../src/core/types.js";
import type { NormalizedReply } from "./driver.js";

/** Plain text of neutral, Slack or Discord markup; whitespace collapsed. */
export function plainText(s: string): string {
  return s
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, "$2")
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, "$1")
    .replace(/^-# /gm, "")
    .replace(/[*_`~]/g, "")
    .replace(/[ \t\u00a0\u202f]+/g, " ")
    .trim();
}

/** The reply's text as normalized, non-empty lines. */
export function lines(reply: Pick<NormalizedReply, "texts">): string[] {
  return reply.texts.flatMap((t) => t.split("\n")).map(plainText).filter(Boolean);
}

export const joined = (reply: Pick<NormalizedReply, "texts">): string => lines(reply).join("\n");

/** A catalogue message as the user reads it. */
export const said = (locale: Locale, key: MessageKey, params: Record<string, unknown> = {}): string => plainText(translator(locale)(key, params as never));

/**
 * A regular expression for a catalogue message whose numbers vary: the message is
 * formatted with sentinel numbers, which then stand for any number.
 */
export function messagePattern(locale: Locale, key: MessageKey, numberParams: string[], texts: Record<string, string> = {}): RegExp {
  // Below 1,000 no locale groups digits; 901+ is plural "other" in our four languages.
  const sentinels = Object.fromEntries(numberParams.map((k, i) => [k, 901 + i]));
  const formatted = plainText(translator(locale)(key, { ...sentinels, ...texts }));
  const escaped = formatted.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(Object.values(sentinels).reduce<string>((re, n) => re.replace(String(n), "\\d+"), escaped));
}
