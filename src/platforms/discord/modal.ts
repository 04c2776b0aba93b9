/**
 * Forms as Discord modals. A modal holds at most 5 inputs; each input's custom id is the
 * form field's name, so a submission maps straight back to the command's options.
 * Discord shows no inline errors in a modal: when the core rejects a submission
 * (`fieldErrors`), the user gets an ephemeral message with the errors, what they typed,
 * and a button that reopens the modal pre-filled, so nothing typed is lost.
 */
import {
  ButtonStyle,
  ComponentType,
  TextInputStyle,
  type APIModalInteractionResponseCallbackData,
} from "discord.js";
import type { Form, Locale, Reply } from "../../core/types.js";
import { message } from "../../core/reply.js";
import { clip, prefixWithin } from "../../core/clip.js";
import { MAX_CUSTOM_ID, type CustomIdStore } from "./custom-ids.js";
import { appendButtons, renderReply, type DiscordMessage } from "./render.js";
import { discordText } from "./messages.js";

const LIMITS = { title: 45, label: 45, labelDescription: 100, placeholder: 100, inputs: 5, value: 4000 } as const;

/**
 * The modal's custom id: `f:<key>:<submitCommand>`. The key finds the form again (labels
 * for the error message); the command still works when the key has expired.
 */
export function modalCustomId(form: Form, ids: CustomIdStore): string {
  const key = ids.put({ kind: "form", form, values: {} }).slice(2);
  return `f:${key}:${form.submitCommand}`.slice(0, MAX_CUSTOM_ID);
}

/** Reads `f:<key>:<submitCommand>` back; undefined for any other id. */
export function parseModalCustomId(customId: string): { key: string; submitCommand: string } | undefined {
  const m = /^f:([^:]+):(.+)$/s.exec(customId);
  return m ? { key: m[1]!, submitCommand: m[2]! } : undefined;
}

/** The modal (interaction callback type 9) for a form, optionally pre-filled. */
export function renderModal(form: Form, ids: CustomIdStore, values: Record<string, string> = {}): APIModalInteractionResponseCallbackData {
  return {
    custom_id: modalCustomId(form, ids),
    title: clip(form.title, LIMITS.title),
    components: form.fields.slice(0, LIMITS.inputs).map((f) => {
      const value = prefixWithin(values[f.name] ?? f.value ?? "", LIMITS.value);
      // A label holds 45 characters; a longer one keeps its full text as the description.
      const long = f.label.length > LIMITS.label;
      return {
        type: ComponentType.Label,
        label: clip(f.label, LIMITS.label),
        ...(long ? { description: clip(f.label, LIMITS.labelDescription) } : {}),
        component: {
          type: ComponentType.TextInput,
          custom_id: f.name,
          style: f.kind === "textarea" ? TextInputStyle.Paragraph : TextInputStyle.Short,
          required: f.required,
          max_length: LIMITS.value,
          ...(f.placeholder ? { placeholder: clip(f.placeholder, LIMITS.placeholder) } : {}),
          ...(value ? { value } : {}),
        },
      };
    }),
  } as APIModalInteractionResponseCallbackData;
}

/** Submitted values as command options: empty inputs are left out (absent, not ""). */
export function submittedOptions(values: Map<string, string>): Record<string, string> {
  const options: Record<string, string> = {};
  for (const [name, value] of values) if (value.trim()) options[name] = value;
  return options;
}

/** Keeps typed text verbatim inside a code block (a ``` in it would end the block). */
const fenced = (s: string) => `\`\`\`\n${s.replace(/```/g, "`\u200b``")}\n\`\`\``;

/**
 * The ephemeral answer to a rejected submission: the core's errors, then each typed value,
 * then a button reopening the modal with those values (when the form is still known).
 */
export function renderFormErrors(
  reply: Reply,
  typed: Record<string, string>,
  form: Form | undefined,
  ids: CustomIdStore,
): DiscordMessage[] {
  const locale: Locale = reply.locale;
  const labelOf = (name: string) => form?.fields.find((f) => f.name === name)?.label ?? name;
  const errors = Object.entries(reply.fieldErrors ?? {}).map(([name, msg]) => `• **${labelOf(name)}** — ${msg}`);
  const inputs = Object.entries(typed).map(([name, value]) => `**${labelOf(name)}**\n${fenced(value)}`);
  const text = [discordText("formErrors", locale), ...errors, "", discordText("yourInput", locale), ...inputs].join("\n");
  const messages = renderReply({ ...message(locale, text), blocks: [{ type: "header", text: form?.title ?? "" }, { type: "section", text }] }, ids);
  if (form) {
    const custom_id = ids.put({ kind: "form", form, values: typed });
    appendButtons(messages, [{ label: discordText("fix", locale), custom_id, style: ButtonStyle.Primary }]);
  }
  return messages;
}
