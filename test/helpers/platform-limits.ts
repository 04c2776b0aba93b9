/**
 * What Slack and Discord document as the limits of a message the bot sends, as checks:
 * each function returns the problems of one payload (empty when the platform accepts it).
 * Written from the platforms' reference pages (cited at each rule), independently of the
 * renderers, so a renderer cannot agree with itself on a wrong limit. Lengths are UTF-16
 * code units (JavaScript's `length`): never fewer than what either platform counts.
 * Beyond the documented limits, text must be well-formed Unicode: a lone surrogate (half an
 * emoji) shows as `�` or is refused.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Every string in a payload that is not well-formed UTF-16, with its path. */
function illFormed(value: unknown, path: string, out: string[]): void {
  if (typeof value === "string") {
    if (/\p{Cs}/u.test(value)) out.push(`${path}: lone surrogate (half an emoji)`);
  } else if (Array.isArray(value)) value.forEach((v, i) => illFormed(v, `${path}[${i}]`, out));
  else if (isObj(value)) for (const [k, v] of Object.entries(value)) illFormed(v, `${path}.${k}`, out);
}

/**
 * A Slack text object: `plain_text` or `mrkdwn`, 1 to `max` characters.
 * https://docs.slack.dev/reference/block-kit/composition-objects/text-object
 */
function slackText(t: unknown, where: string, max: number, p: string[], plainOnly = false): void {
  if (!isObj(t)) return void p.push(`${where}: text object missing`);
  if (t.type !== "plain_text" && t.type !== "mrkdwn") p.push(`${where}: text type ${String(t.type)}`);
  if (plainOnly && t.type !== "plain_text") p.push(`${where}: must be plain_text`);
  const text = str(t.text) ?? "";
  if (text.length < 1 || text.length > max) p.push(`${where}: text length ${text.length} not in 1..${max}`);
}

/**
 * Problems of one Slack message payload (chat.postMessage, chat.postEphemeral or a
 * response_url post): `text` and `blocks`.
 * - https://docs.slack.dev/reference/methods/chat.postMessage : `text` or `blocks` is
 *   required; `text` is truncated past 40,000 characters (the project keeps it within 4,000,
 *   Slack's advice for a message), at most 50 blocks.
 * - https://docs.slack.dev/reference/block-kit/blocks : `block_id` at most 255, unique.
 */
export function slackMessageProblems(payload: Obj): string[] {
  const p: string[] = [];
  const text = str(payload.text) ?? "";
  const blocks = arr(payload.blocks);
  if (!text.trim() && blocks.length === 0) p.push("empty message: no text and no blocks");
  if (text.length > 4000) p.push(`text: ${text.length} > 4000`);
  if (blocks.length > 50) p.push(`blocks: ${blocks.length} > 50`);
  const actionIds = new Set<string>();
  const blockIds = new Set<string>();
  blocks.forEach((b, i) => {
    const where = `blocks[${i}]`;
    if (!isObj(b)) return void p.push(`${where}: not an object`);
    if (b.block_id !== undefined) {
      const id = str(b.block_id) ?? "";
      if (id.length < 1 || id.length > 255) p.push(`${where}: block_id length ${id.length}`);
      if (blockIds.has(id)) p.push(`${where}: duplicate block_id ${id}`);
      blockIds.add(id);
    }
    switch (b.type) {
      // https://docs.slack.dev/reference/block-kit/blocks/header-block : plain_text, max 150.
      case "header":
        slackText(b.text, `${where} header`, 150, p, true);
        break;
      // https://docs.slack.dev/reference/block-kit/blocks/section-block : text 1..3,000;
      // `text` or `fields` required; at most 10 fields, each at most 2,000.
      case "section": {
        const fields = arr(b.fields);
        if (b.text === undefined && fields.length === 0) p.push(`${where} section: neither text nor fields`);
        if (b.text !== undefined) slackText(b.text, `${where} section`, 3000, p);
        if (fields.length > 10) p.push(`${where} section: ${fields.length} fields > 10`);
        fields.forEach((f, j) => slackText(f, `${where} section field ${j}`, 2000, p));
        break;
      }
      // https://docs.slack.dev/reference/block-kit/blocks/context-block : 1..10 elements.
      case "context": {
        const els = arr(b.elements);
        if (els.length < 1 || els.length > 10) p.push(`${where} context: ${els.length} elements not in 1..10`);
        els.forEach((e, j) => slackText(e, `${where} context element ${j}`, 3000, p));
        break;
      }
      // https://docs.slack.dev/reference/block-kit/blocks/actions-block : 1..25 elements.
      // https://docs.slack.dev/reference/block-kit/block-elements/button-element : text
      // plain_text at most 75, action_id at most 255 and unique in the message, value at
      // most 2,000, url at most 3,000.
      case "actions": {
        const els = arr(b.elements);
        if (els.length < 1 || els.length > 25) p.push(`${where} actions: ${els.length} elements not in 1..25`);
        els.forEach((e, j) => {
          const at = `${where} button ${j}`;
          if (!isObj(e) || e.type !== "button") return void p.push(`${at}: not a button`);
          slackText(e.text, at, 75, p, true);
          const id = str(e.action_id);
          if (id !== undefined) {
            if (id.length < 1 || id.length > 255) p.push(`${at}: action_id length ${id.length}`);
            if (actionIds.has(id)) p.push(`${at}: duplicate action_id ${id}`);
            actionIds.add(id);
          }
          if (e.value !== undefined && (str(e.value) ?? "").length > 2000) p.push(`${at}: value > 2000`);
          if (e.url !== undefined && (str(e.url) ?? "").length > 3000) p.push(`${at}: url > 3000`);
          if (e.style !== undefined && e.style !== "primary" && e.style !== "danger") p.push(`${at}: style ${String(e.style)}`);
        });
        break;
      }
      // https://docs.slack.dev/reference/block-kit/blocks/divider-block
      case "divider":
        break;
      default:
        p.push(`${where}: unknown block type ${String(b.type)}`);
    }
  });
  illFormed(payload, "message", p);
  return p;
}

