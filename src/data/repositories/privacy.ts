/**
 * Prisma implementation of {@link PrivacyRepository}: what the bot keeps about a person,
 * and erasing it.
 *
 * Erasure relies on the schema's relations to Person: accounts and memberships cascade,
 * authorship columns (initiatives, sheets, polls, votes, ideas, tools, activity) are set to
 * null. Free text that identifies the person outside those columns is handled here: the
 * contact line of their sheets, outbox messages addressed to them (their platform user id),
 * and messages that name them: by convention their key carries the person id
 * (`initiative:<id>:post:<hash>:by:<personId>`, `initiative:<id>:contact:<personId>`); those
 * already posted are taken down through the outbox. A feature that stores personal data
 * elsewhere must relate it to Person or extend `erase`.
 */
import type { PersonalData, PrivacyRepository, ErasureReport } from "../../features/privacy/index.js";
import type { Db } from "../client.js";
import { PrismaIdentityRepository } from "./identity.js";
import { checkStored, roleSchema } from "../json.js";
import { queueRemovals } from "../outbox-removals.js";
import { eraseEventData } from "./events-erase.js";
import { identityCacheOf } from "./identity-cache.js";
import { PERSON_LINKS } from "./privacy-links.js";

/** A queued or sent message as the person sees it: what it said, where, when; no claim bookkeeping. */
function exportedMessage(r: { id: string; kind: string; platform: string; channelId: string; userId: string | null; payload: string; dueAt: Date; state: string; sentAt: Date | null }) {
  let content: unknown = r.payload;
  try {
    content = JSON.parse(r.payload);
  } catch {
    // Kept as stored: an export never fails on one odd row.
  }
  return { id: r.id, kind: r.kind, platform: r.platform, channelId: r.channelId, userId: r.userId, content, dueAt: r.dueAt, state: r.state, sentAt: r.sentAt };
}

export class PrismaPrivacyRepository implements PrivacyRepository {
  constructor(private readonly db: Db) {}

  /** Outbox rows to or about the person (direct messages, keys naming them). */
  private async outboxWhere(personId: string) {
    const accounts = await this.db.platformAccount.findMany({ where: { personId } });
    return {
      OR: [
        { idempotencyKey: { contains: personId } },
        ...accounts.map((a) => ({ platform: a.platform, workspaceId: a.workspaceId, userId: a.userId })),
      ],
    };
  }

  async collect(personId: string): Promise<PersonalData | null> {
    const identity = new PrismaIdentityRepository(this.db);
    const person = await identity.getPerson(personId);
    if (!person) return null;
    const memberships = await this.db.membership.findMany({ where: { personId }, orderBy: { since: "asc" } });
    const [lists, messages] = await Promise.all([
      Promise.all(PERSON_LINKS.map(async (link) => [link.key, await link.read(this.db, personId)] as const)),
      this.outboxWhere(personId).then((where) => this.db.outboxMessage.findMany({ where, orderBy: { createdAt: "asc" } })),
    ]);
    return {
      person,
      accounts: await identity.accounts(personId),
      memberships: memberships.map((m) => ({ id: m.id, personId: m.personId, communeId: m.communeId, role: checkStored(roleSchema, m.role, { table: "Membership", column: "role", id: m.id }), since: m.since, until: m.until })),
      records: Object.fromEntries([...lists, ["messages", messages.map(exportedMessage)]]),
    };
  }

  async erase(personId: string, now: Date): Promise<ErasureReport> {
    const accounts = await this.db.platformAccount.findMany({ where: { personId } });
    const memberships = await this.db.membership.count({ where: { personId } });
    // Messages that name the person carry their id in the key: posted ones are taken down
    // (removal rows keyed without the id), and none is kept. Direct messages to them go too.
    const naming = await this.db.outboxMessage.findMany({ where: { idempotencyKey: { contains: personId } } });
    const toThem = (r: { platform: string; workspaceId: string; userId: string | null }) =>
      accounts.some((a) => a.platform === r.platform && a.workspaceId === r.workspaceId && a.userId === r.userId);
    const removing = await queueRemovals(this.db, naming.filter((r) => !toThem(r)), now, (r) => `erasure:${r.id}#remove`);
    // Webinar and event registrations (seats given back to the waitlists), reminder preferences.
    const events = await eraseEventData(this.db, personId);
    const results = await this.db.$transaction([
      this.db.outboxMessage.deleteMany({ where: { OR: [{ id: { in: naming.map((r) => r.id) } }, ...accounts.map((a) => ({ platform: a.platform, workspaceId: a.workspaceId, userId: a.userId }))] } }),
      this.db.experienceSheet.updateMany({ where: { authorId: personId }, data: { contact: null, authorId: null } }),
      this.db.initiative.updateMany({ where: { authorId: personId }, data: { authorId: null } }),
      this.db.initiativeFollow.updateMany({ where: { personId }, data: { personId: null } }),
      this.db.poll.updateMany({ where: { authorId: personId }, data: { authorId: null } }),
      this.db.pollVote.updateMany({ where: { voterId: personId }, data: { voterId: null } }),
      this.db.idea.updateMany({ where: { authorId: personId }, data: { authorId: null } }),
      this.db.toolUse.updateMany({ where: { declaredById: personId }, data: { declaredById: null } }),
      this.db.activityEvent.updateMany({ where: { personId }, data: { personId: null } }),
      // Accounts and memberships go with the person (onDelete: Cascade).
      this.db.person.deleteMany({ where: { id: personId } }),
    ]);
    identityCacheOf(this.db).forgetPerson(personId);
    const [messages, sheets, initiatives, follows, polls, votes, ideas, tools, activity, person] = results.map((r) => r.count);
    return {
      person: person ?? 0, accounts: accounts.length, memberships, messages: messages ?? 0, removing, sheets: sheets ?? 0, initiatives: initiatives ?? 0,
      follows: follows ?? 0, polls: polls ?? 0, votes: votes ?? 0, ideas: ideas ?? 0, tools: tools ?? 0, activity: activity ?? 0,
      registrations: events.registrations, reminderPreferences: events.preferences,
    };
  }
}
