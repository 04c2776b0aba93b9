/**
 * The adapter contract for Slack, through the real Bolt app against the fake Slack in HTTP
 * mode (form bodies signed as Slack signs them). A line is typed as `/cdce <line>`; the
 * reply is every post on the command's response_url (or, after a modal submission, the
 * chat.postMessage / chat.postEphemeral calls), read as Slack shows it: the blocks (the
 * `text` field is only the notification fallback when blocks are present), mrkdwn markers
 * and HTML entities removed, buttons from the actions blocks; files are those shared
 * through files.uploadV2. Forms are modals (views.open), submitted as view_submission.
 * Plain language arrives as Events API events (message.im, app_mention), signed JSON.
 */
import type { ChannelRef } from "../../src/core/types.js";
import { USERS, buttonsOf, createSlackHarness, type SlackHarness } from "../fakes/slack/harness.js";
import type { ApiCall } from "../fakes/slack/server.js";
import { TEAM_ID } from "../fakes/slack/server.js";
import type { FakeUser } from "../fakes/slack/web-api.js";
import { directMessage, mention } from "../fakes/slack/events.js";
import { adapterContract } from "./adapter-contract.js";
import type { NormalizedReply, OpenedForm, ReceivedFile, SenderKnobs, Submission, UserOpts } from "./driver.js";

let h: SlackHarness | undefined;
const harness = async () => (h ??= await createSlackHarness({ mode: "http" }));

type SlackButton = { value: string; action_id: string; label: string };
/** The buttons of the last reply each user received, and the modal each has open. */
const lastButtons = new Map<string, SlackButton[]>();
const openViews = new Map<string, any>();

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const userOf = (opts: UserOpts = {}): FakeUser => USERS[opts.locale ?? "fr"] ?? USERS.fr!;

/** What a Slack user reads of one message: blocks in order, or the text when there are none. */
function visibleTexts(message: { text?: string; blocks?: any[] }): string[] {
  if (!message.blocks?.length) return [decode(message.text ?? "")];
  const texts: string[] = [];
  for (const b of message.blocks) {
    if (b.type === "actions" || b.type === "divider") continue;
    if (b.text?.text) texts.push(decode(b.text.text));
    for (const f of b.fields ?? []) texts.push(decode(f.text));
    for (const e of b.elements ?? []) texts.push(decode(typeof e.text === "string" ? e.text : (e.text?.text ?? "")));
  }
  return texts;
}

/** Files shared since `before` (ids of the files already there): a DM's file is private. */
function newFiles(hh: SlackHarness, before: Set<string>): ReceivedFile[] {
  return [...hh.fake.api.files.values()]
    .filter((f) => !before.has(f.id) && f.channel && f.data)
    .map((f) => ({ name: f.filename, data: f.data!, private: f.channel!.startsWith("D") }));
}

function normalize(user: FakeUser, bodies: Array<Record<string, any>>, ephemeral: boolean, files: ReceivedFile[]): NormalizedReply {
  const buttons = bodies.flatMap((b) => buttonsOf(b).map((x) => ({ ...x, label: decode(x.label) })));
  lastButtons.set(user.id, buttons);
  return { texts: bodies.flatMap(visibleTexts), buttons: buttons.map((b) => b.label), ephemeral, messages: bodies.length, files };
}

/** Waits until the adapter has finished answering (long replies and files come after the first post). */
async function settled(hh: SlackHarness): Promise<void> {
  if (!(await hh.adapter.whenIdle(10_000))) throw new Error("slack: the answer did not finish");
}

/** The reply posted on a response_url: every post, all accepted by Slack. */
async function responseReply(hh: SlackHarness, user: FakeUser, responseUrl: string, filesBefore: Set<string>): Promise<NormalizedReply> {
  await hh.fake.response(responseUrl);
  await settled(hh);
  const posts = hh.fake.responsesTo(responseUrl);
  const refused = posts.filter((p) => p.status !== 200);
  if (refused.length) throw new Error(`slack refused ${refused.length} post(s): ${JSON.stringify(refused.map((p) => p.status))}`);
  return normalize(user, posts.map((p) => p.body), posts[0]?.body.response_type === "ephemeral", newFiles(hh, filesBefore));
}

const isPost = (c: ApiCall) => c.method === "chat.postMessage" || c.method === "chat.postEphemeral";

let channels = 0;
const ref = (channelId: string): ChannelRef => ({ platform: "slack", workspaceId: TEAM_ID, channelId });

