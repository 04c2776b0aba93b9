/** Youth groups as people type and read them. */
import type { MessageKey, Translate } from "../../core/i18n/catalogue.js";
import { fold } from "../../core/fold.js";
import { wordTable } from "../../core/word-table.js";
import type { Block } from "../../core/types.js";
import { YOUTH_KINDS, type YouthGroup, type YouthKind } from "./ports.js";

const KIND_WORDS = wordTable<YouthKind>({
  "maison-de-jeunes": "maison-de-jeunes", "maison de jeunes": "maison-de-jeunes", mj: "maison-de-jeunes", jugendhaus: "maison-de-jeunes", jugendtreff: "maison-de-jeunes", jeugdhuis: "maison-de-jeunes", "youth centre": "maison-de-jeunes", "youth center": "maison-de-jeunes",
  "mouvement-de-jeunesse": "mouvement-de-jeunesse", "mouvement de jeunesse": "mouvement-de-jeunesse", scouts: "mouvement-de-jeunesse", guides: "mouvement-de-jeunesse", patro: "mouvement-de-jeunesse", jugendbewegung: "mouvement-de-jeunesse", jeugdbeweging: "mouvement-de-jeunesse", "youth movement": "mouvement-de-jeunesse",
  autre: "autre", andere: "autre", other: "autre",
});

export function readYouthKind(raw: string): YouthKind | undefined {
  const w = fold(raw).trim().replace(/\s+/g, " ");
  return KIND_WORDS.get(w) ?? KIND_WORDS.get(w.replace(/ /g, "-")) ?? (YOUTH_KINDS as readonly string[]).find((k) => k === w) as YouthKind | undefined;
}

export const kindLabel = (t: Translate, k: YouthKind) => t(`youth.kind.${k}` as MessageKey);

/** The group a button names by reference, or whose name matches what was typed (exact first, then a part of it). */
export function findGroup(groups: readonly YouthGroup[], typed: string): YouthGroup | undefined {
  const w = fold(typed).trim();
  // Buttons carry the group's reference, never its name (a name is typed text).
  if (/^[0-9a-f]{8}$/.test(w)) {
    const byRef = groups.find((g) => g.id.startsWith(w));
    if (byRef) return byRef;
  }
  return groups.find((g) => fold(g.name) === w) ?? (w.length >= 3 ? groups.find((g) => fold(g.name).includes(w)) : undefined);
}

/** One line per group; names of those who agreed to appear in the directory, a count for the others. */
export function groupLines(t: Translate, groups: readonly YouthGroup[]): Block[] {
  return groups.slice(0, 20).map((g) => {
    const named = g.members.filter((m) => m.listed).map((m) => m.name);
    const others = g.members.length - named.length;
    const names = [...named, ...(others > 0 ? [t("youth.others", { count: others })] : [])].join(", ");
    return { type: "section" as const, text: t("youth.line", { name: g.name, kind: kindLabel(t, g.kind), who: names ? t("youth.who", { names }) : "" }) };
  });
}
