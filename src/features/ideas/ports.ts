/** The idea box of each commune; Prisma implementation in src/data/repositories/ideas.ts. */

/**
 * The path an idea follows; the CoPil moves it, the author is told each change. `pending`:
 * proposed by a citizen on the public pages, shown to no one but the CoPil until accepted
 * (moved to `new`) or `refused` (then shown to no one but the CoPil, ever).
 */
export const IDEA_STATUSES = ["pending", "refused", "new", "study", "kept", "done", "dropped"] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];
/** Statuses of ideas the CoPil has not let in: only it sees them, and only when it asks. */
export const UNMODERATED_STATUSES: readonly IdeaStatus[] = ["pending", "refused"];
/** What `idees` lists by default: everything the CoPil accepted. */
export const LISTED_STATUSES: readonly IdeaStatus[] = IDEA_STATUSES.filter((s) => !UNMODERATED_STATUSES.includes(s));
/** chat: posted with `/cdce idee`; web: proposed on the public pages. */
export type IdeaOrigin = "chat" | "web";

export interface Idea {
  id: string;
  communeId: string;
  /** Kept even when anonymous, only to tell the author of changes; never shown. */
  authorId: string | null;
  anonymous: boolean;
  text: string;
  status: IdeaStatus;
  /** The CoPil's last word on it. */
  note: string | null;
  origin: IdeaOrigin;
  /** A web author's address, kept only with their consent; shown to the CoPil alone. */
  contactEmail: string | null;
  /** Secret of the link that erases `contactEmail`. */
  eraseToken: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface IdeaRepository {
  create(idea: Pick<Idea, "communeId" | "authorId" | "anonymous" | "text"> & Partial<Pick<Idea, "status" | "origin" | "contactEmail" | "eraseToken">>): Promise<Idea>;
  get(id: string): Promise<Idea | null>;
  findByPrefix(prefix: string): Promise<Idea[]>;
  /** A commune's ideas in these statuses (all when empty), newest first. */
  list(communeId: string, statuses: readonly IdeaStatus[], limit: number): Promise<Idea[]>;
  /** Moves the idea; returns it, or null when it was already in that status. */
  setStatus(id: string, status: IdeaStatus, note: string | null): Promise<Idea | null>;
  /** Forgets the contact address of the idea this erase link belongs to; false when none was kept. */
  eraseContact(token: string): Promise<boolean>;
}
