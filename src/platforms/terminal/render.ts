/** Renders a neutral Reply as readable plain text for the terminal: replies and notifications alike. */
import type { Block, Form, Reply } from "../../core/types.js";
import { revealReplyLinks } from "../../core/links.js";
import { quoteCommand } from "../../core/i18n/catalogue.js";
import type { Locale } from "../../core/types.js";

/** Neutral Markdown -> plain text: bold/italic markers dropped, links as "label <url>". */
export function plain(md: string): string {
  return md
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, "$1 <$2>")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/(^|\s)_([^_]+)_(?=\s|$|[.,;:!?])/g, "$1$2");
}

function block(b: Block, buttons: string[], locale: Locale): string[] {
  switch (b.type) {
    case "header":
      return [`== ${plain(b.text)} ==`];
    case "section": {
      const lines = [plain(b.text)];
      for (const f of b.fields ?? []) lines.push(`  ${plain(f.label)} : ${plain(f.value)}`);
      return lines;
    }
    case "context":
      return [`  (${plain(b.text)})`];
    case "divider":
      return ["--"];
    case "actions":
      return b.buttons.map((btn) => {
        buttons.push(btn.command);
        // Shown in the reader's words (typing it works too); the number runs the command as built.
        return `  [${buttons.length}] ${btn.label}  → /cdce ${quoteCommand(btn.command, locale)}`;
      });
  }
}

/** A form as text: its title, then one line per field (`*`: required). */
export function renderForm(form: Form): string[] {
  return [`[${form.title}]`, ...form.fields.map((f) => `  ${f.name}: ${f.label}${f.required ? " *" : ""}`)];
}

/** The text, and the button commands in the order they were numbered (typing N runs one). */
export function renderText(reply: Reply): { text: string; buttons: string[] } {
  // A masked link whose label is another address shows its real target.
  reply = revealReplyLinks(reply);
  const buttons: string[] = [];
  const lines = reply.blocks.flatMap((b) => block(b, buttons, reply.locale));
  if (reply.form) lines.push(...renderForm(reply.form));
  return { text: lines.join("\n"), buttons };
}
