/** Drives the dispatcher like a platform would, as a given user with given roles. */
import type { App } from "../../src/app.js";
import { ensureMembership, resolveActor } from "../../src/core/identity.js";
import type { IncomingCommand, Reply, Role } from "../../src/core/types.js";

export interface As {
  user?: string;
  locale?: string;
  role?: Role;
  commune?: string;
  platform?: IncomingCommand["platform"];
}

/** Gives the user the role (and commune) before running, like an admin would have. */
export async function prepareUser(app: App, as: As): Promise<void> {
  const now = app.services.clock();
  const incoming = base(as);
  const actor = await resolveActor(incoming, app.services.repos, now);
  if (as.role) {
    const commune = as.commune ? await app.services.repos.communes.findByName(as.commune) : null;
    await ensureMembership(app.services.repos, actor.personId, as.role, commune?.id ?? null, now);
  }
}

function base(as: As): IncomingCommand {
  const platform = as.platform ?? "terminal";
  return {
    platform,
    workspaceId: "W1",
    userId: as.user ?? "u1",
    userName: as.user ?? "u1",
    platformLocale: as.locale,
    channel: { platform, workspaceId: "W1", channelId: "C1" },
  };
}

export async function run(app: App, line: string, as: As = {}): Promise<Reply> {
  if (as.role) await prepareUser(app, as);
  return app.dispatcher.handle({ ...base(as), text: line });
}

export async function runStructured(app: App, name: string, options: Record<string, unknown>, as: As = {}): Promise<Reply> {
  if (as.role) await prepareUser(app, as);
  return app.dispatcher.handle({ ...base(as), structured: { name, options } });
}

/** All the text of a reply, flattened (for assertions). */
export function textOf(r: Reply): string {
  return r.blocks
    .map((b) => {
      if (b.type === "section") return [b.text, ...(b.fields ?? []).map((f) => `${f.label}: ${f.value}`)].join("\n");
      if (b.type === "actions") return b.buttons.map((x) => `[${x.label}](${x.command})`).join(" ");
      if (b.type === "divider") return "---";
      return b.text;
    })
    .join("\n");
}

/** Kit ids shown in a kit reply (each kit's context line starts with its id in backticks). */
export function kitIds(r: Reply): string[] {
  return r.blocks.flatMap((b) => (b.type === "context" ? [...b.text.matchAll(/^`([a-z0-9-]+)`/g)].map((m) => m[1]!) : []));
}