adapterContract({
  name: "slack",
  // A message holds 50 blocks, each section at most 3,000 characters.
  maxMessageChars: 50 * 3000,
  async run(line, opts) {
    const hh = await harness();
    const user = userOf(opts);
    const files = new Set(hh.fake.api.files.keys());
    const { ack, responseUrl } = await hh.command(line, user);
    if (ack.status !== 200) throw new Error(`slack: the command was not acked (${ack.status})`);
    return responseReply(hh, user, responseUrl, files);
  },
  async converse(text, opts = {}) {
    // A message.im event in the person's DM, or an app_mention in a channel; the answer is
    // what the bot posts (chat.postMessage in the DM, chat.postEphemeral for a mention).
    const hh = await harness();
    const user = userOf(opts);
    const event = opts.where === "mention" ? mention(user.id, "C0CONTRACTDOOR", text) : directMessage(user.id, text);
    const posts = hh.fake.calls.filter(isPost).length;
    const ack = await hh.event(event);
    if (!ack.delivered) throw new Error(`slack: the event was not sent (${ack.reason})`);
    if (ack.status !== 200) throw new Error(`slack: the event was not acked (${ack.status})`);
    await hh.fake.calls.next(isPost, { skip: posts });
    await settled(hh);
    const calls = hh.fake.calls.filter(isPost).slice(posts);
    if (calls.some((c) => !c.ok)) throw new Error(`slack refused a post: ${calls.map((c) => c.error).join(", ")}`);
    return normalize(user, calls.map((c) => c.args), calls[0]!.method === "chat.postEphemeral", []);
  },
  async click(label, opts) {
    const hh = await harness();
    const user = userOf(opts);
    const button = lastButtons.get(user.id)?.find((b) => b.label === label);
    if (!button) throw new Error(`slack: no button "${label}" on the last reply (${(lastButtons.get(user.id) ?? []).map((b) => b.label).join(", ")})`);
    const files = new Set(hh.fake.api.files.keys());
    const { ack, responseUrl } = await hh.click(button, user);
    if (ack.status !== 200) throw new Error(`slack: the click was not acked (${ack.status})`);
    return responseReply(hh, user, responseUrl, files);
  },
  async openForm(line, opts): Promise<OpenedForm> {
    const hh = await harness();
    const user = userOf(opts);
    const views = hh.fake.api.views.length;
    const opens = hh.fake.calls.filter((c) => c.method === "views.open").length;
    await hh.command(line, user);
    const call = await hh.fake.calls.next((c) => c.method === "views.open", { skip: opens });
    if (!call.ok) throw new Error(`slack: views.open refused (${call.error})`);
    const view = hh.fake.api.views[views]!.view;
    openViews.set(user.id, view);
    return { title: view.title.text, fields: view.blocks.map((b: any) => ({ name: b.block_id, label: b.label.text })) };
  },
  async submitForm(values, opts): Promise<Submission> {
    const hh = await harness();
    const user = userOf(opts);
    const view = openViews.get(user.id);
    if (!view) throw new Error("slack: no modal open");
    const posts = hh.fake.calls.filter(isPost).length;
    const ack = await hh.submit(view, values, user);
    if (ack.status !== 200) throw new Error(`slack: the submission was not acked (${ack.status})`);
    // The modal stays open, each error under its field: the user corrects and submits it again.
    if (ack.body?.response_action === "errors") return { fieldErrors: ack.body.errors, reply: normalize(user, [], true, []) };
    if (ack.body !== undefined) throw new Error(`slack: unexpected submission ack ${JSON.stringify(ack.body)}`);
    openViews.delete(user.id);
    await hh.fake.calls.next(isPost, { skip: posts });
    await settled(hh);
    const calls = hh.fake.calls.filter(isPost).slice(posts);
    if (calls.some((c) => !c.ok)) throw new Error(`slack refused a post: ${calls.map((c) => c.error).join(", ")}`);
    return { reply: normalize(user, calls.map((c) => c.args), calls[0]!.method === "chat.postEphemeral", []) };
  },
  async app() {
    return (await harness()).app;
  },
  async sender(): Promise<SenderKnobs> {
    const hh = await harness();
    return {
      sender: hh.adapter,
      channel: () => ref(`C0CONTRACT${++channels}`),
      unknownChannel: () => ref("CMISSING0CONTRACT"),
      forbiddenChannel: () => {
        hh.fake.api.notInChannel.add("C0NOTMEMBER");
        return ref("C0NOTMEMBER");
      },
      member: { workspaceId: TEAM_ID, userId: USERS.nl!.id },
      // The fake fails the method, whatever the channel: the next chat.postMessage is the case's.
      failNextPost: (_target, f) => hh.fake.failNext("chat.postMessage", f.kind === "rate_limited" ? { status: 429, retryAfter: f.retryAfterSeconds } : { status: 500 }),
      posted: (target) => (hh.fake.api.history.get(target.channelId) ?? []).map((m) => visibleTexts(m).join("\n")),
    };
  },
  async close() {
    await h?.close();
  },
});
