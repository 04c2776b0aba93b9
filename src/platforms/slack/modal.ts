/**
 * Neutral forms <-> Slack modals: a Form becomes a `views.open` view (one input block per
 * field, block_id = field name), a `view_submission` becomes structured options, and a
 * reply's `fieldErrors` become the `response_action: "errors"` map Slack shows under fields.
 */
import type { types } from "@slack/bolt";
import type { FileRequest, Form, Locale } from "../../core/types.js";
import { toPlain, truncate } from "./mrkdwn.js";

/** The callback_id of every form modal; the submission listener matches it. */
export const FORM_CALLBACK_ID = "cdce_form";
/** The action_id of every input element (fields are told apart by their block_id). */
export const INPUT_ACTION_ID = "value";

const MODAL = { title: 24, button: 24, label: 2000, placeholder: 150, initial: 3000, inputs: 100, metadata: 3000, error: 500 } as const;

/** What a modal remembers between opening and submission (Slack's `private_metadata`). */
export interface FormMeta {
  /** The sub-command that receives the fields. */
  command: string;
  /** Channel where the form was asked for: the answer goes back there. */
  channelId?: string;
  locale?: Locale;
}

/** Builds the modal for `form` (each field's `max`, set by the core, becomes its max length). */
export function formView(form: Form, meta: FormMeta): types.ModalView {
  const blocks: types.InputBlock[] = form.fields.slice(0, MODAL.inputs).map((f) => {
    const max = f.max;
    const element: types.PlainTextInput = {
      type: "plain_text_input",
      action_id: INPUT_ACTION_ID,
      multiline: f.kind === "textarea",
    };
    // Slack enforces the length in the dialog itself: the user sees it while typing.
    if (max && max <= MODAL.initial) element.max_length = max;
    if (f.placeholder) element.placeholder = { type: "plain_text", text: truncate(f.placeholder, MODAL.placeholder) };
    if (f.value) element.initial_value = truncate(f.value, max ?? MODAL.initial);
    return {
      type: "input",
      block_id: f.name,
      optional: !f.required,
      label: { type: "plain_text", text: truncate(toPlain(f.label), MODAL.label) || f.name },
      element,
    };
  });
  const privateMetadata = JSON.stringify({ c: meta.command, ch: meta.channelId, l: meta.locale });
  return {
    type: "modal",
    callback_id: FORM_CALLBACK_ID,
    title: { type: "plain_text", text: truncate(toPlain(form.title), MODAL.title) || "CDCE" },
    submit: { type: "plain_text", text: truncate(toPlain(form.submitLabel), MODAL.button) || "OK" },
    private_metadata: privateMetadata.length <= MODAL.metadata ? privateMetadata : JSON.stringify({ c: meta.command }),
    blocks,
  };
}

/** Reads `private_metadata` back; undefined when it is not ours (or was tampered with). */
export function readMeta(raw: string | undefined): FormMeta | undefined {
  try {
    const v = JSON.parse(raw ?? "") as { c?: unknown; ch?: unknown; l?: unknown };
    if (typeof v.c !== "string" || !v.c) return undefined;
    return {
      command: v.c,
      channelId: typeof v.ch === "string" ? v.ch : undefined,
      locale: typeof v.l === "string" ? (v.l as Locale) : undefined,
    };
  } catch {
    return undefined;
  }
}

/** The submitted state of a view: block_id -> action_id -> element state. */
export type ViewState = Record<string, Record<string, { type?: string; value?: string | null }>>;

/** Field values of a submission (empty fields left out, as if the option was not given). */
export function readValues(state: ViewState | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(state ?? {})) {
    const v = actions[INPUT_ACTION_ID]?.value;
    if (typeof v === "string" && v.trim() !== "") values[blockId] = v;
  }
  return values;
}

/**
 * `fieldErrors` keyed by the view's block ids. Slack refuses an errors map that names a block
 * the view does not have, so errors on options that have no field are shown on the first one.
 */
export function viewErrors(fieldErrors: Record<string, string>, blockIds: string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const orphans: string[] = [];
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (blockIds.includes(field)) errors[field] = truncate(toPlain(message), MODAL.error);
    else orphans.push(toPlain(message));
  }
  const first = blockIds[0];
  if (orphans.length && first) {
    errors[first] = truncate([errors[first], ...orphans].filter(Boolean).join(" · "), MODAL.error);
  }
  return errors;
}

/** The callback_id of the modal that asks for a file (a reply's `askFile`). */
export const FILE_CALLBACK_ID = "cdce_file";
/** The block_id of its one input: the file input. */
export const FILE_BLOCK_ID = "fichier";

/**
 * The modal asking for one file: an input block with a `file_input` element (Slack keeps the
 * upload and gives its id in the submission; the app needs `files:read` to show it). Slack's
 * `filetypes` only filters the picker: the command checks the file again.
 */
export function fileView(request: FileRequest, meta: FormMeta): types.ModalView {
  const element: types.FileInput = { type: "file_input", action_id: INPUT_ACTION_ID, filetypes: request.extensions, max_files: 1 };
  const privateMetadata = JSON.stringify({ c: meta.command, ch: meta.channelId, l: meta.locale });
  return {
    type: "modal",
    callback_id: FILE_CALLBACK_ID,
    title: { type: "plain_text", text: truncate(toPlain(request.title), MODAL.title) || "CDCE" },
    submit: { type: "plain_text", text: truncate(toPlain(request.submitLabel), MODAL.button) || "OK" },
    private_metadata: privateMetadata.length <= MODAL.metadata ? privateMetadata : JSON.stringify({ c: meta.command }),
    blocks: [{ type: "input", block_id: FILE_BLOCK_ID, label: { type: "plain_text", text: truncate(toPlain(request.label), MODAL.label) || "File" }, element }],
  };
}

/** The files a file input's submission holds (`state.values[block][action].files`): id, and name as Slack shows it. */
export function readFileIds(state: Record<string, Record<string, { files?: Array<{ id?: unknown; name?: unknown }> | null }>> | undefined): Array<{ id: string; name?: string }> {
  const files = state?.[FILE_BLOCK_ID]?.[INPUT_ACTION_ID]?.files ?? [];
  return files.filter((f) => typeof f.id === "string" && f.id !== "").map((f) => ({ id: f.id as string, ...(typeof f.name === "string" ? { name: f.name } : {}) }));
}
