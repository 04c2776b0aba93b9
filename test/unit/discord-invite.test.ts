/**
 * `npm run discord:invite`: the invite link asks for the permissions the bot uses, no more,
 * and the script reads the application id from the .env of its working directory.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { PermissionFlagsBits, PermissionsBitField } from "discord.js";
import { afterAll, describe, expect, it } from "vitest";
import { BOT_PERMISSIONS, botPermissions, inviteUrl } from "../../src/platforms/discord/invite.js";

const APP = "123456789012345678";
const dir = mkdtempSync(join(tmpdir(), "cdce-invite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the Discord invite", () => {
  it("asks for what the code uses: posting, embeds, files, reading history (the crash check), scheduled events and forum posts", () => {
    const granted = new PermissionsBitField(botPermissions());
    expect(granted.toArray().sort()).toEqual(["AttachFiles", "EmbedLinks", "ManageEvents", "ReadMessageHistory", "SendMessages", "SendMessagesInThreads", "ViewChannel"]);
    // Nothing the bot does not do: no moderation, channel or thread management, or administrator.
    for (const unused of ["Administrator", "CreatePublicThreads", "ManageChannels", "ManageThreads", "ManageMessages", "MentionEveryone", "ManageRoles"] as const) {
      expect(granted.has(PermissionFlagsBits[unused], false)).toBe(false);
    }
    expect(BOT_PERMISSIONS.every((p) => p.why.length > 10)).toBe(true);
  });

  it("is Discord's OAuth2 authorize URL with the bot and commands scopes", () => {
    const url = new URL(inviteUrl(APP, "998877665544332211"));
    expect(`${url.origin}${url.pathname}`).toBe("https://discord.com/oauth2/authorize");
    expect(url.searchParams.get("client_id")).toBe(APP);
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
    expect(url.searchParams.get("permissions")).toBe(botPermissions().toString());
    expect(url.searchParams.get("guild_id")).toBe("998877665544332211");
    expect(inviteUrl(APP)).toContain("scope=bot+applications.commands&permissions=");
    expect(inviteUrl(APP)).not.toContain("guild_id");
  });

  it("npm run discord:invite prints it, with the application id of the .env", () => {
    writeFileSync(join(dir, ".env"), `DISCORD_APPLICATION_ID=${APP}\n`);
    const tsx = pathToFileURL(resolve("node_modules/tsx/dist/loader.mjs")).href;
    const r = spawnSync(process.execPath, ["--import", tsx, resolve("src/platforms/discord/invite-cli.ts")], { cwd: dir, env: { PATH: process.env.PATH ?? "" }, encoding: "utf8", timeout: 60_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(inviteUrl(APP));
    expect(r.stdout).toContain("ReadMessageHistory");
    const none = spawnSync(process.execPath, ["--import", tsx, resolve("src/platforms/discord/invite-cli.ts")], { cwd: mkdtempSync(join(dir, "empty-")), env: { PATH: process.env.PATH ?? "" }, encoding: "utf8", timeout: 60_000 });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("DISCORD_APPLICATION_ID");
  }, 60_000);
});
