/**
 * Proposing an action and refusing it, through Slack: the volunteer's `/cdce evenement
 * proposer` opens the form as a modal, its submission reaches the CoPil's list with
 * "Valider" / "Refuser", and the "Refuser" button opens a modal asking the reason (the
 * proposal prefilled), whose submission refuses it and tells the proposer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/catalogue.js";
import { toMrkdwn } from "../../src/platforms/slack/mrkdwn.js";
import { CHANNEL, USERS, buttonsOf, createSlackHarness, textOf, type Mode, type SlackHarness } from "../fakes/slack/harness.js";
import { rows } from "../helpers/community.js";

const fr = translator("fr");
const nl = translator("nl");

describe.each<Mode>(["http", "socket"])("proposing an action on Slack in %s mode", (mode) => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await createSlackHarness({ mode });
    const namur = (await h.app.services.repos.communes.findByName("Namur"))!;
    await h.grant(USERS.fr!, "benevole", namur.id);
    await h.grant(USERS.nl!, "copil", namur.id);
    await h.app.services.repos.channels.link({ platform: "slack", workspaceId: "T0CDCE", channelId: CHANNEL, purpose: "commune", communeId: namur.id });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("opens the proposal form for a volunteer, and the CoPil's Refuser button asks the reason in a modal", async () => {
    const title = `Stand Slack ${mode}`;
    const before = h.fake.api.views.length;
    await h.command("evenement proposer", USERS.fr);
    await h.fake.calls.next((c) => c.method === "views.open", { skip: before });
    const view = h.fake.api.views[before]!.view;
    expect(view.title.text).toBe(fr("act.propose.formTitle"));
    expect(view.blocks.map((b: any) => b.block_id)).toEqual(["type", "titre", "debut", "lieu", "description"]);
    const ephemerals = h.fake.calls.filter((c) => c.method === "chat.postEphemeral").length;
    const ack = await h.submit(view, { type: "stand", titre: title, debut: "12/12 9h-13h", lieu: "Place d’Armes" }, USERS.fr);
    expect(ack).toEqual({ status: 200, body: undefined });
    const sent = await h.fake.calls.next((c) => c.method === "chat.postEphemeral", { skip: ephemerals });
    expect(textOf(sent.args)).toContain("transmise au CoPil de Namur");

    // The CoPil (Dutch) lists what waits, with its buttons in Dutch.
    const { responseUrl } = await h.command("propositions", USERS.nl);
    const list = await h.fake.response(responseUrl);
    expect(textOf(list.body)).toContain(title);
    const refuse = buttonsOf(list.body).find((b) => b.label === nl("act.button.refuse"))!;
    expect(refuse.value).toMatch(/^proposition refuser [0-9a-f]{8}$/);
    const ref = refuse.value.split(" ")[2]!;

    const views = h.fake.api.views.length;
    await h.click(refuse, USERS.nl);
    await h.fake.calls.next((c) => c.method === "views.open", { skip: views });
    const modal = h.fake.api.views[views]!.view;
    expect(modal.title.text).toBe(nl("act.refuse.formTitle"));
    expect(modal.blocks.map((b: any) => b.block_id)).toEqual(["ref", "raison"]);
    expect(JSON.stringify(modal.blocks[0])).toContain(ref);
    expect((await h.app.services.actions.proposals.find(ref))!.status).toBe("pending");

    const beforeDone = h.fake.calls.filter((c) => c.method === "chat.postEphemeral").length;
    await h.submit(modal, { ref, raison: "Al een stand die dag" }, USERS.nl);
    const done = await h.fake.calls.next((c) => c.method === "chat.postEphemeral", { skip: beforeDone });
    const proposer = (await h.app.services.repos.identity.findByAccount("slack", "T0CDCE", USERS.fr!.id))!;
    expect(textOf(done.args)).toContain(toMrkdwn(nl("act.refused.told", { title, who: proposer.name })));
    expect(await h.app.services.actions.proposals.find(ref)).toMatchObject({ status: "refused", reason: "Al een stand die dag" });
    const dm = (await rows(h.app, "proposal:")).filter((r) => r.key.includes(":decided:refused") && r.summary.includes(title));
    expect(dm.map((d) => d.target.userId)).toEqual([USERS.fr!.id]);
  });
});
