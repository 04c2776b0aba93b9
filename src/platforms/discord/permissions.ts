/**
 * The bot's permissions in one channel, computed as Discord documents it ("Permissions →
 * Permission Overwrites"): the guild owner and ADMINISTRATOR get everything; else the
 * @everyone role's permissions OR the member's roles', then the channel's @everyone
 * overwrite, the overwrites of the member's roles (all denies, then all allows), and the
 * member's own overwrite. Without VIEW_CHANNEL nothing else in the channel is usable.
 */
export const PERMISSION = {
  ADMINISTRATOR: 1n << 3n,
  VIEW_CHANNEL: 1n << 10n,
  SEND_MESSAGES: 1n << 11n,
  READ_MESSAGE_HISTORY: 1n << 16n,
} as const;

/** What the bot needs in a linked channel: see it, post there, read back its own posts (crash check). */
export const CHANNEL_NEEDS = [
  { bit: PERMISSION.VIEW_CHANNEL, name: "view" },
  { bit: PERMISSION.SEND_MESSAGES, name: "send" },
  { bit: PERMISSION.READ_MESSAGE_HISTORY, name: "history" },
] as const;

export interface Overwrite {
  id: string;
  /** 0 role, 1 member. */
  type: number;
  allow: string;
  deny: string;
}

export interface PermissionInput {
  guildId: string;
  ownerId?: string;
  roles: ReadonlyArray<{ id: string; permissions: string }>;
  member: { userId: string; roles: readonly string[] };
  overwrites: readonly Overwrite[];
}

const ALL = (1n << 64n) - 1n;

/** The member's effective permissions in the channel, as a bit set. */
export function channelPermissions(i: PermissionInput): bigint {
  if (i.ownerId === i.member.userId) return ALL;
  const perms = new Map(i.roles.map((r) => [r.id, BigInt(r.permissions)]));
  let base = perms.get(i.guildId) ?? 0n; // @everyone has the guild's id
  for (const role of i.member.roles) base |= perms.get(role) ?? 0n;
  if (base & PERMISSION.ADMINISTRATOR) return ALL;
  let p = base;
  const everyone = i.overwrites.find((o) => o.type === 0 && o.id === i.guildId);
  if (everyone) p = (p & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const o of i.overwrites) {
    if (o.type === 0 && i.member.roles.includes(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  p = (p & ~deny) | allow;
  const own = i.overwrites.find((o) => o.type === 1 && o.id === i.member.userId);
  if (own) p = (p & ~BigInt(own.deny)) | BigInt(own.allow);
  if (!(p & PERMISSION.VIEW_CHANNEL)) return 0n;
  return p;
}

/** The names of what the bot needs and lacks (`view`, `send`, `history`). */
export function missingChannelNeeds(perms: bigint): Array<(typeof CHANNEL_NEEDS)[number]["name"]> {
  return CHANNEL_NEEDS.filter((n) => !(perms & n.bit)).map((n) => n.name);
}
