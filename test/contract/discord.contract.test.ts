/**
 * The adapter contract for Discord: each line becomes what a Discord user would send, the
 * `/cdce` sub-command with typed options (read from the line the way the core reads it),
 * through the fake Discord's gateway to the real discord.js client; the reply is every
 * message the user sees (the answer and its follow-ups), embeds flattened to plain text.
 * A line whose command Discord does not know is sent as a stale registration would.
 */
import { assignTokens, tokenize } from "../../src/core/parse-line.js";
import { subcommandName } from "../../src/platforms/discord/registration.js";
import { startDiscordHarness, type DiscordHarness } from "../fakes/discord/harness.js";
import { buttonsOf, sendCommand, textOf } from "../fakes/discord/interactions.js";
import { adapterContract, type NormalizedReply } from "./adapter-contract.js";

let h: DiscordHarness | undefined;
const USERS: Record<string, string> = { fr: "500000000000000001", de: "500000000000000002", nl: "500000000000000003", en: "500000000000000004" };

/** `kit jeunes page:2` -> `kit` with `{ mots: "jeunes", page: 2 }`, as Discord would type them. */
function toInteraction(harness: DiscordHarness, line: string) {
  const tokens = tokenize(line.trim());
  const registry = harness.app.dispatcher.registry;
  const def = (tokens.length > 1 ? registry.get(`${tokens[0]} ${tokens[1]}`) : undefined) ?? registry.get(tokens[0] ?? "aide");
  if (!def) return { sub: tokens[0] ?? "", values: {}, stale: true };
  const rest = tokens.slice(def.name.includes(" ") ? 2 : 1);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(assignTokens(rest, def.options).values)) {
    if (value === undefined || value === "") continue;
    values[name] = def.options[name]?.meta.kind === "int" ? Number(value) : String(value);
  }
  return { sub: subcommandName(def.name), values, stale: false };
}

adapterContract({
  name: "discord",
  async run(line, { locale = "fr" }): Promise<NormalizedReply> {
    h ??= await startDiscordHarness();
    const { sub, values, stale } = toInteraction(h, line);
    const record = sendCommand(h.fake, sub, values, { userId: USERS[locale] ?? USERS.fr!, locale }, { stale });
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
