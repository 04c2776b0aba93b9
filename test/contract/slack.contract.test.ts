/**
 * The adapter contract for Slack: each line is typed as `/cdce <line>` by a user of the
 * fake workspace (HTTP mode: a form body signed as Slack signs it, to the real Bolt app);
 * the reply is every message posted on the command's response_url, read as Slack shows it:
 * the blocks (the `text` field is only the notification fallback when blocks are present),
 * mrkdwn markers and HTML entities removed, buttons from the actions blocks.
 */
import { createSlackHarness, USERS, type SlackHarness } from "../fakes/slack/harness.js";
import { adapterContract, type NormalizedReply } from "./adapter-contract.js";

let h: SlackHarness | undefined;

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

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

function buttonLabels(message: { blocks?: any[] }): string[] {
  return (message.blocks ?? []).filter((b) => b.type === "actions").flatMap((b) => b.elements.map((e: any) => decode(e.text.text)));
}

adapterContract({
  name: "slack",
  async run(line, { locale = "fr" }): Promise<NormalizedReply> {
    h ??= await createSlackHarness({ mode: "http" });
    const { ack, responseUrl } = await h.command(line, USERS[locale] ?? USERS.fr!);
    if (ack.status !== 200) throw new Error(`slack: the command was not acked (${ack.status})`);
    // The first post starts the answer; long replies continue in more posts.
    await h.fake.response(responseUrl);
    if (!(await h.adapter.whenIdle(5000))) throw new Error("slack: the answer did not finish");
    const posts = h.fake.responsesTo(responseUrl).filter((p) => p.status === 200).map((p) => p.body);
    return {
      texts: posts.flatMap(visibleTexts),
      buttons: posts.flatMap(buttonLabels),
      ephemeral: posts[0]?.response_type === "ephemeral",
    };
  },
  async close() {
    await h?.close();
  },
});
