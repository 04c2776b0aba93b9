/**
 * Writes the demo history (demo-history.ts) once: a marker in NetworkSetting records that it
 * was written, so a second start adds nothing. A database that already holds a roster, an
 * initiative, an event or a mentoring pair of its own gets no demo history at all: the demo
 * fills an empty network, it never mixes with real work.
 */
import type { Db } from "../client.js";
import { runTransaction } from "../transaction.js";
import { fomGradeSchema, localeSchema } from "../json.js";
import { planDemoHistory, type HistoryPlan, type PlanCommune } from "./demo-history.js";

export const DEMO_HISTORY_MARKER = "demo.history";

export type DemoHistoryResult = { written: true; plan: HistoryPlan } | { written: false; why: "already" | "not-empty" };

/**
 * Reads the communes as the plan needs them, in slug order (the order the plan is drawn in):
 * the followed ones only. A merged commune (Bertogne, in Bastogne since 2024) has had no
 * life of its own for the last year, so the demo gives it none.
 */
export async function planCommunes(db: Db): Promise<PlanCommune[]> {
  const rows = await db.commune.findMany({ where: { status: { in: ["titled", "candidate"] } }, orderBy: { slug: "asc" }, include: { fomRecords: true } });
  return rows.map((c) => ({
    id: c.id,
    slug: c.slug,
    name: c.name,
    languages: localeSchema.array().parse(JSON.parse(c.languages)),
    fomDueOn: c.fomDueOn,
    fomRecords: c.fomRecords.map((r) => ({ on: r.on, grade: r.grade === null ? null : fomGradeSchema.parse(r.grade) })),
  }));
}

/** Writes the demo history at `now` unless it was written before or the network has data of its own. */
export async function seedDemoHistory(db: Db, now: Date): Promise<DemoHistoryResult> {
  if (await db.networkSetting.findUnique({ where: { key: DEMO_HISTORY_MARKER } })) return { written: false, why: "already" };
  const [members, initiatives, events, pairs] = await Promise.all([db.copilMember.count(), db.initiative.count(), db.event.count(), db.mentorship.count()]);
  if (members + initiatives + events + pairs > 0) return { written: false, why: "not-empty" };
  const plan = planDemoHistory(await planCommunes(db), now);
  await runTransaction(db, async (tx) => {
    await tx.person.createMany({ data: plan.persons.map((p) => ({ ...p, createdAt: now })) });
    await tx.membership.createMany({ data: plan.memberships.map((m) => ({ ...m, createdAt: now })) });
    await tx.copilMember.createMany({ data: plan.copilMembers.map((m) => ({ ...m, createdAt: m.since })) });
    await tx.event.createMany({ data: plan.events.map((e) => ({ ...e, timeZone: "Europe/Brussels", state: "scheduled", sequence: 0, createdAt: now })) });
    await tx.registration.createMany({ data: plan.registrations.map((r) => ({ ...r, slotId: "", createdAt: r.requestedAt })) });
    await tx.initiative.createMany({ data: plan.initiatives.map((i) => ({ ...i, links: "[]", createdAt: i.moderatedAt })) });
    await tx.activityEvent.createMany({ data: plan.activities });
    for (const r of plan.fomRecords) {
      await tx.fomRecord.upsert({ where: { communeId_on: { communeId: r.communeId, on: r.on } }, create: r, update: { grade: r.grade } });
    }
    await tx.mentorship.createMany({ data: plan.mentorships.map((m) => ({ ...m, createdAt: m.startedAt })) });
    await tx.networkSetting.create({ data: { key: DEMO_HISTORY_MARKER, value: JSON.stringify({ seededAt: now.toISOString() }) } });
  });
  return { written: true, plan };
}
