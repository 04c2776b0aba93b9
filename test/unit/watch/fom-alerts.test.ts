import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { MOMENTUM_CONFIG as C } from "../../../src/features/watch/config.js";
import { addYears, dueLadderStep, fomStatus, ladder, ladderPrefix, planSubmission } from "../../../src/features/watch/fom.js";
import { decideAlert, suggestedActions, actionCommand, alertNotification } from "../../../src/features/watch/alerts.js";
import { isoWeek } from "../../../src/core/time/local.js";
import { addDays } from "../../../src/features/watch/calendar.js";

const ZONE = "Europe/Brussels";
const commune = { id: "c1", fomDueOn: new Date("2027-04-14T00:00:00Z"), timeZone: ZONE };
const local = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toFormat("yyyy-MM-dd HH:mm");

describe("Fair-O-Mètre ladder", () => {
  it("has 90, 30, 7 days before, the day itself at 09:00 local, then the overdue alert to coordination", () => {
    const steps = ladder(commune);
    expect(steps.map((s) => s.name)).toEqual(["d-90", "d-30", "d-7", "d-0", "overdue"]);
    expect(steps.map((s) => local(s.firesAt))).toEqual(["2027-01-14 09:00", "2027-03-15 09:00", "2027-04-07 09:00", "2027-04-14 09:00", "2027-04-15 09:00"]);
    expect(steps.map((s) => s.to)).toEqual(["commune", "commune", "commune", "commune", "coordination"]);
    // Across the switch to summer time (28 March 2027), 09:00 stays 09:00: 08:00Z then 07:00Z.
    expect(steps[1]!.firesAt.toISOString()).toBe("2027-03-15T08:00:00.000Z");
    expect(steps[2]!.firesAt.toISOString()).toBe("2027-04-07T07:00:00.000Z");
  });

  it("lets each step expire when the next fires, and keys each step by commune, cycle and step", () => {
    const steps = ladder(commune);
    for (let i = 0; i + 1 < steps.length; i++) expect(steps[i]!.expiresAt).toEqual(steps[i + 1]!.firesAt);
    expect(steps.at(-1)!.expiresAt).toEqual(addDays(steps.at(-1)!.firesAt, C.ladder.overdueExpiresDays));
    expect(steps[0]!.key).toBe("fom:c1:2027-04-14:d-90");
    expect(steps.every((s) => s.key.startsWith(ladderPrefix("c1", commune.fomDueOn)))).toBe(true);
  });

  it("gives at most the current step at any instant, none before the first or long after", () => {
    const at = (iso: string) => dueLadderStep(commune, new Date(iso))?.name ?? null;
    expect(at("2027-01-14T07:59:00Z")).toBeNull();
    expect(at("2027-01-14T08:00:00Z")).toBe("d-90");
    expect(at("2027-03-15T07:59:00Z")).toBe("d-90");
    expect(at("2027-03-15T08:00:00Z")).toBe("d-30");
    expect(at("2027-04-14T07:00:00Z")).toBe("d-0");
    expect(at("2027-04-15T07:00:00Z")).toBe("overdue");
    expect(at("2027-06-13T07:00:00Z")).toBe("overdue");
    expect(at("2027-06-14T07:00:00Z")).toBeNull();
    expect(dueLadderStep({ ...commune, fomDueOn: null }, new Date("2027-04-14T12:00:00Z"))).toBeNull();
  });

  it("states the stage from the commune's local day", () => {
    const s = (iso: string) => fomStatus(commune, [], new Date(iso));
    expect(s("2026-01-01T00:00:00Z")).toMatchObject({ stage: "later" });
    expect(s("2027-03-01T10:00:00Z")).toMatchObject({ stage: "soon", daysLeft: 44 });
    expect(s("2027-04-13T22:30:00Z")).toMatchObject({ stage: "due", daysLeft: 0 }); // 00:30 on the 14th in Brussels
    expect(s("2027-04-15T10:00:00Z")).toMatchObject({ stage: "overdue", daysLeft: -1 });
    expect(fomStatus({ fomDueOn: null, timeZone: ZONE }, [], new Date("2027-01-01T00:00:00Z")).stage).toBe("none");
  });

  it("starts the evidence period at the last submission, or two years before the due date", () => {
    const on = new Date("2025-04-10T00:00:00Z");
    expect(fomStatus(commune, [{ communeId: "c1", on, grade: "B" }], new Date("2027-01-01T00:00:00Z")).cycleStart).toEqual(on);
    expect(fomStatus(commune, [], new Date("2027-01-01T00:00:00Z")).cycleStart).toEqual(new Date("2025-04-14T00:00:00Z"));
  });

  it("plans a submission: two years on from the due date, later if very late, no move when already done", () => {
    const due = new Date("2027-04-14T00:00:00Z");
    expect(planSubmission(due, new Date("2027-04-01T10:00:00Z"), ZONE)).toEqual({ on: new Date("2027-04-01T00:00:00Z"), nextDue: new Date("2029-04-14T00:00:00Z") });
    expect(planSubmission(due, new Date("2029-06-01T10:00:00Z"), ZONE).nextDue).toEqual(new Date("2031-04-14T00:00:00Z"));
    expect(planSubmission(new Date("2029-04-14T00:00:00Z"), new Date("2027-04-20T10:00:00Z"), ZONE).nextDue).toBeNull();
    expect(planSubmission(null, new Date("2027-04-20T10:00:00Z"), ZONE).nextDue).toEqual(new Date("2029-04-20T00:00:00Z"));
    expect(addYears(new Date("2028-02-29T00:00:00Z"), 2).toISOString().slice(0, 10)).toBe("2030-03-01");
  });
});

