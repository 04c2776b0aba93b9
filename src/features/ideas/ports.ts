/** The idea box of each commune; Prisma implementation in src/data/repositories/ideas.ts. */

/** The path an idea follows; the CoPil moves it, the author is told each change. */
export const IDEA_STATUSES = ["new", "study", "kept", "done", "dropped"] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

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
  createdAt: Date;
  updatedAt: Date;
}

export interface IdeaRepository {
  create(idea: Pick<Idea, "communeId" | "authorId" | "anonymous" | "text">): Promise<Idea>;
  get(id: string): Promise<Idea | null>;
  findByPrefix(prefix: string): Promise<Idea[]>;
  /** A commune's ideas in these statuses (all when empty), newest first. */
  list(communeId: string, statuses: readonly IdeaStatus[], limit: number): Promise<Idea[]>;
  /** Moves the idea; returns it, or null when it was already in that status. */
  setStatus(id: string, status: IdeaStatus, note: string | null): Promise<Idea | null>;
}
