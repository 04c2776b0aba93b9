/**
 * The adapter contract for Discord, through the real discord.js client against the fake
 * Discord's gateway and REST API. Each line becomes what a Discord user would send (the
 * `/cdce` sub-command with typed options, see test/fakes/discord/lines.ts); the reply is
 * every message the user sees (the answer and its follow-ups), embeds flattened to plain
 * text, files from the attachments. Forms are modals; Discord shows no errors inside a
 * modal, so a rejected submission is answered by a message naming each field, with a
 * button that reopens the modal pre-filled: that is how the user corrects. Plain language is
 * a person's message (MESSAGE_CREATE) in a DM or mentioning the bot, answered by a reply.
 */
import type { ChannelRef } from "../../src/core/types.js";
import { toLocale } from "../../src/core/i18n/catalogue.js";
import { discordText } from "../../src/platforms/discord/messages.js";
import type { Answer, InteractionRecord } from "../fakes/discord/fake-discord.js";
import { startDiscordHarness, type DiscordHarness } from "../fakes/discord/harness.js";
import { buttonsOf, sendClick, sendModalSubmit, textOf, type Who } from "../fakes/discord/interactions.js";
import { sendLine } from "../fakes/discord/lines.js";
import type { FakeMessage } from "../fakes/discord/model.js";
import { adapterContract } from "./adapter-contract.js";
import type { NormalizedReply, OpenedForm, ReceivedFile, SenderKnobs, Submission, UserOpts } from "./driver.js";
import { plainText } from "./text.js";

let h: DiscordHarness | undefined;
const harness = async () => (h ??= await startDiscordHarness());

const USERS: Record<string, string> = { fr: "500000000000000001", de: "500000000000000002", nl: "500000000000000003", en: "500000000000000004" };
const whoOf = (opts: UserOpts = {}): Who => {
  const locale = opts.locale ?? "fr";
  return { userId: USERS[locale] ?? USERS.fr!, username: `contract-${locale}`, locale };
};
const localeOf = (who: Who) => toLocale(who.locale) ?? "fr";

/** The messages of the last reply each user received; the modal each has open (and its fields). */
const lastMessages = new Map<string, FakeMessage[]>();
const openForms = new Map<string, { modal: Record<string, unknown>; form: OpenedForm; fix?: FakeMessage }>();

type Labelled = { type: number; label?: string; description?: string; component: { custom_id: string; value?: string } };

/** Everything the user sees for an interaction, once the bot is done; throws on anything Discord refused. */
async function seen(hh: DiscordHarness, who: Who, record: InteractionRecord): Promise<{ answer: Answer; reply: NormalizedReply }> {
  const answer = await hh.fake.waitForAnswer(record);
  // Long replies continue in follow-ups, files come last: wait until the bot has finished.
  if (!(await hh.adapter.whenIdle(10_000))) throw new Error("discord: the answer did not finish");
  if (record.errors.length) throw new Error(`discord refused: ${record.errors.join("; ")}`);
  const messages = [...new Set([answer.message, ...record.followups].filter((m): m is FakeMessage => !!m))];
  lastMessages.set(who.userId, messages);
  const files: ReceivedFile[] = messages.flatMap((m) =>
    ((m.attachments ?? []) as Array<{ filename: string }>).map((a) => ({
      name: a.filename,
      data: hh.fake.uploads.filter((u) => u.filename === a.filename).at(-1)!.data,
      private: (m.flags & 64) !== 0,
    })),
  );
  const reply: NormalizedReply = {
    texts: messages.map(textOf),
    buttons: messages.flatMap((m) => buttonsOf(m).map((b) => b.label)),
    ephemeral: answer.ephemeral,
    messages: messages.length,
    files,
  };
  return { answer, reply };
}

function formOf(modal: Record<string, unknown>): OpenedForm {
  const components = modal.components as Labelled[];
  // A label holds 45 characters; a longer one is whole in the description.
  return { title: String(modal.title), fields: components.map((c) => ({ name: c.component.custom_id, label: c.description ?? c.label ?? "" })) };
}

/** `• **Label** — message` lines of a rejection, by field name. */
function errorsByField(reply: NormalizedReply, form: OpenedForm): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const line of reply.texts.flatMap((t) => t.split("\n")).map(plainText)) {
    const m = /^• (.+?) — (.+)$/.exec(line);
    const field = m && form.fields.find((f) => plainText(f.label) === m[1]);
    if (field) errors[field.name] = m[2]!;
  }
  return errors;
}

let channels = 0;

