/**
 * Right-click commands through the real discord.js client against the fake Discord:
 * "Partager avec le réseau" on a message opens the initiative form pre-filled with the
 * message's text and link; "Donner un rôle" on a member opens the role form with that
 * member, for coordination only (the chain's permission step, as for the typed command),
 * and its submission gives the role.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/catalogue.js";
import { startDiscordHarness, MEMBER, type DiscordHarness } from "../fakes/discord/harness.js";
import { sendMessageCommand, sendModalSubmit, sendUserCommand, textOf, type Who } from "../fakes/discord/interactions.js";
import { messageJson, user } from "../fakes/discord/model.js";

const COORDINATOR: Who = { userId: "400000000000000012", username: "dominique", locale: "fr" };
const MARIE = { userId: "400000000000000013", username: "marie" };
const fr = translator("fr");
const plain = (s: string) => s.replace(/[*_`]/g, "");

/** The inputs of a modal by custom id, with their pre-filled values. */
function inputs(modal: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const c of modal.components as { component: { custom_id: string; value?: string } }[]) out[c.component.custom_id] = c.component.value;
  return out;
}

let h: DiscordHarness;

beforeAll(async () => {
  h = await startDiscordHarness();
  await h.grant(COORDINATOR.userId, "coordination");
}, 30_000);

afterAll(async () => {
  await h?.close();
});

describe("Partager avec le réseau (message)", () => {
  it("opens the initiative form with the message's first line as title, its text and its link", async () => {
    const channel = h.fake.channel("general");
    const posted = messageJson(channel.id, user("400000000000000077", "lea"), { content: "Petit-déjeuner équitable samedi\nÀ l’école communale, 80 personnes." }, { guild_id: h.fake.guild.id });
    channel.messages.push(posted);
    const answer = await h.fake.waitForAnswer(sendMessageCommand(h.fake, "Partager avec le réseau", posted, COORDINATOR));
    expect(answer.callbackType).toBe(9);
    const values = inputs(answer.modal!);
    expect(values.titre).toBe("Petit-déjeuner équitable samedi");
    expect(values.description).toContain("À l’école communale, 80 personnes.");
    expect(values.description).toContain(`https://discord.com/channels/${h.fake.guild.id}/${channel.id}/${posted.id}`);
    expect(String(answer.modal!.custom_id)).toMatch(/^f:[^:]+:initiative$/);
  });
});

describe("Donner un rôle (member)", () => {
  it("opens the role form with the member for coordination; the submission gives the role", async () => {
    const answer = await h.fake.waitForAnswer(sendUserCommand(h.fake, "Donner un rôle", MARIE, COORDINATOR));
    expect(answer.callbackType).toBe(9);
    expect(inputs(answer.modal!).qui).toBe(`<@${MARIE.userId}>`);
    const done = await h.fake.waitForAnswer(sendModalSubmit(h.fake, answer.modal!, { qui: `<@${MARIE.userId}>`, role: "coordination", commune: "" }, COORDINATOR));
    expect(plain(textOf(done.message))).toBe(plain(fr("role.given", { user: `<@${MARIE.userId}>`, role: "coordination", commune: "" })));
  });

  it("refuses a plain member before any form, in their language", async () => {
    const answer = await h.fake.waitForAnswer(sendUserCommand(h.fake, "Donner un rôle", MARIE, { ...MEMBER, locale: "de" }));
    expect(answer.modal).toBeUndefined();
    expect(answer.ephemeral).toBe(true);
    expect(textOf(answer.message)).toMatch(/Koordination|vorbehalten/);
  });
});
