import { describe, expect, it } from "vitest";
import { MOMENTUM_CONFIG as C, maxPoints, type MomentumConfig } from "../../../src/features/watch/config.js";
import { levelOf, scoreMomentum } from "../../../src/features/watch/momentum.js";
import { addDays, semaineStart, semaineWindow, semaineWindowsBefore, nextElection, previousElection } from "../../../src/features/watch/calendar.js";
import type { MomentumSignals } from "../../../src/features/watch/ports.js";

const NOW = new Date("2026-11-30T08:00:00Z");

/** A commune doing everything right: every component at its maximum. */
const full = (over: Partial<MomentumSignals> = {}): MomentumSignals => ({
  lastActivityAt: NOW,
  actions6m: C.actions6m.target,
  actions6mSemaine: 0,
  actions12m: C.actions12m.target,
  actions12mSemaine: 0,
  trainings12m: C.training.target,
  copilSize: C.copil.targetSize,
  copilSizeBefore: C.copil.targetSize,
  lastGrade: "A",
  previousGrade: "A",
  fomDueOn: addDays(NOW, 200),
  promptsSent: 0,
  promptsAnswered: 0,
  ...over,
});

const score = (over: Partial<MomentumSignals>) => scoreMomentum(full(over), NOW);
const component = (over: Partial<MomentumSignals>, name: keyof ReturnType<typeof scoreMomentum>["components"]) =>
  scoreMomentum(full(over), NOW).components[name].points;

describe("momentum configuration", () => {
  it("adds up to 100 points and orders its levels", () => {
    expect(maxPoints()).toBe(100);
    expect(C.levels.green).toBeGreaterThan(C.levels.orange);
    expect(scoreMomentum(full(), NOW)).toMatchObject({ score: 100, level: "green", reasons: [] });
  });
});

describe("levels at their boundaries", () => {
  it("is green from levels.green, orange from levels.orange, red below", () => {
    expect(levelOf(100)).toBe("green");
    expect(levelOf(C.levels.green)).toBe("green");
    expect(levelOf(C.levels.green - 1)).toBe("orange");
    expect(levelOf(C.levels.orange)).toBe("orange");
    expect(levelOf(C.levels.orange - 1)).toBe("red");
    expect(levelOf(0)).toBe("red");
  });
  it("follows a variant configuration", () => {
    const strict: MomentumConfig = { ...C, levels: { green: 80, orange: 50 } };
    expect(levelOf(79, strict)).toBe("orange");
    expect(levelOf(49, strict)).toBe("red");
  });
});

describe("recency", () => {
  const at = (days: number) => component({ lastActivityAt: addDays(NOW, -days) }, "recency");
  it("keeps full points up to fullWithinDays, loses from the next day, reaches 0 at zeroAfterDays", () => {
    expect(at(0)).toBe(C.recency.points);
    expect(at(C.recency.fullWithinDays)).toBe(C.recency.points);
    expect(at(C.recency.fullWithinDays + 1)).toBeLessThan(C.recency.points);
    expect(at(C.recency.zeroAfterDays - 1)).toBeGreaterThan(0);
    expect(at(C.recency.zeroAfterDays)).toBe(0);
    expect(at(1000)).toBe(0);
  });
  it("is linear between the two bounds", () => {
    const { fullWithinDays: a, zeroAfterDays: b, points } = C.recency;
    for (const d of [a + 1, 60, 100, b - 1]) expect(at(d)).toBeCloseTo((points * (b - d)) / (b - a), 5);
  });
  it("gives 0 and says so when nothing was ever recorded", () => {
    const r = score({ lastActivityAt: null });
    expect(r.components.recency.points).toBe(0);
    expect(r.reasons[0]).toMatchObject({ code: "recencyNever", lost: C.recency.points });
  });
  it("counts whole days: 21 days and 23 hours is still 21 days", () => {
    const last = new Date(NOW.getTime() - (C.recency.fullWithinDays * 24 + 23) * 3_600_000);
    expect(component({ lastActivityAt: last }, "recency")).toBe(C.recency.points);
  });
});