adapterContract({
  name: "discord",
  // A message's embeds hold 6,000 characters in all.
  maxMessageChars: 6000,
  async run(line, opts) {
    const hh = await harness();
    const who = whoOf(opts);
    return (await seen(hh, who, sendLine(hh.fake, hh.app.dispatcher.registry, line, who))).reply;
  },
  async converse(text, opts = {}) {
    // A person's message (MESSAGE_CREATE) in their DM with the bot, or mentioning it in
    // #general; the answer is the bot's reply to it and whatever follows it in that channel.
    const hh = await harness();
    const who = whoOf(opts);
    const mention = opts.where === "mention";
    const { message, delivered } = hh.fake.write({ author: { userId: who.userId, username: who.username! }, content: text, dm: !mention, mentionBot: mention });
    if (!delivered) throw new Error("discord: the message was not sent to the bot (intents)");
    await hh.fake.waitUntil(() => hh.fake.repliesTo(message).length > 0, `a reply to message ${message.id}`);
    if (!(await hh.adapter.whenIdle(10_000))) throw new Error("discord: the answer did not finish");
    const channel = hh.fake.findChannel(message.channel_id)!;
    const after = channel.messages.slice(channel.messages.indexOf(message) + 1);
    const messages = after.filter((m) => (m.author as { id: string }).id === hh.fake.bot.id);
    lastMessages.set(who.userId, messages);
    // A reply to a message in a channel is seen by everyone there: never ephemeral.
    return { texts: messages.map(textOf), buttons: messages.flatMap((m) => buttonsOf(m).map((b) => b.label)), ephemeral: false, messages: messages.length, files: [] };
  },
  async click(label, opts) {
    const hh = await harness();
    const who = whoOf(opts);
    const message = lastMessages.get(who.userId)?.find((m) => buttonsOf(m).some((b) => b.label === label));
    if (!message) throw new Error(`discord: no button "${label}" on the last reply`);
    const button = buttonsOf(message).find((b) => b.label === label)!;
    // A button of a DM is clicked in the DM.
    const inDm = [...hh.fake.dms.values()].some((c) => c.id === message.channel_id);
    return (await seen(hh, who, sendClick(hh.fake, message, button.custom_id, inDm ? { ...who, dm: true } : who))).reply;
  },
  async openForm(line, opts) {
    const hh = await harness();
    const who = whoOf(opts);
    const answer = await hh.fake.waitForAnswer(sendLine(hh.fake, hh.app.dispatcher.registry, line, who));
    if (answer.callbackType !== 9 || !answer.modal) throw new Error(`discord: ${line} opened no modal (callback ${answer.callbackType})`);
    const form = formOf(answer.modal);
    openForms.set(who.userId, { modal: answer.modal, form });
    return form;
  },
  async submitForm(values, opts): Promise<Submission> {
    const hh = await harness();
    const who = whoOf(opts);
    const open = openForms.get(who.userId);
    if (!open) throw new Error("discord: no modal open");
    let modal = open.modal;
    if (open.fix) {
      // After a rejection: "fix" reopens the modal with what was typed, the user changes fields.
      const fix = buttonsOf(open.fix).find((b) => b.label === discordText("fix", localeOf(who)))!;
      const reopened = await hh.fake.waitForAnswer(sendClick(hh.fake, open.fix, fix.custom_id, who));
      if (reopened.callbackType !== 9 || !reopened.modal) throw new Error("discord: the fix button opened no modal");
      modal = reopened.modal;
    }
    const prefilled = Object.fromEntries((modal.components as Labelled[]).flatMap((c) => (c.component.value ? [[c.component.custom_id, c.component.value]] : [])));
    const { reply } = await seen(hh, who, sendModalSubmit(hh.fake, modal, { ...prefilled, ...values }, who));
    const fix = lastMessages.get(who.userId)!.find((m) => buttonsOf(m).some((b) => b.label === discordText("fix", localeOf(who))));
    if (!fix) {
      openForms.delete(who.userId);
      return { reply };
    }
    openForms.set(who.userId, { ...open, modal, fix });
    return { fieldErrors: errorsByField(reply, open.form), reply };
  },
  async app() {
    return (await harness()).app;
  },
  async sender(): Promise<SenderKnobs> {
    const hh = await harness();
    const ref = (channelId: string): ChannelRef => ({ platform: "discord", workspaceId: hh.fake.guild.id, channelId });
    return {
      sender: hh.adapter,
      channel: () => ref(hh.fake.addChannel(`contract-${++channels}`).id),
      unknownChannel: () => ref("123456789012345678"),
      forbiddenChannel: () => ref(hh.fake.channel("prive").id),
      member: { workspaceId: hh.fake.guild.id, userId: "812345678901234567" },
      failNextPost(target, f) {
        const path = new RegExp(`^/channels/${target.channelId}/messages$`);
        if (f.kind === "rate_limited") hh.fake.rateLimitNext({ path, retryAfterSeconds: f.retryAfterSeconds });
        // discord.js retries a 5xx a few times itself: an outage outlasts its retries.
        else hh.fake.failNext({ path, status: 502, times: 10 });
      },
      posted: (target) => (hh.fake.findChannel(target.channelId)?.messages ?? []).map(textOf),
    };
  },
  async close() {
    await h?.close();
  },
});
