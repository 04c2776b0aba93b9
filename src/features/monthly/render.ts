/**
 * The monthly update as a reply (what the channel gets) and as copy-ready text for the
 * college, the council and partners, in plain text and in Markdown: one list of sections,
 * three renderings.
 */
import type { Translate } from "../../core/i18n/catalogue.js";
import { reply } from "../../core/reply.js";
import type { Block, Locale, Reply } from "../../core/types.js";
import { formatLocalDay } from "../../core/time/local.js";
import { formatDay } from "../watch/index.js";
import type { MonthlyData } from "./gather.js";
import { monthLabel } from "./month.js";

interface Section {
  heading: string;
  items: string[];
}

const LIST: Record<Locale, string> = { fr: "fr-BE", de: "de-BE", nl: "nl-BE", en: "en-GB" };

function sections(t: Translate, locale: Locale, d: MonthlyData): Section[] {
  const zone = d.commune.timeZone;
  const out: Section[] = [
    { heading: t("monthly.happened"), items: d.happened.length ? d.happened.map((h) => `${h.day ? formatDay(locale, h.day) : formatLocalDay(h.at, zone, locale)} · ${h.title}`) : [t("monthly.happened.none")] },
    { heading: t("monthly.planned"), items: d.planned.length ? d.planned.map((p) => `${formatLocalDay(p.startsAt, zone, locale)} · ${p.title}`) : [t("monthly.planned.none")] },
  ];
  const fom = [t("monthly.fom.criteria", { count: d.fom.criteria.length }) + (d.fom.criteria.length ? ` (${d.fom.criteria.join(", ")})` : "")];
  if (d.fom.dueOn && d.fom.daysLeft !== null) {
    fom.push(d.fom.daysLeft >= 0 ? t("monthly.fom.due", { due: formatDay(locale, d.fom.dueOn), days: d.fom.daysLeft }) : t("monthly.fom.overdue", { due: formatDay(locale, d.fom.dueOn) }));
  } else fom.push(t("monthly.fom.noDue"));
  if (d.fom.grade) fom.push(t("monthly.fom.grade", { grade: d.fom.grade }));
  out.push({ heading: t("monthly.fom"), items: fom });
  if (d.thanks.length) {
    const names = new Intl.ListFormat(LIST[locale], { style: "long", type: "conjunction" }).format(d.thanks);
    out.push({ heading: t("monthly.thanks"), items: [t("monthly.thanks.line", { partners: names })] });
  }
  return out;
}

export interface MonthlyTexts {
  title: string;
  plain: string;
  markdown: string;
}

export function monthlyTexts(t: Translate, locale: Locale, d: MonthlyData): MonthlyTexts {
  const title = t("monthly.title", { month: monthLabel(d.month, locale), commune: d.commune.name });
  const s = sections(t, locale, d);
  const plain = [title, "", t("monthly.addressed"), "", ...s.flatMap((x) => [x.heading.toUpperCase(), ...x.items.map((i) => `- ${i}`), ""])].join("\n").trimEnd();
  const markdown = [`# ${title}`, "", `_${t("monthly.addressed")}_`, "", ...s.flatMap((x) => [`## ${x.heading}`, "", ...x.items.map((i) => `- ${i}`), ""])].join("\n").trimEnd();
  return { title, plain, markdown };
}

/** The update as a reply: sections, the note on the copy-ready texts, and the texts as files. */
export function monthlyReply(t: Translate, locale: Locale, d: MonthlyData, visibility: Reply["visibility"], intro?: string): Reply {
  const texts = monthlyTexts(t, locale, d);
  const blocks: Block[] = [];
  if (intro) blocks.push({ type: "section", text: intro });
  blocks.push({ type: "header", text: texts.title });
  for (const x of sections(t, locale, d)) blocks.push({ type: "section", text: `**${x.heading}**\n${x.items.map((i) => `• ${i}`).join("\n")}` });
  blocks.push({ type: "context", text: t("monthly.copy") });
  const name = `bilan-${d.commune.slug}-${d.month.key}`;
  return {
    ...reply(locale, blocks, visibility),
    files: [
      { name: `${name}.txt`, contentType: "text/plain", data: texts.plain },
      { name: `${name}.md`, contentType: "text/markdown", data: texts.markdown },
    ],
  };
}
