/**
 * The adapter contract for Discord: each line becomes what a Discord user would send (the
 * `/cdce` sub-command with typed options, see test/fakes/discord/lines.ts), through the
 * fake Discord's gateway to the real discord.js client; the reply is every message the
 * user sees (the answer and its follow-ups), embeds flattened to plain text.
 */
import { startDiscordHarness, type DiscordHarness } from "../fakes/discord/harness.js";
import { buttonsOf, textOf } from "../fakes/discord/interactions.js";
import { sendLine } from "../fakes/discord/lines.js";
import { adapterContract, type NormalizedReply } from "./adapter-contract.js";

let h: DiscordHarness | undefined;
const USERS: Record<string, string> = { fr: "500000000000000001", de: "500000000000000002", nl: "500000000000000003", en: "500000000000000004" };

adapterContract({
  name: "discord",
  async run(line, { locale = "fr" }): Promise<NormalizedReply> {
    h ??= await startDiscordHarness();
    const record = sendLine(h.fake, h.app.dispatcher.registry, line, { userId: USERS[locale] ?? USERS.fr!, locale });
    const answer = await h.fake.waitForAnswer(record);
    // Long replies continue in follow-ups: wait until the bot has finished answering.
    if (!(await h.adapter.whenIdle(5000))) throw new Error("discord: the answer did not finish");
    const messages = [answer.message, ...record.followups];
    return {
      texts: messages.map(textOf),
      buttons: messages.flatMap((m) => buttonsOf(m).map((b) => b.label)),
      ephemeral: answer.ephemeral,
    };
  },
  async close() {
    await h?.close();
  },
});
