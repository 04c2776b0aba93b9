/** Giving roles from the chat, and the coordinators named in the configuration. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { textOf } from "../helpers/run.js";
import { parseMention } from "../../commands/role.js";
import { unescapeLinks } from "../../src/platforms/slack/listeners.js";
import type { IncomingCommand } from "../../src/core/types.js";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ coordinators: new Set(["slack:T1:UBOSS"]) });
});
afterAll(async () => {
  await app?.close();
});

const slack = (userId: string, text: string): IncomingCommand => ({ platform: "slack", workspaceId: "T1", userId, text, channel: { platform: "slack", workspaceId: "T1", channelId: "C1" } });

describe("roles", () => {
  it("makes a configured account coordination on its first message, and no one else", async () => {
    expect(textOf(await app.dispatcher.handle(slack("UBOSS", "aide")))).toContain("kit ajouter");
    expect(textOf(await app.dispatcher.handle(slack("UOTHER", "aide")))).not.toContain("kit ajouter");
    // Same user id in another workspace is another account.
    expect(textOf(await app.dispatcher.handle({ ...slack("UBOSS", "aide"), workspaceId: "T2" }))).not.toContain("kit ajouter");
  });

  it("lets coordination give a CoPil role for a commune, by mention, to someone who never used the bot", async () => {
    const r = await app.dispatcher.handle(slack("UBOSS", "role <@UMARIE|marie> copil Namur"));
    expect(textOf(r)).toContain("copil");
    expect(textOf(r)).toContain("Namur");
    const person = await app.services.repos.identity.findByAccount("slack", "T1", "UMARIE");
    const roles = await app.services.repos.memberships.activeFor(person!.id, app.services.clock());
    const namur = await app.services.repos.communes.findByName("Namur");
    expect(roles.map((m) => [m.role, m.communeId])).toEqual([["copil", namur!.id]]);
  });

  it("refuses it to others, asks for a commune, and removes every role with aucun", async () => {
    expect(textOf(await app.dispatcher.handle(slack("UOTHER", "role <@UX> coordination")))).toContain("réservée");
    expect(textOf(await app.dispatcher.handle(slack("UBOSS", "role <@UX> benevole")))).toContain("se donne pour une commune");
    await app.dispatcher.handle(slack("UBOSS", "role <@UX> benevole Eupen"));
    expect(textOf(await app.dispatcher.handle(slack("UBOSS", "role <@UX> aucun")))).toContain("1 rôle retiré");
    const person = await app.services.repos.identity.findByAccount("slack", "T1", "UX");
    expect(await app.services.repos.memberships.activeFor(person!.id, app.services.clock())).toEqual([]);
  });

  it("reads Slack and Discord mentions and bare ids", () => {
    expect(parseMention("<@U0123ABC|marie>")).toBe("U0123ABC");
    expect(parseMention("<@!812345678901234567>")).toBe("812345678901234567");
    expect(parseMention("812345678901234567")).toBe("812345678901234567");
    expect(parseMention("hello world")).toBeUndefined();
  });

  it("gives the core bare URLs from Slack's escaped links", () => {
    expect(unescapeLinks("kit ajouter lien:<https://cdce.be/x|cdce.be/x> <@U1|m>")).toBe("kit ajouter lien:https://cdce.be/x <@U1|m>");
  });
});
