/**
 * What the bot keeps about a person, and erasing it (`/cdce moi`). Implemented over the
 * whole database in src/data/repositories/privacy.ts.
 */
import type { Membership, Person, PlatformAccount } from "../../core/ports.js";

/** A stored row, all its columns, as the database keeps it. */
export type StoredRow = Readonly<Record<string, unknown>>;

/** Everything stored about one person, as exported by `/cdce moi export`. */
export interface PersonalData {
  person: Person;
  accounts: PlatformAccount[];
  memberships: Membership[];
  /**
   * Every other row that names the person, table by table, with all its columns (the full
   * texts they wrote): initiatives, follows, sheets, polls, votes, ideas, tools, activity,
   * copilSeats, registrations, reminderPreferences, eventsCreated, and `messages`, the
   * messages queued or sent to them (direct messages) or about them.
   */
  records: Readonly<Record<string, ReadonlyArray<StoredRow>>>;
}

/** What an erasure did, by table. */
export type ErasureReport = Record<string, number>;

export interface PrivacyRepository {
  collect(personId: string): Promise<PersonalData | null>;
  /**
   * Erases the person: their accounts, memberships, votes' link, the contact line of their
   * sheets, the messages queued to them, the posts that name them (taken down through the
   * outbox), and the person; what they wrote for the network (initiatives, sheets, ideas,
   * polls) stays, authorless.
   */
  erase(personId: string, now: Date): Promise<ErasureReport>;
}
