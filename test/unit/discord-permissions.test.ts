/** The bot's permissions in a channel, as Discord documents the computation. */
import { describe, expect, it } from "vitest";
import { channelPermissions, missingChannelNeeds, PERMISSION, type PermissionInput } from "../../src/platforms/discord/permissions.js";

const GUILD = "100";
const BOT = "200";
const ROLE = "300";
const { VIEW_CHANNEL: VIEW, SEND_MESSAGES: SEND, READ_MESSAGE_HISTORY: HISTORY, ADMINISTRATOR } = PERMISSION;

function input(o: Partial<PermissionInput> & { everyone?: bigint; role?: bigint; botRoles?: string[] } = {}): PermissionInput {
  return {
    guildId: GUILD,
    ownerId: o.ownerId,
    roles: [{ id: GUILD, permissions: String(o.everyone ?? VIEW | SEND | HISTORY) }, { id: ROLE, permissions: String(o.role ?? 0n) }],
    member: { userId: BOT, roles: o.botRoles ?? [] },
    overwrites: o.overwrites ?? [],
  };
}
const ow = (id: string, type: number, allow: bigint, deny: bigint) => ({ id, type, allow: String(allow), deny: String(deny) });

describe("channelPermissions", () => {
  it("takes @everyone's permissions when nothing else applies", () => {
    expect(missingChannelNeeds(channelPermissions(input()))).toEqual([]);
    expect(missingChannelNeeds(channelPermissions(input({ everyone: VIEW })))).toEqual(["send", "history"]);
  });

  it("applies the @everyone overwrite, then the roles' (deny before allow), then the member's", () => {
    const denyAll = ow(GUILD, 0, 0n, SEND | HISTORY);
    expect(missingChannelNeeds(channelPermissions(input({ overwrites: [denyAll] })))).toEqual(["send", "history"]);
    // A role overwrite allowing SEND wins over the @everyone deny.
    const roleAllows = ow(ROLE, 0, SEND, 0n);
    expect(missingChannelNeeds(channelPermissions(input({ overwrites: [denyAll, roleAllows], botRoles: [ROLE] })))).toEqual(["history"]);
    // Not when the bot does not hold that role.
    expect(missingChannelNeeds(channelPermissions(input({ overwrites: [denyAll, roleAllows] })))).toEqual(["send", "history"]);
    // The member's own overwrite comes last.
    const memberDenies = ow(BOT, 1, 0n, SEND);
    expect(missingChannelNeeds(channelPermissions(input({ overwrites: [roleAllows, memberDenies], botRoles: [ROLE] })))).toEqual(["send"]);
  });

  it("without View Channel, nothing else counts", () => {
    expect(missingChannelNeeds(channelPermissions(input({ overwrites: [ow(GUILD, 0, 0n, VIEW)] })))).toEqual(["view", "send", "history"]);
  });

  it("gives everything to Administrator and to the owner, whatever the overwrites", () => {
    const denyAll = ow(GUILD, 0, 0n, VIEW | SEND | HISTORY);
    expect(missingChannelNeeds(channelPermissions(input({ role: ADMINISTRATOR, botRoles: [ROLE], overwrites: [denyAll] })))).toEqual([]);
    expect(missingChannelNeeds(channelPermissions(input({ ownerId: BOT, everyone: 0n, overwrites: [denyAll] })))).toEqual([]);
  });
});
