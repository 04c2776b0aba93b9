/**
 * Giving roles from the chat, and the coordinators named in the configuration. A role goes
 * only to a real platform user: a Slack or Discord id the platform confirms (through the
 * fakes, with the real SDKs), or a known local user in the terminal; never @everyone,
 * @here, a role mention, `__proto__` or a bare word, and no account is created for them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { run, textOf } from "../helpers/run.js";
import { parseUserMention } from "../../src/core/platform-users.js";
import { unescapeLinks } from "../../src/platforms/slack/listeners.js";
import type { IncomingCommand } from "../../src/core/types.js";
import { USERS, createSlackHarness, textOf as slackText, type SlackHarness } from "../fakes/slack/harness.js";
import { TEAM_ID } from "../fakes/slack/server.js";
import { startDiscordHarness, type DiscordHarness } from "../fakes/discord/harness.js";
import { textOf as discordText } from "../fakes/discord/interactions.js";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ coordinators: new Set(["slack:T1:UBOSS"]) });
});
afterAll(async () => {
  await app?.close();
});

const slack = (userId: string, text: string): IncomingCommand => ({ platform: "slack", workspaceId: "T1", userId, text, platformLocale: "fr-FR", channel: { platform: "slack", workspaceId: "T1", channelId: "C1" } });
const accounts = async (platform: IncomingCommand["platform"], workspaceId: string, userId: string) => app.services.repos.identity.findByAccount(platform, workspaceId, userId);

describe("roles", () => {
  it("makes a configured account coordination on its first message, and no one else", async () => {
    expect(textOf(await app.dispatcher.handle(slack("UBOSS", "aide kit ajouter")))).toContain("kit ajouter");
    expect(textOf(await app.dispatcher.handle(slack("UOTHER", "aide kit ajouter")))).not.toContain("kit ajouter");
    // Same user id in another workspace is another account.
    expect(textOf(await app.dispatcher.handle({ ...slack("UBOSS", "aide kit ajouter"), workspaceId: "T2" }))).not.toContain("kit ajouter");
  });

  it("refuses it to others, asks for a commune, and removes every role with aucun", async () => {
    await app.dispatcher.handle(slack("UXAVIER", "aide")); // a real user: known once they used the bot
    expect(textOf(await app.dispatcher.handle(slack("UOTHER", "role <@UXAVIER> coordination")))).toContain("réservée");
    expect(textOf(await app.dispatcher.handle(slack("UBOSS", "role <@UXAVIER> benevole")))).toContain("se donne pour une commune");
    expect(textOf(await app.dispatcher.handle(slack("UBOSS", "role <@UXAVIER> benevole Eupen")))).toContain("a maintenant le rôle");
    expect(textOf(await app.dispatcher.handle(slack("UBOSS", "role <@UXAVIER> aucun")))).toContain("1 rôle retiré");
    const person = await accounts("slack", "T1", "UXAVIER");
    expect(await app.services.repos.memberships.activeFor(person!.id, app.services.clock())).toEqual([]);
  });

  it("never gives a role to @everyone, @here, a role mention, __proto__ or a bare word, and creates no account", async () => {
    const refused = ["@everyone", "<!everyone>", "@here", "<!here>", "<!channel>", "<!subteam^S0123ABC>", "<@&812345678901234567>", "__proto__", "constructor", "marie"];
    for (const who of refused) {
      const text = textOf(await app.dispatcher.handle(slack("UBOSS", `role ${who} copil Namur`)));
      expect(text, who).toContain("n’est pas une personne");
    }
    const de = textOf(await app.dispatcher.handle({ ...slack("UBOSS", "role @here copil Eupen"), platformLocale: "de-DE" }));
    expect(de).toContain("ist keine Person");
    for (const id of ["everyone", "here", "channel", "__proto__", "constructor", "marie", "812345678901234567", "&812345678901234567", "!everyone"]) {
      expect(await accounts("slack", "T1", id), id).toBeNull();
    }
  });

  it("refuses a Slack id nobody confirmed when Slack cannot be asked, and creates no account", async () => {
    const text = textOf(await app.dispatcher.handle(slack("UBOSS", "role <@UGHOST123> copil Namur")));
    expect(text).toContain("Je ne peux pas vérifier");
    expect(await accounts("slack", "T1", "UGHOST123")).toBeNull();
  });

  it("gives a role in the terminal to a known local user only", async () => {
    const coordinator = { user: "chef", role: "coordination" as const };
    await run(app, "aide", { user: "marie" });
    expect(textOf(await run(app, "role marie copil Namur", coordinator))).toContain("a maintenant le rôle");
    expect(textOf(await run(app, "role inconnu copil Namur", coordinator))).toContain("Je ne trouve personne");
    expect(await accounts("terminal", "W1", "inconnu")).toBeNull();
    expect(textOf(await run(app, "role __proto__ copil Namur", coordinator))).toContain("n’est pas une personne");
    expect(await accounts("terminal", "W1", "__proto__")).toBeNull();
  });

  it("reads each platform's own user mentions and ids, nothing else", () => {
    expect(parseUserMention("<@U0123ABC|marie>", "slack")).toBe("U0123ABC");
    expect(parseUserMention("U0123ABCD", "slack")).toBe("U0123ABCD");
    expect(parseUserMention("<@!812345678901234567>", "discord")).toBe("812345678901234567");
    expect(parseUserMention("812345678901234567", "discord")).toBe("812345678901234567");
    expect(parseUserMention("marie", "terminal")).toBe("marie");
    for (const [raw, platform] of [["<@&812345678901234567>", "discord"], ["@everyone", "discord"], ["@here", "discord"], ["<!here>", "slack"], ["hello world", "slack"], ["marie", "slack"], ["marie", "discord"], ["__proto__", "terminal"], ["<@U0123ABC>", "discord"]] as const) {
      expect(parseUserMention(raw, platform), `${platform} ${raw}`).toBeUndefined();
    }
  });

  it("gives the core bare URLs from Slack's escaped links", () => {
    expect(unescapeLinks("kit ajouter lien:<https://cdce.be/x|cdce.be/x> <@U1|m>")).toBe("kit ajouter lien:https://cdce.be/x <@U1|m>");
  });
});

describe("roles through Slack (users.info on the fake)", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await createSlackHarness({ mode: "http" });
    await h.grant(USERS.en!, "coordination");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("gives a role to a workspace member who never used the bot, under their Slack name; an id Slack does not know gets none", async () => {
    const { responseUrl } = await h.command(`role <@${USERS.de!.id}|dieter> copil Namur`, USERS.en);
    expect(slackText((await h.fake.response(responseUrl)).body)).toContain("copil");
    const person = await h.app.services.repos.identity.findByAccount("slack", TEAM_ID, USERS.de!.id);
    expect(person?.name).toBe("Dieter Schmitz");
    const namur = await h.app.services.repos.communes.findByName("Namur");
    const held = await h.app.services.repos.memberships.activeFor(person!.id, h.app.services.clock());
    expect(held.map((m) => [m.role, m.communeId])).toEqual([["copil", namur!.id]]);

    const ghost = await h.command("role <@UNOBODY42> copil Namur", USERS.en);
    expect(slackText((await h.fake.response(ghost.responseUrl)).body)).toContain("I find nobody for");
    expect(await h.app.services.repos.identity.findByAccount("slack", TEAM_ID, "UNOBODY42")).toBeNull();
  });

  it("says it cannot check the person when Slack refuses to answer (missing scope), and creates nobody", async () => {
    h.fake.api.users.set("U0LUCIE", { id: "U0LUCIE", name: "lucie", real_name: "Lucie Martin", tz: "Europe/Brussels", locale: "fr-FR" });
    // The caller's own profile is read (and cached) first, so the failure hits the check of Lucie.
    await h.fake.response((await h.command("aide", USERS.en)).responseUrl);
    h.fake.failNext("users.info", { error: "missing_scope" });
    const { responseUrl } = await h.command("role <@U0LUCIE> benevole Namur", USERS.en);
    expect(slackText((await h.fake.response(responseUrl)).body)).toContain("I cannot check");
    expect(await h.app.services.repos.identity.findByAccount("slack", TEAM_ID, "U0LUCIE")).toBeNull();
  });
});

describe("roles through Discord (guild members on the fake)", () => {
  let h: DiscordHarness;
  const COORDINATOR = { userId: "400000000000000077", username: "coord", locale: "fr" };
  beforeAll(async () => {
    h = await startDiscordHarness();
    await h.grant(COORDINATOR.userId, "coordination");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("gives a role to a guild member, refuses a role mention and an id that is no member", async () => {
    h.fake.members.set("400000000000000088", "lea");
    const given = await h.run("role", { qui: "<@400000000000000088>", role: "benevole", commune: "Namur" }, COORDINATOR);
    expect(discordText(given.answer.message)).toContain("a maintenant le rôle");
    expect((await h.app.services.repos.identity.findByAccount("discord", h.fake.guild.id, "400000000000000088"))?.name).toBe("lea");

    const role = await h.run("role", { qui: "<@&400000000000000099>", role: "copil", commune: "Namur" }, COORDINATOR);
    expect(discordText(role.answer.message)).toContain("n’est pas une personne");
    const stranger = await h.run("role", { qui: "<@400000000000000066>", role: "copil", commune: "Namur" }, COORDINATOR);
    expect(discordText(stranger.answer.message)).toContain("Je ne trouve personne");
    for (const id of ["400000000000000099", "400000000000000066"]) expect(await h.app.services.repos.identity.findByAccount("discord", h.fake.guild.id, id)).toBeNull();
  });
});
