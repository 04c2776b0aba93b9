/**
 * The terminal's one user: the local person, whose identity (role, commune, language) comes
 * from the command-line flags and is made to match them at start.
 */
import type { Repositories } from "../../core/ports.js";
import type { IncomingCommand } from "../../core/types.js";
import type { PlainMessage } from "../../core/inbound.js";
import { ensureMembership, resolveActor } from "../../core/identity.js";
import type { TerminalArgs } from "./args.js";

export const WORKSPACE = "local";
export const CONSOLE = { platform: "terminal", workspaceId: WORKSPACE, channelId: "console" } as const;

/** Makes the local person match the flags: the given role (in the commune), nothing else. */
export async function syncLocalActor(args: TerminalArgs, repos: Repositories, now: Date): Promise<void> {
  const base: IncomingCommand = { platform: "terminal", workspaceId: WORKSPACE, userId: args.user, userName: args.user };
  const actor = await resolveActor(base, repos, now);
  let communeId: string | null = null;
  if (args.commune) {
    const commune = await repos.communes.findByName(args.commune);
    if (!commune) throw new Error(`--commune: unknown commune "${args.commune}"`);
    communeId = commune.id;
  }
  const scoped = args.role === "coordination" ? null : communeId;
  for (const m of await repos.memberships.activeFor(actor.personId, now)) {
    if (m.role !== args.role || m.communeId !== scoped) await repos.memberships.end(m.id, now);
  }
  await ensureMembership(repos, actor.personId, args.role, scoped, now);
  if (args.lang) await repos.identity.updatePerson(actor.personId, { locale: args.lang, localeChosen: true });
}

/** A typed line (with or without `/cdce`) as the core takes it. */
export function toIncoming(line: string, args: TerminalArgs): IncomingCommand {
  return {
    platform: "terminal",
    workspaceId: WORKSPACE,
    userId: args.user,
    userName: args.user,
    channel: { ...CONSOLE },
    text: line.replace(/^\s*\/cdce\b/i, "").trim(),
  };
}

/** Whether a typed line is a command (`/cdce …`); any other line is written in plain language. */
export function isCommandLine(line: string): boolean {
  return /^\s*\/cdce\b/i.test(line);
}

/** A line written in plain language, as the front door takes it (src/core/inbound.ts). */
export function toPlainMessage(line: string, args: TerminalArgs): PlainMessage {
  return { platform: "terminal", workspaceId: WORKSPACE, userId: args.user, userName: args.user, channel: { ...CONSOLE }, text: line.trim() };
}
