/**
 * Experience sheets ("fiches retours d'expérience", the volunteers' table of the users'
 * document): how one looks, how they are searched, and the section `/cdce kit` adds for
 * volunteers.
 */
import type { Translate } from "../../core/i18n/catalogue.js";
import type { Services } from "../../core/commands.js";
import { clip, prefixWithin } from "../../core/clip.js";
import { CdceError } from "../../core/errors.js";
import type { Block } from "../../core/types.js";
import type { ExperienceSheet } from "./ports.js";
import { kindLabel } from "./render.js";
import { scoreText, wordsOf } from "./search.js";
import { isoDay } from "../../core/time/local.js";

/** A title from the context when none is given: its first sentence, at most 80 characters. */
export function titleFrom(context: string): string {
  const first = context.split(/(?<=[.!?])\s|\n/)[0] ?? context;
  return clip(first.trim(), 80);
}

/** Folded words of a search, without the words that name volunteers (they select the section). */
const AUDIENCE_WORDS = new Set(["benevole", "benevoles", "volunteer", "volunteers", "freiwillige", "ehrenamtliche", "vrijwilliger", "vrijwilligers"]);

/** Sheets ranked for `words`; `all` requires every word (search), else any word (suggestions). */
export function rankSheets(sheets: readonly ExperienceSheet[], words: string, all: boolean): ExperienceSheet[] {
  const w = wordsOf(words).filter((x) => !AUDIENCE_WORDS.has(x) && x.length > 1);
  return sheets
    .map((s) => ({ s, score: scoreText(w, [[s.title, 3], [s.context, 1], [s.worked, 1], [s.avoid, 1], [s.tips, 1], [s.kind ?? "", 2]], all) }))
    .filter((x): x is { s: ExperienceSheet; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score || b.s.createdAt.getTime() - a.s.createdAt.getTime())
    .map((x) => x.s);
}

/** The whole sheet. */
export function sheetBlocks(t: Translate, s: ExperienceSheet, communeName: string | null): Block[] {
  const fields = [
    { label: t("sheet.field.worked"), value: clip(s.worked, 1000) },
    { label: t("sheet.field.avoid"), value: clip(s.avoid, 1000) },
    { label: t("sheet.field.tips"), value: clip(s.tips, 1000) },
  ];
  if (s.contact) fields.push({ label: t("sheet.field.contact"), value: clip(s.contact, 200) });
  const facts = [communeName, s.kind ? kindLabel(t, s.kind) : null, isoDay(s.createdAt), `${t("initiative.card.ref")} \`${s.id.slice(0, 8)}\``].filter(Boolean);
  return [
    { type: "header", text: clip(s.title, 150) },
    { type: "section", text: `**${t("sheet.field.context")}**\n${clip(s.context, 1500)}`, fields },
    { type: "context", text: facts.join(" · ") },
  ];
}

/** One line per sheet, for lists. */
export function sheetLine(s: ExperienceSheet, communeName: string | null): string {
  return `**${clip(s.title, 90)}**${communeName ? ` — ${communeName}` : ""} · \`${s.id.slice(0, 8)}\``;
}

/**
 * The section `/cdce kit` shows after the kits when the audience is volunteers: the sheets
 * closest to the search words (any word), else the latest ones. Empty when there are none.
 */
export async function sheetsForVolunteers(services: Services, t: Translate, words: string, max = 3): Promise<Block[]> {
  const all = await services.community.sheets.all();
  if (all.length === 0) return [];
  const ranked = rankSheets(all, words, false);
  const chosen = (ranked.length ? ranked : all).slice(0, max);
  const names = new Map((await services.repos.communes.list()).map((c) => [c.id, c.name]));
  return [
    { type: "section", text: `**${t("sheet.forVolunteers")}**\n${chosen.map((s) => `• ${sheetLine(s, s.communeId ? names.get(s.communeId) ?? null : null)}`).join("\n")}` },
    { type: "context", text: t("sheet.seeHint") },
  ];
}

export async function findSheet(services: Services, ref: string | undefined): Promise<ExperienceSheet> {
  const r = (ref ?? "").trim();
  if (!r) throw new CdceError("sheet.ref_missing", "sheet.error.refMissing");
  const found = await services.community.sheets.findByPrefix(r);
  if (found.length !== 1) throw new CdceError("sheet.not_found", found.length ? "sheet.error.ambiguous" : "sheet.error.notFound", { ref: prefixWithin(r, 40) });
  return found[0]!;
}
