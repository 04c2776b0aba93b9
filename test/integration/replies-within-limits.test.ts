/**
 * Every command's replies, with normal inputs (each command's own usage example, in two
 * languages, as coordination and as a CoPil member) and maximal ones (long, emoji-heavy
 * titles and texts, 45 ideas, 30 initiatives, a 10-choice poll...), and every message
 * the outbox then posts, rendered by both renderers and checked against the platforms'
 * documented limits (test/helpers/platform-limits.ts). Beyond the limits, a reply must
 * stay whole: every button is rendered, and on Discord each item's buttons are on the
 * message that shows the item.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { run, type As } from "../helpers/run.js";
import { deliver, linkChannels, memorySender } from "../helpers/community.js";
import { discordMessageProblems, slackMessageProblems } from "../helpers/platform-limits.js";
import { renderReply as renderSlack } from "../../src/platforms/slack/render.js";
import { renderReply as renderDiscord, plainText, type DiscordMessage } from "../../src/platforms/discord/render.js";
import { CustomIdStore } from "../../src/platforms/discord/custom-ids.js";
import type { Block, Reply } from "../../src/core/types.js";

/** `n` characters of emoji-heavy French, shifted by `shift` so cuts land everywhere in the emoji. */
function heavy(n: number, shift = 0): string {
  const unit = "Marché équitable 🌍👍🏽🇧🇪👨‍👩‍👧 café ";
  return `${"é".repeat(shift % 11)}${unit.repeat(Math.ceil(n / unit.length) + 1)}`.slice(0, n).replace(/[\uD800-\uDBFF]$/, "");
}

const COORD: As = { user: "coord", role: "coordination" };
const COPIL: As = { user: "copil", role: "copil", commune: "Namur" };
const replies: Array<{ line: string; reply: Reply }> = [];
let app: TestApp;
/** The idea box once every idea shown has a note (one more block per idea). */
let boxWithNotes: Reply;

async function say(line: string, as: As, locale = "fr"): Promise<Reply> {
  const reply = await run(app, line, { ...as, locale });
  replies.push({ line, reply });
  return reply;
}
const refs = (r: Reply) => [...JSON.stringify(r.blocks).matchAll(/`([0-9a-f]{8})`/g)].map((m) => m[1]!);