describe("alert decision", () => {
  const at = new Date("2027-02-01T06:00:00Z");
  const now = (score: number, level: "green" | "orange" | "red") => ({ score, level, at });

  it("reports an already-red commune at its first reading, and sets a quiet baseline otherwise", () => {
    expect(decideAlert(now(20, "red"), undefined, null)).toEqual({ kind: "first", before: null });
    expect(decideAlert(now(50, "orange"), undefined, null)).toBeNull();
    expect(decideAlert(now(80, "green"), undefined, null)).toBeNull();
  });
  it("alerts on a fall to orange or red, not on a recovery or a steady level", () => {
    expect(decideAlert(now(60, "orange"), { score: 66, level: "green" }, null)).toMatchObject({ kind: "level", before: { level: "green" } });
    expect(decideAlert(now(40, "red"), { score: 46, level: "orange" }, null)).toMatchObject({ kind: "level" });
    expect(decideAlert(now(70, "green"), { score: 50, level: "orange" }, null)).toBeNull();
    expect(decideAlert(now(50, "orange"), { score: 52, level: "orange" }, null)).toBeNull();
  });
  it("alerts on a drop of more than dropPoints within a level", () => {
    const d = C.alerts.dropPoints;
    expect(decideAlert(now(95 - d, "green"), { score: 95, level: "green" }, null)).toBeNull();
    expect(decideAlert(now(95 - d - 1, "green"), { score: 95, level: "green" }, null)).toMatchObject({ kind: "drop" });
  });
  it("keeps quiet for the same level within the cooldown, not for another level", () => {
    const prev = { score: 70, level: "green" as const };
    const alerted = (days: number, level: "orange" | "red") => ({ level, at: addDays(at, -days) });
    expect(decideAlert(now(60, "orange"), prev, alerted(C.alerts.cooldownDays - 1, "orange"))).toBeNull();
    expect(decideAlert(now(60, "orange"), prev, alerted(C.alerts.cooldownDays, "orange"))).not.toBeNull();
    expect(decideAlert(now(40, "red"), { score: 50, level: "orange" }, alerted(3, "orange"))).not.toBeNull();
  });
  it("suggests the users' document's actions for the reasons, always the diagnostic, with buttons", () => {
    expect(suggestedActions([{ code: "copilSize" }, { code: "training" }])).toEqual(["recruit", "webinar", "diagnostic"]);
    expect(suggestedActions([{ code: "recencyDays" }, { code: "actions6m" }, { code: "fomOverdue" }, { code: "answers" }])).toEqual(["mentor", "fom", "diagnostic"]);
    expect(actionCommand("mentor", "raeren", () => false)).toBe("parrainage proposer raeren");
    expect(actionCommand("webinar", "raeren", (n) => n === "webinaires")).toBe("webinaires");
    expect(actionCommand("webinar", "raeren", () => false)).toMatch(/^kit /);
  });
  it("keys the alert by commune, kind, level and ISO week in Brussels", () => {
    expect(isoWeek(new Date("2027-01-03T22:59:00Z"), ZONE).label).toBe("2026-W53");
    expect(isoWeek(new Date("2027-01-03T23:00:00Z"), ZONE).label).toBe("2027-W01");
    const n = alertNotification({ commune: { id: "c1", slug: "x", name: "X" }, decision: { kind: "level", before: { score: 70, level: "green" } }, score: 60, level: "orange", reasons: [], at }, () => false);
    expect(n.key).toBe("momentum:c1:level:orange:2027-W05");
    expect(n.to).toEqual({ kind: "purpose", purpose: "coordination" });
    for (const b of n.render("fr").blocks) if (b.type === "actions") for (const x of b.buttons) expect(x.command.length).toBeLessThanOrEqual(100);
  });
});
