/**
 * An idea proposed by a citizen on the public pages (people with no account in the network's
 * chat). It waits for the CoPil (`pending`): its commune's channels get it with Accept and
 * Refuse buttons, and nothing of it is shown to anyone else before it is accepted. The text
 * is kept as plain text (the pages escape it; the chat renderers never read markup from it);
 * an email address is kept only with the author's explicit consent, with a secret link that
 * erases it.
 */
import { randomBytes } from "node:crypto";
import type { Services } from "../../core/commands.js";
import type { Commune } from "../../core/ports.js";
import type { Idea } from "./ports.js";
import { newIdeaNotice } from "./service.js";

export const CITIZEN_IDEA_MAX = 2000;
export const EMAIL_MAX = 254;

export interface CitizenIdea {
  text: string;
  /** Kept only when `consent` is true. */
  email?: string;
  consent: boolean;
}

/** A simple, strict shape check (one @, a dot in the domain, no spaces or markup characters). */
export const isEmail = (s: string) => s.length <= EMAIL_MAX && /^[^\s@<>"'`]+@[^\s@<>"'`]+\.[^\s@<>"'`]{2,}$/.test(s);

/**
 * Stores the idea as awaiting moderation and queues its notice to the commune's channels,
 * both in one unit. Returns the idea and, when an address was kept, the erase token.
 */
export async function proposeCitizenIdea(services: Services, commune: Commune, idea: CitizenIdea): Promise<{ idea: Idea; eraseToken: string | null }> {
  const email = idea.consent && idea.email && isEmail(idea.email) ? idea.email : null;
  const eraseToken = email ? randomBytes(18).toString("base64url") : null;
  const now = services.clock();
  const stored = await services.transaction(async (scope) => {
    const created = await scope.community.ideas.create({ communeId: commune.id, authorId: null, anonymous: true, text: idea.text, status: "pending", origin: "web", contactEmail: email, eraseToken });
    await scope.notifier.enqueue(newIdeaNotice(created, commune.name, null, now));
    return created;
  });
  services.logger.info({ idea: stored.id, commune: commune.slug, contact: email !== null }, "citizen idea proposed");
  return { idea: stored, eraseToken };
}
