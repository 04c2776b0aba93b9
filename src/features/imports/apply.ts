/**
 * Writing a checked plan, and the rows of an export. Only what the plan creates or changes is
 * written; an unchanged line and a stored entry absent from the file are left alone.
 */
import type { CommuneRepository, Kit, KitRepository } from "../../core/ports.js";
import type { CommuneData } from "./commune-table.js";
import type { ImportPlan } from "./plan.js";

export interface ImportTargets {
  kits: Pick<KitRepository, "all" | "upsert">;
  communes: Pick<CommuneRepository, "list" | "upsert">;
}

/** Writes the plan (which must have no error); kits changed here are dated `now`. */
export async function applyPlan(plan: ImportPlan<Kit> | ImportPlan<CommuneData>, targets: ImportTargets, now: Date): Promise<number> {
  if (plan.errors.length > 0) throw new Error("an import with errors is never applied");
  const writes = [...plan.created, ...plan.changed];
  if (plan.kind === "kits") {
    for (const w of writes as { value: Kit }[]) await targets.kits.upsert({ ...w.value, updatedAt: now });
  } else {
    for (const w of writes as { value: CommuneData }[]) await targets.communes.upsert(w.value);
  }
  return writes.length;
}

/** The stored entries of a table, for a plan or an export. */
export async function storedOf(kind: "kits" | "communes", targets: ImportTargets): Promise<Kit[] | CommuneData[]> {
  if (kind === "kits") return targets.kits.all();
  // The commune's database id is not part of the table: the slug names it.
  return (await targets.communes.list()).map(({ id: _id, ...rest }) => rest).sort((a, b) => a.slug.localeCompare(b.slug));
}
