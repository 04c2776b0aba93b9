/** The tool inventory (which commune uses which tool); Prisma implementation in src/data/repositories/tools.ts. */

export const TOOL_CATEGORIES = ["design", "planning", "newsletter", "survey", "social", "storage", "meeting", "other"] as const;
export type ToolCategory = (typeof TOOL_CATEGORIES)[number];

export interface ToolUse {
  id: string;
  communeId: string;
  /** As declared: `Canva`, `Framadate`. */
  name: string;
  /** slugify(name): one declaration per commune and tool. */
  key: string;
  category: ToolCategory;
  note: string | null;
  declaredById: string | null;
  updatedAt: Date;
}

export interface ToolRepository {
  /**
   * Insert or update by (commune, key); `created` false when it updated a declaration. A
   * null category keeps the declared one (`other` for a new tool); an update keeps the
   * first spelling of the name.
   */
  declare(tool: Omit<ToolUse, "id" | "updatedAt" | "category"> & { category: ToolCategory | null }): Promise<{ tool: ToolUse; created: boolean }>;
  /** False when the commune had not declared it. */
  remove(communeId: string, key: string): Promise<boolean>;
  all(): Promise<ToolUse[]>;
}
