/**
 * A short-lived memory of "who is this account, and which roles do they hold": the two reads
 * every command starts with (src/core/identity.ts), and of "in which language, on which
 * accounts can I write to this person" (every "I will tell you" asks). Without it, each `/cdce` costs two
 * database round trips before any work, most of a fast command's time (measured in
 * bench/discord-interaction.bench.ts).
 *
 * Correctness: every write to people, accounts and memberships goes through the
 * repositories of this folder, which forget the entries they touch; erasure forgets the
 * person. One cache is kept per database client (all repositories over the same client share
 * it). Writes made by ANOTHER process (a second replica) are seen once an entry expires:
 * TTL_MS bounds that delay. Memberships are cached as read at some instant and filtered again
 * at each use, so one that ends is dropped at once; one that starts later is seen within TTL_MS.
 */
import type { Membership, Person, PlatformAccount } from "../../core/ports.js";
import type { Platform } from "../../core/types.js";
import { rootOf } from "../transaction.js";
import { ShortMemory } from "./short-memory.js";

/** How long an entry is trusted; also how long another replica's role change may take to show. */
export const IDENTITY_CACHE_TTL_MS = 5_000;
/** Entries kept at most (people active in the last few seconds: a few hundred at peak). */
const MAX_ENTRIES = 5_000;

interface Entry<T> {
  value: T;
  /** Wall-clock expiry (Date.now()). */
  expires: number;
}

interface MembershipEntry extends Entry<Membership[]> {
  /** The `now` they were read for: another `now` in [readAt, readAt + TTL] may reuse them. */
  readAt: number;
  /** A person created here holds no role at any instant: any `now` may reuse the (empty) entry. */
  anyInstant?: boolean;
}

/** Who a message to a person goes to: their language and accounts, oldest first. */
export interface CachedRecipient {
  locale: Person["locale"];
  accounts: Array<Pick<PlatformAccount, "platform" | "workspaceId" | "userId">>;
}

export class IdentityCache {
  private readonly people = new Map<string, Entry<Person>>();
  private readonly memberships = new Map<string, MembershipEntry>();
  /** By person id. Accounts are only ever created with their person; the language may change (forgetPerson). */
  private readonly recipients: ShortMemory<CachedRecipient>;

  constructor(
    private readonly ttlMs = IDENTITY_CACHE_TTL_MS,
    private readonly wallClock: () => number = () => Date.now(),
  ) {
    this.recipients = new ShortMemory<CachedRecipient>(ttlMs, wallClock);
  }

  static accountKey(platform: Platform, workspaceId: string, userId: string): string {
    return `${platform}\u0000${workspaceId}\u0000${userId}`;
  }

  person(accountKey: string): Person | undefined {
    const e = this.people.get(accountKey);
    if (!e) return undefined;
    if (e.expires <= this.wallClock()) return void this.people.delete(accountKey);
    return e.value;
  }

  recipient(personId: string): CachedRecipient | undefined {
    return this.recipients.get(personId);
  }

  rememberRecipient(personId: string, recipient: CachedRecipient): void {
    this.recipients.set(personId, recipient);
  }

  rememberPerson(accountKey: string, person: Person): void {
    bounded(this.people).set(accountKey, { value: person, expires: this.wallClock() + this.ttlMs });
  }

  /** Memberships active at `now`, if a read close enough before `now` is still fresh. */
  activeFor(personId: string, now: Date): Membership[] | undefined {
    const e = this.memberships.get(personId);
    if (!e) return undefined;
    const at = now.getTime();
    if (e.expires <= this.wallClock() || (!e.anyInstant && (at < e.readAt || at > e.readAt + this.ttlMs))) return undefined;
    return e.value.filter((m) => m.until === null || m.until.getTime() > at);
  }

  rememberMemberships(personId: string, now: Date, active: Membership[]): void {
    bounded(this.memberships).set(personId, { value: active, readAt: now.getTime(), expires: this.wallClock() + this.ttlMs });
  }

  /**
   * A person this process has just created with this account (committed): known, and holding
   * no membership yet, so their first command needs no read of either.
   */
  rememberCreated(account: Pick<PlatformAccount, "platform" | "workspaceId" | "userId">, person: Person): void {
    const accountKey = IdentityCache.accountKey(account.platform, account.workspaceId, account.userId);
    this.rememberPerson(accountKey, person);
    // Its one account, just created with it: "can I write to them?" needs no read either.
    this.rememberRecipient(person.id, { locale: person.locale, accounts: [{ platform: account.platform, workspaceId: account.workspaceId, userId: account.userId }] });
    bounded(this.memberships).set(person.id, { value: [], readAt: 0, anyInstant: true, expires: this.wallClock() + this.ttlMs });
  }

  /** A person this process created a moment ago (see rememberCreated): nothing of theirs is written yet. */
  createdHere(personId: string): boolean {
    const e = this.memberships.get(personId);
    return !!e?.anyInstant && e.expires > this.wallClock();
  }

  /** After any change to the person or their memberships. */
  forgetPerson(personId: string): void {
    this.memberships.delete(personId);
    this.recipients.forget(personId);
    for (const [key, e] of this.people) if (e.value.id === personId) this.people.delete(key);
  }

  /** After a membership of theirs was added. */
  forgetMemberships(personId: string): void {
    this.memberships.delete(personId);
  }

  /** After a change whose person is not known here (a membership ended by id). */
  forgetMembership(membershipId: string): void {
    for (const [personId, e] of this.memberships) if (e.value.some((m) => m.id === membershipId)) this.memberships.delete(personId);
  }
}

/** Drops the oldest entries (Map keeps insertion order) so the cache never grows unbounded. */
function bounded<M extends Map<string, unknown>>(map: M): M {
  while (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value!);
  return map;
}

const caches = new WeakMap<object, IdentityCache>();

/**
 * The cache shared by every repository over this database client, and over the
 * transactions opened on it: a role given inside a transaction is forgotten here too.
 */
export function identityCacheOf(db: object): IdentityCache {
  const root = rootOf(db);
  let cache = caches.get(root);
  if (!cache) caches.set(root, (cache = new IdentityCache()));
  return cache;
}