describe("actions and the Semaine du Commerce Équitable", () => {
  it("reaches full points at the target, proportional below", () => {
    expect(component({ actions6m: C.actions6m.target }, "actions6m")).toBe(C.actions6m.points);
    expect(component({ actions6m: C.actions6m.target + 5 }, "actions6m")).toBe(C.actions6m.points);
    expect(component({ actions6m: 1 }, "actions6m")).toBeCloseTo(C.actions6m.points / C.actions6m.target, 5);
    expect(component({ actions6m: 0 }, "actions6m")).toBe(0);
  });
  it("weights actions around the Semaine", () => {
    const plain = component({ actions12m: 2, actions12mSemaine: 0 }, "actions12m");
    const semaine = component({ actions12m: 2, actions12mSemaine: 2 }, "actions12m");
    expect(semaine / plain).toBeCloseTo(C.semaine.weight, 5);
  });
  it("starts the Semaine on the first Wednesday of October (2024: 2 Oct, 2025: 1 Oct, 2026: 7 Oct)", () => {
    expect(semaineStart(2024).toISOString().slice(0, 10)).toBe("2024-10-02");
    expect(semaineStart(2025).toISOString().slice(0, 10)).toBe("2025-10-01");
    expect(semaineStart(2026).toISOString().slice(0, 10)).toBe("2026-10-07");
  });
  it("opens its window daysBefore the start and closes daysAfter its 11 days", () => {
    const w = semaineWindow(2025);
    expect(w.from.toISOString().slice(0, 10)).toBe("2025-09-10");
    expect(w.to.toISOString().slice(0, 10)).toBe("2025-10-19"); // exclusive: 1 Oct + 11 + 7
  });
  it("keeps the windows of the last 12 months only", () => {
    expect(semaineWindowsBefore(new Date("2026-11-30T00:00:00Z")).map((w) => w.from.getUTCFullYear())).toEqual([2026]);
    expect(semaineWindowsBefore(new Date("2026-10-01T00:00:00Z")).map((w) => w.from.getUTCFullYear())).toEqual([2025, 2026]);
    expect(semaineWindowsBefore(new Date("2026-03-01T00:00:00Z")).map((w) => w.from.getUTCFullYear())).toEqual([2025]);
    expect(semaineWindowsBefore(new Date("2026-10-25T00:00:00Z")).map((w) => w.from.getUTCFullYear())).toEqual([2026]);
  });
});

describe("training, CoPil, answers", () => {
  it("training is proportional to its target", () => {
    expect(component({ trainings12m: 0 }, "training")).toBe(0);
    expect(component({ trainings12m: 1 }, "training")).toBeCloseTo(C.training.points / C.training.target, 5);
  });
  it("CoPil size is proportional, its trend falls with each member lost", () => {
    expect(component({ copilSize: 0, copilSizeBefore: 0 }, "copilSize")).toBe(0);
    expect(component({ copilSize: C.copil.targetSize - 1 }, "copilSize")).toBeLessThan(C.copil.sizePoints);
    expect(component({ copilSize: 6, copilSizeBefore: 6 }, "copilTrend")).toBe(C.copil.trendPoints);
    expect(component({ copilSize: 7, copilSizeBefore: 4 }, "copilTrend")).toBe(C.copil.trendPoints);
    expect(component({ copilSize: 5, copilSizeBefore: 6 }, "copilTrend")).toBeCloseTo(C.copil.trendPoints * (1 - 1 / C.copil.trendLossForZero), 5);
    expect(component({ copilSize: 3, copilSizeBefore: 3 + C.copil.trendLossForZero }, "copilTrend")).toBe(0);
    expect(component({ copilSize: 0, copilSizeBefore: 10 }, "copilTrend")).toBe(0);
  });
  it("answers: full without prompts, share of answered prompts otherwise", () => {
    expect(component({ promptsSent: 0, promptsAnswered: 0 }, "answers")).toBe(C.answers.points);
    expect(component({ promptsSent: 4, promptsAnswered: 4 }, "answers")).toBe(C.answers.points);
    expect(component({ promptsSent: 4, promptsAnswered: 1 }, "answers")).toBeCloseTo(C.answers.points / 4, 5);
    expect(component({ promptsSent: 3, promptsAnswered: 0 }, "answers")).toBe(0);
  });
});

