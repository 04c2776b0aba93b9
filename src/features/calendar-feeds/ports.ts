/**
 * What the calendar feeds need stored: one private feed token per person, kept as a hash
 * only (src/data/repositories/calendar-feeds.ts implements it).
 */
export interface FeedTokenRecord {
  personId: string;
  /** Hex SHA-256 of the token. */
  tokenHash: string;
  issuedAt: Date;
}

export interface FeedTokenStore {
  /** The record holding this hash, or null. */
  byHash(tokenHash: string): Promise<FeedTokenRecord | null>;
  /** The person's current record, or null when they never asked for an address. */
  forPerson(personId: string): Promise<FeedTokenRecord | null>;
  /** Sets the person's token hash, replacing the previous one (which stops working at once). */
  replace(record: FeedTokenRecord): Promise<void>;
}
