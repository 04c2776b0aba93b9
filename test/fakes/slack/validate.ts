/**
 * Slack's message and modal limits, checked the way Slack checks them (whole message
 * refused on any violation). Used by the fake Web API and response_url sink, and by the
 * renderer's unit tests, so both agree on what "too big" means.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string | undefined => (isObj(v) && typeof v.text === "string" ? v.text : undefined);

/** Problems with one message payload (`text` + `blocks`); empty when Slack would accept it. */
export function messageProblems(payload: { text?: unknown; blocks?: unknown }): string[] {
  const problems: string[] = [];
  const text = typeof payload.text === "string" ? payload.text : "";
  const blocks = Array.isArray(payload.blocks) ? (payload.blocks as unknown[]) : [];
  if (!text && blocks.length === 0) problems.push("no_text");
  if (text.length > 4000) problems.push(`text longer than 4000 (${text.length})`);
  if (blocks.length > 50) problems.push(`more than 50 blocks (${blocks.length})`);
  return [...problems, ...blocksProblems(blocks)];
}

/** Problems with each block of a message or a Home tab view (the count is the surface's own limit). */
export function blocksProblems(blocks: unknown[]): string[] {
  const problems: string[] = [];
  const actionIds = new Set<string>();
  blocks.forEach((b, i) => {
    if (!isObj(b)) return problems.push(`block ${i} is not an object`);
    switch (b.type) {
      case "header": {
        const t = textOf(b.text) ?? "";
        if (!t || t.length > 150) problems.push(`header ${i}: text length ${t.length}`);
        if (isObj(b.text) && b.text.type !== "plain_text") problems.push(`header ${i}: not plain_text`);
        break;
      }
      case "section": {
        const t = textOf(b.text);
        const fields = Array.isArray(b.fields) ? b.fields : [];
        if (t === undefined && fields.length === 0) problems.push(`section ${i}: neither text nor fields`);
        if (t !== undefined && (t.length === 0 || t.length > 3000)) problems.push(`section ${i}: text length ${t.length}`);
        if (fields.length > 10) problems.push(`section ${i}: ${fields.length} fields`);
        fields.forEach((f, j) => {
          const ft = textOf(f) ?? "";
          if (!ft || ft.length > 2000) problems.push(`section ${i} field ${j}: length ${ft.length}`);
        });
        break;
      }
      case "context": {
        const els = Array.isArray(b.elements) ? b.elements : [];
        if (els.length === 0 || els.length > 10) problems.push(`context ${i}: ${els.length} elements`);
        els.forEach((e) => {
          const t = textOf(e) ?? "";
          if (!t || t.length > 3000) problems.push(`context ${i}: element length ${t.length}`);
        });
        break;
      }
      case "actions": {
        const els = Array.isArray(b.elements) ? b.elements : [];
        if (els.length === 0 || els.length > 25) problems.push(`actions ${i}: ${els.length} elements`);
        els.forEach((e) => {
          if (!isObj(e)) return;
          const label = textOf(e.text) ?? "";
          if (!label || label.length > 75) problems.push(`actions ${i}: button text length ${label.length}`);
          const id = String(e.action_id ?? "");
          if (!id || id.length > 255) problems.push(`actions ${i}: bad action_id`);
          if (actionIds.has(id)) problems.push(`duplicate action_id ${id}`);
          actionIds.add(id);
          if (typeof e.value === "string" && e.value.length > 2000) problems.push(`actions ${i}: value too long`);
        });
        break;
      }
      case "divider":
        break;
      default:
        problems.push(`block ${i}: unknown type ${String(b.type)}`);
    }
  });
  return problems;
}

/**
 * Problems with a Home tab view given to `views.publish`: type `home`, at most 100 blocks
 * (https://docs.slack.dev/reference/views/home-tab-views), each block valid, metadata and
 * callback id within their lengths, the whole view under 250 kB (else `view_too_large`).
 */
export function homeViewProblems(view: unknown): string[] {
  if (!isObj(view)) return ["view is not an object"];
  const problems: string[] = [];
  if (view.type !== "home") problems.push(`view.type must be home (got ${String(view.type)})`);
  const blocks = Array.isArray(view.blocks) ? (view.blocks as unknown[]) : undefined;
  if (!blocks) problems.push("view.blocks missing");
  else {
    if (blocks.length > 100) problems.push(`${blocks.length} blocks (at most 100)`);
    problems.push(...blocksProblems(blocks));
  }
  if (typeof view.private_metadata === "string" && view.private_metadata.length > 3000) problems.push("private_metadata too long");
  if (typeof view.callback_id === "string" && view.callback_id.length > 255) problems.push("callback_id too long");
  return problems;
}

/** Problems with a modal view given to `views.open`. */
export function viewProblems(view: unknown): string[] {
  if (!isObj(view)) return ["view is not an object"];
  const problems: string[] = [];
  if (view.type !== "modal") problems.push("view.type must be modal");
  const title = textOf(view.title) ?? "";
  if (!title || title.length > 24) problems.push(`title length ${title.length}`);
  const submit = textOf(view.submit);
  if (submit !== undefined && (!submit || submit.length > 24)) problems.push(`submit length ${submit.length}`);
  if (typeof view.private_metadata === "string" && view.private_metadata.length > 3000) problems.push("private_metadata too long");
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  if (blocks.length > 100) problems.push(`${blocks.length} blocks`);
  const ids = new Set<string>();
  for (const b of blocks) {
    if (!isObj(b)) continue;
    const id = String(b.block_id ?? "");
    if (id && ids.has(id)) problems.push(`duplicate block_id ${id}`);
    ids.add(id);
    const label = textOf(b.label) ?? "";
    if (b.type === "input" && (!label || label.length > 2000)) problems.push(`input ${id}: label length ${label.length}`);
    const el = isObj(b.element) ? b.element : undefined;
    if (el?.type === "file_input") {
      // Slack's file input: filetypes an array of extensions, max_files 1 to 10.
      if (el.filetypes !== undefined && (!Array.isArray(el.filetypes) || el.filetypes.some((t: unknown) => typeof t !== "string" || t.startsWith(".")))) problems.push(`input ${id}: filetypes`);
      if (el.max_files !== undefined && (!Number.isInteger(el.max_files) || Number(el.max_files) < 1 || Number(el.max_files) > 10)) problems.push(`input ${id}: max_files ${String(el.max_files)}`);
    }
  }
  return problems;
}
