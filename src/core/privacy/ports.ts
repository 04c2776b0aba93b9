/**
 * What the bot keeps about a person, and erasing it (`/cdce moi`). Implemented over the
 * whole database in src/data/repositories/privacy.ts.
 */
import type { Membership, Person, PlatformAccount } from "../ports.js";

/** Everything stored about one person, as exported by `/cdce moi export`. */
export interface PersonalData {
  person: Person;
  accounts: PlatformAccount[];
  memberships: Membership[];
  initiatives: Array<{ id: string; title: string; communeId: string; happenedOn: Date; status: string }>;
  follows: Array<{ initiativeId: string; at: Date }>;
  sheets: Array<{ id: string; title: string; contact: string | null }>;
  polls: Array<{ id: string; question: string }>;
  votes: Array<{ pollId: string; choice: number; at: Date }>;
  ideas: Array<{ id: string; communeId: string; text: string; status: string; anonymous: boolean }>;
  tools: Array<{ communeId: string; name: string }>;
  activityEvents: number;
  /** Messages queued or sent to this person (direct messages) or about them. */
  messages: number;
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
