/**
 * Private feed addresses: given once, replaced on demand, resolved back to a person when a
 * calendar application asks for the feed. The token itself never leaves this service except
 * in the address handed to its owner.
 */
import type { FeedTokenStore } from "./ports.js";
import { feedAddress, personalPath, type FeedAddress } from "./addresses.js";
import { hashToken, newToken, sameHash, TOKEN_SHAPE } from "./token.js";

export interface CalendarFeedDeps {
  tokens: FeedTokenStore;
  /** PUBLIC_URL: where the public web server answers; unset, no address can be given. */
  publicUrl?: string;
}

export type Issued =
  /** A new address (first time, or renewed): shown now and never again. */
  | { kind: "issued"; address: FeedAddress; renewed: boolean }
  /** The person has one already; it cannot be shown again (only its hash is kept). */
  | { kind: "exists"; issuedAt: Date }
  /** PUBLIC_URL is unset: feeds are not served by this deployment. */
  | { kind: "no-public-url" };

export class CalendarFeedService {
  constructor(private readonly deps: CalendarFeedDeps) {}

  get publicUrl(): string | undefined {
    return this.deps.publicUrl;
  }

  /** The person's address: a new one when they have none or ask to renew it. */
  async issue(personId: string, now: Date, opts: { renew: boolean }): Promise<Issued> {
    const publicUrl = this.deps.publicUrl;
    if (!publicUrl) return { kind: "no-public-url" };
    const current = await this.deps.tokens.forPerson(personId);
    if (current && !opts.renew) return { kind: "exists", issuedAt: current.issuedAt };
    const token = newToken();
    await this.deps.tokens.replace({ personId, tokenHash: hashToken(token), issuedAt: now });
    return { kind: "issued", address: feedAddress(publicUrl, personalPath(token)), renewed: current !== null };
  }

  /** The person a token belongs to, or null (malformed, unknown or replaced token). */
  async personFor(token: string): Promise<string | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    const hash = hashToken(token);
    const found = await this.deps.tokens.byHash(hash);
    return found && sameHash(found.tokenHash, hash) ? found.personId : null;
  }

  /** A public feed's address (network, commune), or null without PUBLIC_URL. */
  address(path: string): FeedAddress | null {
    return this.deps.publicUrl ? feedAddress(this.deps.publicUrl, path) : null;
  }
}
