/**
 * The announce + RSVP button path on the real platforms' SDKs against the fakes: a webinar
 * planned by coordination is posted by the outbox in the network channel with its buttons;
 * a member clicks "Register" on that posted message and gets the answer; a full webinar
 * puts the next one on the waitlist.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../../src/core/i18n/catalogue.js";
import { USERS, buttonsOf, createSlackHarness, textOf, type SlackHarness } from "../../fakes/slack/harness.js";
import { startDiscordHarness, type DiscordHarness } from "../../fakes/discord/harness.js";
import { buttonsOf as discordButtons, sendClick, textOf as discordText } from "../../fakes/discord/interactions.js";
import { codeOf, deliverDue } from "../../helpers/events.js";

const fr = translator("fr");
const de = translator("de");

describe("Slack: announcement and RSVP button", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await createSlackHarness({ mode: "http" });
    await h.grant(USERS.en!, "coordination");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("posts the announcement in the network channel; a click registers, then waitlists", async () => {
    await h.fake.response((await h.command("config canal reseau", USERS.en, "C0RESEAU")).responseUrl);
    const planned = await h.fake.response((await h.command('webinaire planifier titre:"Partenariats locaux" theme:partenariats debut:"15/12/2026 14h" capacite:1', USERS.en)).responseUrl);
    const code = codeOf(textOf(planned.body));
    await deliverDue(h.app, h.adapter);
    const post = await h.fake.call("chat.postMessage");
    expect(post.args.channel).toBe("C0RESEAU");
    expect(textOf(post.args)).toContain("Partenariats locaux");
    const join = buttonsOf(post.args).find((b) => b.label === fr("ev.button.join"))!;
    expect(join.value).toBe(`webinaire rejoindre ${code}`);

    const first = await h.click(join, USERS.fr, "C0RESEAU");
    expect(first.ack.status).toBe(200);
    const answer = await h.fake.response(first.responseUrl);
    expect(answer.body.response_type).toBe("ephemeral");
    expect(textOf(answer.body)).toContain("Vous êtes inscrit·e à « Partenariats locaux »");
    expect(buttonsOf(answer.body).map((b) => b.label)).toContain(fr("ev.button.leave"));

    const second = await h.fake.response((await h.click(join, USERS.de, "C0RESEAU")).responseUrl);
    expect(textOf(second.body)).toContain("Nr. 1 auf der Warteliste");
  });

  it("delivers the registered person's reminder as a DM at 09:00 Brussels, a week before", async () => {
    // A DM goes to the conversation Slack opens with the person (conversations.open).
    const dm = (id: string) => [id, `D${id.slice(1)}`];
    const posts = () => h.fake.calls.filter((c) => c.method === "chat.postMessage" && dm(USERS.fr!.id).includes(c.args.channel));
    h.app.setNow(new Date("2026-12-08T07:59:00Z"));
    await deliverDue(h.app, h.adapter);
    expect(posts()).toHaveLength(0);
    h.app.setNow(new Date("2026-12-08T08:00:30Z")); // 09:00:30 in Brussels
    await deliverDue(h.app, h.adapter);
    expect(posts()).toHaveLength(1);
    expect(textOf(posts()[0]!.args)).toContain("Rappel : « Partenariats locaux » commence bientôt");
    // The person on the waitlist gets none.
    expect(h.fake.calls.filter((c) => c.method === "chat.postMessage" && dm(USERS.de!.id).includes(c.args.channel))).toHaveLength(0);
    h.app.setNow(new Date("2026-11-29T10:00:00Z"));
  });

  it("plans through the modal: five fields in the user's language, a bad date kept under its field", async () => {
    const before = h.fake.api.views.length;
    await h.command("webinaire planifier", USERS.en);
    await h.fake.calls.next((c) => c.method === "views.open", { skip: before });
    const view = h.fake.api.views[before]!.view;
    expect(view.blocks.map((b: any) => b.block_id)).toEqual(["titre", "theme", "debut", "lien", "details"]);
    const bad = await h.submit(view, { titre: "Communication locale", theme: "communication", debut: "13/03/2025 14:00", details: "30 seats, en" }, USERS.en);
    expect(bad.body?.response_action).toBe("errors");
    expect(bad.body?.errors.debut).toContain("already past");
    const good = await h.submit(view, { titre: "Communication locale", theme: "kommunikation", debut: "2027-03-12 14:00-15:30", details: "30 seats, de, copil" }, USERS.en);
    expect(good.status).toBe(200);
    const events = await h.app.services.events.repo.list({ from: new Date("2027-01-01T00:00:00Z"), limit: 10 });
    expect(events.find((e) => e.title === "Communication locale")).toMatchObject({ theme: "communication", capacity: 30, language: "de", audiences: ["copil"] });
    expect(de("ev.button.join")).toBeTruthy();
  });
});

describe("Discord: announcement and RSVP button", () => {
  let h: DiscordHarness;
  const COORD = { userId: "400000000000000099", username: "coord", locale: "fr" };
  const MEMBER = { userId: "400000000000000002", username: "camille", locale: "fr" };
  beforeAll(async () => {
    h = await startDiscordHarness();
    await h.grant(COORD.userId, "coordination");
  }, 30_000);
  afterAll(async () => {
    await h?.close();
  });

  it("posts the announcement in the network channel with buttons; a click registers", async () => {
    // Where each command sits under /cdce depends on how many there are (subcommand groups).
    // h.run takes the registry name and finds its place on Discord itself (grouped or not).
    await h.run("config canal", { usage: "reseau" }, COORD);
    const planned = await h.run("webinaire planifier", { titre: "Gouvernance du CoPil", theme: "gouvernance", debut: "16/12/2026 19h", capacite: "20" }, COORD);
    const code = codeOf(discordText(planned.answer.message));
    await deliverDue(h.app, h.adapter);
    const channel = h.fake.channel();
    const posted = channel.messages.find((m) => discordText(m).includes("Gouvernance du CoPil"))!;
    expect(posted).toBeTruthy();
    const join = discordButtons(posted).find((b) => b.label === fr("ev.button.join"))!;
    expect(join.custom_id).toBe(`c:webinaire rejoindre ${code}`);
    const answer = await h.fake.waitForAnswer(sendClick(h.fake, posted, join.custom_id, MEMBER));
    expect(discordText(answer.message)).toContain("Vous êtes inscrit·e à « Gouvernance du CoPil »");
    const event = (await h.app.services.events.repo.byCode(code))!;
    expect(event.goingCount).toBe(1);
  });
});
