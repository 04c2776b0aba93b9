/** The person a task is for: `pour:moi`, or a mention of someone who already used the bot. */
import type { Services } from "../../core/commands.js";
import { CdceError } from "../../core/errors.js";
import { fold } from "../../core/fold.js";
import { parseUserMention } from "../../core/platform-users.js";
import { prefixWithin } from "../../core/clip.js";
import type { Actor } from "../../core/types.js";

const SELF = new Set(["moi", "me", "ich", "mich", "mij", "ik", "myself"]);

/** The owner's person id and name; the actor when nothing (or "me") is typed. */
export async function taskOwner(services: Services, actor: Actor, raw: string | undefined): Promise<{ id: string; name: string }> {
  const typed = raw?.trim();
  if (!typed || SELF.has(fold(typed).replace(/^@/, ""))) return { id: actor.personId, name: actor.name };
  const userId = parseUserMention(typed, actor.platform);
  const person = userId ? await services.repos.identity.findByAccount(actor.platform, actor.workspaceId, userId) : null;
  if (!person) throw new CdceError("task.unknown_person", "task.unknownPerson", { who: prefixWithin(typed, 60) });
  return { id: person.id, name: person.name };
}
