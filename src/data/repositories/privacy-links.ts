/**
 * Every table that holds rows about a person, and how to read them: what `/cdce moi export`
 * gives back. The list follows the schema's relations to Person; a test walks Prisma's model
 * metadata and fails when a table that points at Person is missing here, so a new feature
 * that keeps something about people cannot forget to export it.
 */
import type { Db } from "../client.js";

export interface PersonLink {
  /** Name of the list in the export (`registrations`). */
  key: string;
  /** Prisma model and the column naming the person. */
  model: string;
  field: string;
  read(db: Db, personId: string): Promise<ReadonlyArray<Record<string, unknown>>>;
}

/** Accounts and memberships are exported apart (typed); everything else is listed here. */
export const PERSON_LINKS: readonly PersonLink[] = [
  { key: "initiatives", model: "Initiative", field: "authorId", read: (db, id) => db.initiative.findMany({ where: { authorId: id }, orderBy: { createdAt: "asc" } }) },
  { key: "follows", model: "InitiativeFollow", field: "personId", read: (db, id) => db.initiativeFollow.findMany({ where: { personId: id }, orderBy: { at: "asc" } }) },
  { key: "sheets", model: "ExperienceSheet", field: "authorId", read: (db, id) => db.experienceSheet.findMany({ where: { authorId: id }, orderBy: { createdAt: "asc" } }) },
  { key: "polls", model: "Poll", field: "authorId", read: (db, id) => db.poll.findMany({ where: { authorId: id }, orderBy: { createdAt: "asc" } }) },
  { key: "votes", model: "PollVote", field: "voterId", read: (db, id) => db.pollVote.findMany({ where: { voterId: id }, orderBy: { at: "asc" } }) },
  { key: "ideas", model: "Idea", field: "authorId", read: (db, id) => db.idea.findMany({ where: { authorId: id }, orderBy: { createdAt: "asc" } }) },
  { key: "tools", model: "ToolUse", field: "declaredById", read: (db, id) => db.toolUse.findMany({ where: { declaredById: id }, orderBy: { createdAt: "asc" } }) },
  { key: "activity", model: "ActivityEvent", field: "personId", read: (db, id) => db.activityEvent.findMany({ where: { personId: id }, orderBy: { at: "asc" } }) },
  { key: "copilSeats", model: "CopilMember", field: "personId", read: (db, id) => db.copilMember.findMany({ where: { personId: id }, orderBy: { since: "asc" } }) },
  { key: "registrations", model: "Registration", field: "personId", read: (db, id) => db.registration.findMany({ where: { personId: id }, orderBy: { requestedAt: "asc" } }) },
  { key: "reminderPreferences", model: "ReminderPreference", field: "personId", read: (db, id) => db.reminderPreference.findMany({ where: { personId: id } }) },
  // When the private calendar address was given (its hash is of no use to anyone: left out).
  { key: "calendarFeed", model: "CalendarFeedToken", field: "personId", read: (db, id) => db.calendarFeedToken.findMany({ where: { personId: id }, select: { personId: true, issuedAt: true } }) },
  { key: "eventsCreated", model: "Event", field: "createdBy", read: (db, id) => db.event.findMany({ where: { createdBy: id }, orderBy: { createdAt: "asc" } }) },
];

/** Models exported apart from PERSON_LINKS (with their own, typed, lists). */
export const PERSON_LINKS_APART = [
  { key: "accounts", model: "PlatformAccount", field: "personId" },
  { key: "memberships", model: "Membership", field: "personId" },
] as const;