/**
 * Problems of one Discord message body (create message, interaction response, follow-up).
 * - https://discord.com/developers/docs/resources/message#create-message : content at
 *   most 2,000; at least one of content, embeds, components, files, sticker or poll; at
 *   most 10 embeds.
 * - https://discord.com/developers/docs/resources/message#embed-object-embed-limits : title
 *   256, description 4,096, 25 fields, field name 256 and value 1,024, footer 2,048, author
 *   name 256, and 6,000 characters for all the embeds of the message together.
 * - https://discord.com/developers/docs/components/reference : at most 5 action rows; a row
 *   holds 1..5 buttons; a button is in a row; label at most 80; a non-link button has a
 *   custom_id of 1..100 characters, unique within the message; a link button (style 5) has
 *   a url and no custom_id.
 */
export function discordMessageProblems(body: Obj): string[] {
  const p: string[] = [];
  const content = str(body.content) ?? "";
  const embeds = arr(body.embeds);
  const rows = arr(body.components);
  if (content.length > 2000) p.push(`content: ${content.length} > 2000`);
  const visibleEmbeds = embeds.filter((e) => isObj(e) && embedText(e).some((t) => t.trim()));
  if (!content.trim() && visibleEmbeds.length === 0 && rows.length === 0) p.push("empty message: no content, embeds or components");
  if (embeds.length > 10) p.push(`embeds: ${embeds.length} > 10`);
  let total = 0;
  embeds.forEach((e, i) => {
    const at = `embeds[${i}]`;
    if (!isObj(e)) return void p.push(`${at}: not an object`);
    if (!embedText(e).some((t) => t.trim())) p.push(`${at}: shows nothing`);
    const title = str(e.title) ?? "";
    const description = str(e.description) ?? "";
    const footer = str(isObj(e.footer) ? e.footer.text : undefined) ?? "";
    const author = str(isObj(e.author) ? e.author.name : undefined) ?? "";
    const fields = arr(e.fields);
    if (title.length > 256) p.push(`${at}.title: ${title.length} > 256`);
    if (description.length > 4096) p.push(`${at}.description: ${description.length} > 4096`);
    if (footer.length > 2048) p.push(`${at}.footer: ${footer.length} > 2048`);
    if (author.length > 256) p.push(`${at}.author: ${author.length} > 256`);
    if (fields.length > 25) p.push(`${at}.fields: ${fields.length} > 25`);
    fields.forEach((f, j) => {
      const name = str(isObj(f) ? f.name : undefined) ?? "";
      const value = str(isObj(f) ? f.value : undefined) ?? "";
      if (!name.trim() || name.length > 256) p.push(`${at}.fields[${j}].name length ${name.length}`);
      if (!value.trim() || value.length > 1024) p.push(`${at}.fields[${j}].value length ${value.length}`);
    });
    total += embedText(e).reduce((n, t) => n + t.length, 0);
  });
  if (total > 6000) p.push(`embeds: ${total} characters > 6000`);
  if (rows.length > 5) p.push(`components: ${rows.length} rows > 5`);
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    const at = `components[${i}]`;
    if (!isObj(row) || row.type !== 1) return void p.push(`${at}: top level must be an action row (type 1)`);
    const items = arr(row.components);
    if (items.length < 1 || items.length > 5) p.push(`${at}: ${items.length} buttons not in 1..5`);
    items.forEach((b, j) => {
      const bt = `${at}.components[${j}]`;
      if (!isObj(b) || b.type !== 2) return void p.push(`${bt}: not a button`);
      const label = str(b.label) ?? "";
      if (label.length > 80) p.push(`${bt}: label ${label.length} > 80`);
      if (!label.trim() && b.emoji === undefined) p.push(`${bt}: neither label nor emoji`);
      if (b.style === 5) {
        if (b.custom_id !== undefined) p.push(`${bt}: link button with a custom_id`);
        if (!str(b.url)) p.push(`${bt}: link button without url`);
        return;
      }
      if (![1, 2, 3, 4].includes(Number(b.style))) p.push(`${bt}: style ${String(b.style)}`);
      if (b.url !== undefined) p.push(`${bt}: url on a non-link button`);
      const id = str(b.custom_id) ?? "";
      if (id.length < 1 || id.length > 100) p.push(`${bt}: custom_id length ${id.length}`);
      if (ids.has(id)) p.push(`${bt}: duplicate custom_id ${id}`);
      ids.add(id);
    });
  });
  illFormed(body, "message", p);
  return p;
}

/** The texts of an embed that count towards the 6,000 characters of a message. */
function embedText(e: Obj): string[] {
  const fields = arr(e.fields).map((f) => (isObj(f) ? `${str(f.name) ?? ""}${str(f.value) ?? ""}` : ""));
  return [str(e.title) ?? "", str(e.description) ?? "", str(isObj(e.footer) ? e.footer.text : undefined) ?? "", str(isObj(e.author) ? e.author.name : undefined) ?? "", ...fields];
}
