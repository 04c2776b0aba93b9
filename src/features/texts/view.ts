/** The reply of `/cdce initiative textes` and `/cdce evenement textes`: each text in a block to copy, its kit, and all of them as a Markdown file. */
import type { MessageKey, Translate } from "../../core/i18n/catalogue.js";
import { reply } from "../../core/reply.js";
import type { Block, Locale, Reply } from "../../core/types.js";
import { slugify } from "../../core/slug.js";
import type { ReadyText } from "./compose.js";

const LANGUAGE_NAMES: Record<Locale, string> = { fr: "français", de: "Deutsch", nl: "Nederlands", en: "English" };

export function textsReply(locale: Locale, t: Translate, v: { title: string; commune: string; language: Locale; texts: readonly ReadyText[] }): Reply {
  const blocks: Block[] = [
    { type: "header", text: t("texts.title", { title: v.title }) },
    { type: "context", text: t("texts.language", { commune: v.commune, language: LANGUAGE_NAMES[v.language] }) },
  ];
  const markdown = [`# ${v.title}`, ""];
  for (const text of v.texts) {
    const heading = t(`texts.${text.kind}` as MessageKey);
    blocks.push({ type: "section", text: `**${heading}**\n\`\`\`\n${text.text}\n\`\`\`` });
    if (text.kit) blocks.push({ type: "context", text: text.kit.link ? t("texts.kit", { title: text.kit.title, link: text.kit.link }) : t("texts.kitNoLink", { title: text.kit.title, id: text.kit.id }) });
    markdown.push(`## ${heading}`, "", text.text, "");
  }
  return { ...reply(locale, blocks), files: [{ name: `textes-${slugify(v.title) || "action"}.md`, contentType: "text/markdown", data: markdown.join("\n") }] };
}