beforeAll(async () => {
  app = await createTestApp();
  await linkChannels(app);
  await app.services.repos.channels.link({ platform: "discord", workspaceId: "G1", channelId: "901", purpose: "commune", communeId: (await app.services.repos.communes.findByName("Namur"))!.id });
  await say("moi", COORD);
  await say("moi", COPIL);

  // Normal inputs: each command's usage example, as coordination and as a CoPil member.
  for (const def of app.dispatcher.registry.all()) {
    for (const locale of ["de", "fr"]) {
      const usage = def.usage?.[locale as "fr"] ?? def.usage?.fr ?? def.name;
      await say(usage, COORD, locale);
      await say(usage, COPIL, locale);
    }
  }

  // Maximal inputs (moderation off, so that initiatives are listed at once).
  await say("config moderation non", COORD);
  for (let i = 0; i < 45; i++) await say(`idee ${heavy(1490 + (i % 12), i)} commune:Namur${i % 3 ? "" : " anonyme:oui"}`, COPIL);
  const box = await say("idees", COPIL);
  await say("idees commune:Namur", COORD);
  for (const ref of refs(box)) await say(`idee statut ${ref} retenue ${heavy(300, 3)}`, COPIL);
  boxWithNotes = await say("idees", COPIL);
  for (let i = 0; i < 30; i++) {
    await say(`initiative titre:"${heavy(140 + (i % 12), i)}" description:"${heavy(1490 + (i % 12), i)}" type:atelier date:hier commune:Namur lieu:"${heavy(195 + (i % 8), i)}" liens:https://cdce.be/a,https://cdce.be/b`, COPIL);
  }
  const list = await say("initiatives", COORD);
  await say("initiatives page:2", COORD);
  await say("initiatives atelier Namur", COPIL);
  await say("carte", COORD);
  for (const ref of refs(list).slice(0, 3)) await say(`initiative voir ${ref}`, COORD);
  const choices = Array.from({ length: 10 }, (_, i) => `"${heavy(70 + i, i)}"`).join(" ");
  const poll = await say(`sondage "${heavy(200, 1)}" ${choices}`, COPIL);
  for (const ref of refs(poll).slice(0, 1)) {
    await say(`sondage voter ${ref} 3`, COORD);
    await say(`sondage resultats ${ref}`, COPIL);
  }
  for (let i = 0; i < 6; i++) {
    await say(`retour titre:"${heavy(85 + i, i)}" contexte:"${heavy(1495 + i, i)}" reussi:"${heavy(995 + i, i)}" eviter:"${heavy(995 + i, i + 1)}" conseils:"${heavy(995 + i, i + 2)}" contact:"${heavy(195 + i, i)}" commune:Namur`, COPIL);
  }
  const sheets = await say("retours marché", COPIL);
  for (const ref of refs(sheets).slice(0, 2)) await say(`retour voir ${ref}`, COPIL);
  for (let i = 0; i < 12; i++) await say(`outils declarer ${heavy(30 + i, i)} categorie:design note:"${heavy(190 + i, i)}" commune:Namur`, COPIL);
  await say("outils", COPIL);
  await say(`webinaire planifier titre:"${heavy(150, 2)}" theme:gouvernance debut:"12/03 14h-15h30" capacite:30 details:"${heavy(299, 4)}"`, COORD);
  await say("webinaires", COORD);
  await say(`kit ${heavy(150, 5)}`, COPIL);
  await say("aide", COORD);
  await say("tableau Namur", COORD);
  await say("veille", COORD);
}, 600_000);

afterAll(async () => {
  await app?.close();
});

/** Every neutral button of a reply. */
const buttonsIn = (r: Reply) => r.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
const discordButtons = (ms: DiscordMessage[]) => ms.flatMap((m) => (m.components ?? []).flatMap((row) => row.components));
const discordText = (m: DiscordMessage) => plainText([m.content ?? "", ...(m.embeds ?? []).flatMap((e) => [e.title ?? "", e.description ?? "", e.footer?.text ?? "", ...(e.fields ?? []).map((f) => `${f.name} ${f.value}`)])].join("\n"));

/** Problems of one reply on Discord: limits, buttons all there, each with its item. */
function discordProblems(line: string, reply: Reply): string[] {
  const store = new CustomIdStore(100_000);
  const messages = renderDiscord(reply, store);
  const out = messages.flatMap((m, i) => discordMessageProblems(m as never).map((p) => `discord "${line.slice(0, 40)}" message ${i}: ${p}`));
  const rendered = discordButtons(messages);
  if (rendered.length !== buttonsIn(reply).length) out.push(`discord "${line.slice(0, 40)}": ${rendered.length} of ${buttonsIn(reply).length} buttons`);
  // The block just before each group of buttons (the item they act on) is on their message.
  reply.blocks.forEach((b, i) => {
    if (b.type !== "actions" || !b.buttons.length) return;
    const item = [...reply.blocks.slice(0, i)].reverse().find((x): x is Extract<Block, { text: string }> => x.type !== "actions" && x.type !== "divider");
    const words = item ? plainText(item.text).replace(/\s+/g, " ").trim().slice(0, 12) : "";
    if (words.length < 12) return;
    const holder = messages.find((m) => (m.components ?? []).some((row) => row.components.some((c) => {
      const entry = store.resolve(c.custom_id);
      return entry.kind === "command" && entry.line === b.buttons[0]!.command;
    })));
    if (!holder || !discordText(holder).replace(/\s+/g, " ").includes(words)) out.push(`discord "${line.slice(0, 40)}": buttons of "${words}" are not on its message`);
  });
  return out;
}