describe("Fair-O-Mètre", () => {
  it("grades give their points; a decline costs declinePoints", () => {
    expect(component({ lastGrade: "B", previousGrade: "B" }, "fom")).toBe(C.fom.gradePoints.B);
    expect(component({ lastGrade: "B", previousGrade: "A" }, "fom")).toBe(C.fom.gradePoints.B - C.fom.declinePoints);
    expect(component({ lastGrade: "A", previousGrade: "C" }, "fom")).toBe(C.fom.gradePoints.A);
    expect(component({ lastGrade: "E", previousGrade: "D" }, "fom")).toBe(0);
    expect(component({ lastGrade: undefined, previousGrade: undefined }, "fom")).toBe(C.fom.ungradedPoints);
    expect(component({ lastGrade: null, previousGrade: undefined }, "fom")).toBe(C.fom.ungradedPoints);
  });
  it("is not overdue on the due day, is from the next day, and the penalty grows to its maximum", () => {
    const due = (days: number) => scoreMomentum(full({ fomDueOn: addDays(NOW, -days) }), NOW);
    expect(due(0).penalty).toBe(0);
    expect(due(0).components.fom.points).toBe(C.fom.gradePoints.A);
    expect(due(1).components.fom.points).toBe(0);
    expect(due(1).penalty).toBeCloseTo(C.fom.overduePenalty / C.fom.overdueFullDays, 5);
    expect(due(C.fom.overdueFullDays).penalty).toBe(C.fom.overduePenalty);
    expect(due(C.fom.overdueFullDays * 3).penalty).toBe(C.fom.overduePenalty);
    expect(due(C.fom.overdueFullDays).score).toBe(100 - C.fom.points - C.fom.overduePenalty);
    expect(due(30).reasons[0]).toMatchObject({ code: "fomOverdue", params: { days: 30 } });
  });
  it("never goes below 0", () => {
    const r = scoreMomentum({ ...full(), lastActivityAt: null, actions6m: 0, actions12m: 0, trainings12m: 0, copilSize: 0, copilSizeBefore: 5, lastGrade: "E", previousGrade: "A", fomDueOn: addDays(NOW, -400), promptsSent: 5, promptsAnswered: 0 }, NOW);
    expect(r.score).toBe(0);
    expect(r.level).toBe("red");
  });
});

describe("reasons", () => {
  it("lists the top reasons by points lost, at most reasons.top, each worth reasons.minLostPoints", () => {
    const r = score({ lastActivityAt: addDays(NOW, -120), actions6m: 0, copilSize: 5, promptsSent: 2, promptsAnswered: 1 });
    expect(r.reasons.map((x) => x.code)).toEqual(["recencyDays", "actions6m", "answers"]);
    expect(r.reasons.length).toBeLessThanOrEqual(C.reasons.top);
    for (const x of r.reasons) expect(x.lost).toBeGreaterThanOrEqual(C.reasons.minLostPoints);
    expect(r.reasons[0]!.params).toEqual({ days: 120 });
    // The small CoPil loss (under minLostPoints) stays in the detailed list only.
    expect(r.allReasons.map((x) => x.code)).toContain("copilSize");
  });
  it("is a pure function of its inputs", () => {
    const s = full({ lastActivityAt: addDays(NOW, -40), actions6m: 1 });
    expect(scoreMomentum(s, NOW)).toEqual(scoreMomentum(structuredClone(s), new Date(NOW)));
  });
});

describe("communal elections", () => {
  it("falls on the second Sunday of October every 6 years (2024-10-13, 2030-10-13)", () => {
    expect(nextElection(new Date("2026-01-01T00:00:00Z")).toISOString().slice(0, 10)).toBe("2030-10-13");
    expect(nextElection(new Date("2024-10-13T12:00:00Z")).toISOString().slice(0, 10)).toBe("2024-10-13");
    expect(nextElection(new Date("2024-10-14T12:00:00Z")).toISOString().slice(0, 10)).toBe("2030-10-13");
    expect(previousElection(new Date("2026-01-01T00:00:00Z")).toISOString().slice(0, 10)).toBe("2024-10-13");
    expect(previousElection(new Date("2030-12-01T00:00:00Z")).toISOString().slice(0, 10)).toBe("2030-10-13");
  });
});
