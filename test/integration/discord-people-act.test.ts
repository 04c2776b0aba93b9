/**
 * Proposals and tasks through Discord (the real discord.js client against the fake): a
 * volunteer's `/cdce-agir proposer-action` opens the form as a modal and its submission
 * proposes the action; the CoPil's "Valider" button makes it a local event; the checklist
 * button applies the co-management kit's list; a "done" button moves a task.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/catalogue.js";
import { ensureMembership, resolveActor } from "../../src/core/identity.js";
import type { Role } from "../../src/core/types.js";
import { CHECKLISTS } from "../../src/features/actions/checklists.js";
import { startDiscordHarness, type DiscordHarness } from "../fakes/discord/harness.js";
import { buttonsOf, sendClick, sendModalSubmit, textOf, type Who } from "../fakes/discord/interactions.js";

const fr = translator("fr");
const VOLUNTEER: Who = { userId: "400000000000000031", username: "lou", locale: "fr" };
const COPIL: Who = { userId: "400000000000000032", username: "sam", locale: "fr" };
/** Markdown-free text, to compare with catalogue messages. */
const plain = (s: string) => s.replace(/[`*_]/g, "");

let h: DiscordHarness;

async function grant(who: Who, role: Role, commune: string): Promise<void> {
  const services = h.app.services;
  const now = services.clock();
  const actor = await resolveActor({ platform: "discord", workspaceId: h.fake.guild.id, userId: who.userId, userName: who.username }, services.repos, now);
  await ensureMembership(services.repos, actor.personId, role, (await services.repos.communes.findByName(commune))!.id, now);
}

beforeAll(async () => {
  h = await startDiscordHarness();
  await grant(VOLUNTEER, "benevole", "Namur");
  await grant(COPIL, "copil", "Namur");
  const namur = (await h.app.services.repos.communes.findByName("Namur"))!;
  await h.app.services.repos.channels.link({ platform: "discord", workspaceId: h.fake.guild.id, channelId: h.fake.channel().id, purpose: "commune", communeId: namur.id });
}, 30_000);

afterAll(async () => {
  await h?.close();
});

describe("proposing an action and its tasks on Discord", () => {
  it("a volunteer proposes through the modal; the CoPil validates by button and applies the checklist by button", async () => {
    const opened = await h.run("evenement proposer", {}, VOLUNTEER);
    expect(opened.answer.callbackType).toBe(9);
    const modal = opened.answer.modal!;
    expect((modal.components as { component: { custom_id: string } }[]).map((c) => c.component.custom_id)).toEqual(["type", "titre", "debut", "lieu", "description"]);
    const submitted = await h.fake.waitForAnswer(sendModalSubmit(h.fake, modal, { type: "stand", titre: "Stand Discord", debut: "12/12 9h-13h", lieu: "Halle", description: "" }, VOLUNTEER));
    expect(plain(textOf(submitted.message))).toContain("transmise au CoPil de Namur");

    const list = await h.run("propositions", {}, COPIL);
    const accept = buttonsOf(list.answer.message).find((b) => b.label === fr("act.button.accept"))!;
    expect(accept.custom_id).toMatch(/^c:proposition valider [0-9a-f]{8}$/);
    // The volunteer may not click it.
    const refused = await h.fake.waitForAnswer(sendClick(h.fake, list.answer.message!, accept.custom_id, VOLUNTEER));
    expect(plain(textOf(refused.message))).toContain(plain(fr("error.forbidden", { command: "proposition valider" })));
    const validated = await h.fake.waitForAnswer(sendClick(h.fake, list.answer.message!, accept.custom_id, COPIL));
    const text = plain(textOf(validated.message));
    expect(text).toContain("Proposition validée");
    const code = /\(([a-z0-9]{5})\)/.exec(text)![1]!;
    const event = (await h.app.services.events.repo.byCode(code))!;
    expect(event).toMatchObject({ kind: "local", title: "Stand Discord" });

    const stand = CHECKLISTS.find((c) => c.key === "stand")!;
    const apply = buttonsOf(validated.message).find((b) => b.label === fr("task.button.template", { name: stand.name.fr }))!;
    expect(apply.custom_id).toBe(`c:tache modele ${code} stand`);
    const applied = await h.fake.waitForAnswer(sendClick(h.fake, validated.message!, apply.custom_id, VOLUNTEER));
    expect(plain(textOf(applied.message))).toContain(plain(fr("task.template.applied", { name: stand.name.fr, event: "Stand Discord", count: stand.items.length })));
    const tasks = await h.app.services.actions.tasks.forEvent(event.id);
    expect(tasks).toHaveLength(stand.items.length);

    const done = buttonsOf(applied.message).find((b) => b.custom_id.startsWith("c:tache fait "))!;
    const moved = await h.fake.waitForAnswer(sendClick(h.fake, applied.message!, done.custom_id, VOLUNTEER));
    expect(plain(textOf(moved.message))).toContain("fait. Merci");
    expect((await h.app.services.actions.tasks.forEvent(event.id)).filter((x) => x.status === "done")).toHaveLength(1);
  });
});