/** Problems of one reply on Slack: as a reply (up to 5 messages) and as an outbox post (1). */
function slackProblems(line: string, reply: Reply): string[] {
  const out: string[] = [];
  for (const maxMessages of [5, 1]) {
    const messages = renderSlack(reply, { maxMessages });
    out.push(...messages.flatMap((m, i) => slackMessageProblems(m as never).map((p) => `slack(${maxMessages}) "${line.slice(0, 40)}" message ${i}: ${p}`)));
    const cut = JSON.stringify(messages).includes("… (+");
    const rendered = messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []))).length;
    if (!cut && rendered !== buttonsIn(reply).length) out.push(`slack "${line.slice(0, 40)}": ${rendered} of ${buttonsIn(reply).length} buttons`);
  }
  return out;
}

describe("every reply and every outbox message, rendered for Slack and Discord", () => {
  it("stays within the platforms' documented limits, whole", { timeout: 600_000 }, async () => {
    const slack = memorySender("slack");
    const discord = memorySender("discord");
    await deliver(app, [slack, discord]);
    const posted = [...slack.posted, ...discord.posted].map((p) => ({ line: `outbox ${p.idempotencyKey}`, reply: p.reply }));
    const all = [...replies, ...posted];
    const problems = all.flatMap(({ line, reply }) => [...slackProblems(line, reply), ...discordProblems(line, reply)]);
    console.info(`checked ${replies.length} command replies and ${posted.length} outbox messages on Slack and Discord: ${problems.length} problems`);
    expect(replies.length).toBeGreaterThan(350);
    expect(posted.length).toBeGreaterThan(50);
    // The maximal inputs reached the renderers (not refused as too long).
    expect(all.filter(({ reply }) => buttonsIn(reply).length > 25).length).toBeGreaterThan(0);
    expect(problems.slice(0, 30)).toEqual([]);
  });

  it("shows every idea of the box with its status buttons, none cut off", () => {
    const shown = boxWithNotes.blocks.filter((b) => b.type === "section").length;
    expect(shown).toBe(10);
    expect(boxWithNotes.blocks.filter((b) => b.type === "actions")).toHaveLength(shown);
  });

  it("quotes what was typed, cut to a length, without cutting a character in half", { timeout: 120_000 }, async () => {
    const typed = (n: number) => `${"a".repeat(n)}🇧🇪👍🏽🎉`;
    const lines = [
      ...[38, 39].flatMap((n) => [`initiative voir ${typed(n)}`, `idee statut ${typed(n)} retenue`, `retour voir ${typed(n)}`, `initiatives periode:${typed(n)}`]),
      ...[58, 59].flatMap((n) => [`idees commune:${typed(n)}`, `outils declarer Canva commune:${typed(n)}`, `evenements commune:${typed(n)}`]),
      ...[18, 19].flatMap((n) => [`webinaire ${typed(n)}`, `copil ajouter Marie Dupont fin:${typed(n)}`]),
      ...[38, 39, 78, 79].map((n) => `kit ${typed(n)}`),
      ...[38, 39].flatMap((n) => [typed(n), `aide ${typed(n)}`]),
      ...[58, 59].map((n) => `webinaires langue:${typed(n)}`),
    ];
    const broken: string[] = [];
    for (const line of lines) {
      const reply = await run(app, line, { ...COPIL, locale: "fr" });
      const texts = [reply.text, ...reply.blocks.flatMap((b) => (b.type === "actions" ? b.buttons.flatMap((x) => [x.label, x.command]) : b.type === "divider" ? [] : [b.text, ...(b.type === "section" ? (b.fields ?? []).flatMap((f) => [f.label, f.value]) : [])]))];
      if (texts.some((x) => /\p{Cs}/u.test(x))) broken.push(line);
    }
    expect(broken).toEqual([]);
  });
});
