import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { dueElectionStep, rosterHealth, needsRosterAlert } from "../../../src/features/watch/roster.js";
import { criteriaOf, checklist, composition } from "../../../src/features/watch/evidence.js";
import { distanceKm, dueCheckIn, rankMentors, type MentorCandidate } from "../../../src/features/watch/mentoring.js";
import { obstacleOf, readAnswer } from "../../../src/features/watch/diagnostic.js";
import { copilKindOf, matchByName, parseDay } from "../../../src/features/watch/input.js";
import { addDays } from "../../../src/features/watch/calendar.js";
import type { Commune } from "../../../src/core/ports.js";
import type { CopilKind, CopilMember } from "../../../src/features/watch/ports.js";

const NOW = new Date("2027-03-01T09:00:00Z");
const member = (kind: CopilKind, over: Partial<CopilMember> = {}): CopilMember => ({ id: `m-${kind}-${Math.random()}`, communeId: "c", name: kind, kind, personId: null, since: addDays(NOW, -100), until: null, mandateEndsOn: null, ...over });

describe("CoPil roster health", () => {
  it("flags a small CoPil and each missing group of criterion 5", () => {
    const h = rosterHealth([member("citizen"), member("shop"), member("school")], NOW);
    expect(h.small).toBe(true);
    expect(h.composition.missing).toEqual(["political", "administration"]);
    expect(needsRosterAlert(h)).toBe(true);
    const full = rosterHealth(["citizen", "horeca", "association", "councillor", "staff"].map((k) => member(k as CopilKind)), NOW);
    expect(full.small).toBe(false);
    expect(full.composition.missing).toEqual([]);
    expect(needsRosterAlert(full)).toBe(false);
  });
  it("lists mandates ending within the notice period, soonest first", () => {
    const h = rosterHealth([member("citizen", { name: "late", mandateEndsOn: addDays(NOW, 61) }), member("staff", { name: "b", mandateEndsOn: addDays(NOW, 60) }), member("shop", { name: "a", mandateEndsOn: addDays(NOW, 5) })], NOW);
    expect(h.mandatesEnding.map((m) => m.name)).toEqual(["a", "b"]);
  });
  it("counts kinds", () => {
    expect(composition([member("citizen"), member("citizen"), member("producer")]).byKind).toEqual({ citizen: 2, producer: 1 });
  });
});

describe("communal election reminders", () => {
  const step = (iso: string) => dueElectionStep("c1", "Europe/Brussels", new Date(iso));
  it("prepares 180 and 30 days before 13 October 2030 and briefs 45 days after, at 09:00 local", () => {
    expect(step("2030-04-15T06:00:00Z")).toBeNull();
    const prepare = step("2030-04-16T07:00:00Z")!;
    expect(prepare).toMatchObject({ phase: "prepare", offset: -180, key: "election:2030-10-13:c1:-180" });
    expect(DateTime.fromJSDate(prepare.firesAt, { zone: "Europe/Brussels" }).toFormat("yyyy-MM-dd HH:mm")).toBe("2030-04-16 09:00");
    expect(step("2030-09-13T08:00:00Z")).toMatchObject({ phase: "prepare", offset: -30 });
    expect(step("2030-11-27T08:00:00Z")).toMatchObject({ phase: "brief", offset: 45 });
    expect(step("2031-01-15T08:00:00Z")).toBeNull();
    expect(step("2027-03-01T08:00:00Z")).toBeNull();
  });
});

describe("evidence criteria", () => {
  it("takes explicit criteria first, and infers them from what an initiative or event is", () => {
    expect(criteriaOf({ kind: "evidence", data: { criteria: [1, 5, 9, "x"] } })).toEqual([1, 5]);
    expect(criteriaOf({ kind: "initiative", data: { kind: "conseil" } })).toEqual([1]);
    expect(criteriaOf({ kind: "initiative", data: { kind: "ecole" } })).toEqual([3, 4]);
    expect(criteriaOf({ kind: "initiative", data: { kind: "stand", partnerKinds: ["commerce", "producteur"] } })).toEqual([2, 4, 6]);
    expect(criteriaOf({ kind: "event", data: { theme: "Atelier" } })).toEqual([4]);
    expect(criteriaOf({ kind: "initiative", data: null })).toEqual([4]);
    expect(criteriaOf({ kind: "command", data: { criteria: [] } })).toEqual([]);
    expect(criteriaOf({ kind: "training_attended", data: null })).toEqual([]);
    expect(criteriaOf({ kind: "training_attended", data: { theme: "gouvernance" } })).toEqual([5]);
    expect(criteriaOf({ kind: "training_attended", data: { theme: "partenariats" } })).toEqual([2, 3]);
    expect(criteriaOf({ kind: "training_attended", data: { theme: "echange-pratiques" } })).toEqual([]);
  });
  it("groups events by criterion, keeping their order", () => {
    const e = (id: string, criteria: number[]) => ({ id, communeId: "c", personId: null, kind: "evidence", at: NOW, data: { criteria } });
    const list = checklist([e("a", [1, 4]), e("b", [4])]);
    expect(list.get(4)!.map((x) => x.id)).toEqual(["a", "b"]);
    expect(list.get(2)).toEqual([]);
  });
});

const town = (slug: string, over: Partial<Commune>): Commune => ({
  id: slug, slug, name: slug, region: "Wallonie", province: null, languages: ["fr"], timeZone: "Europe/Brussels", profile: "rural", populationBand: "lt10k", titledOn: null, fomDueOn: null, latitude: 50.5, longitude: 5.5, status: "titled", mergedIntoId: null, mergedOn: null, leftOn: null, ...over,
});

describe("mentor ranking", () => {
  const raeren = town("raeren", { languages: ["de"], latitude: 50.672, longitude: 6.116, populationBand: "10k-30k" });
  const candidate = (commune: Commune, over: Partial<MentorCandidate> = {}): MentorCandidate => ({ commune, grade: "B", mentees: 0, level: "green", ...over });
  const eupen = town("eupen", { languages: ["de"], latitude: 50.629, longitude: 6.035, profile: "urbain", populationBand: "10k-30k" });
  const vielsalm = town("vielsalm", { latitude: 50.284, longitude: 5.916 });
  const liege = town("liege", { latitude: 50.633, longitude: 5.567, profile: "urbain", populationBand: "gt100k" });

  it("ranks a same-language neighbour first, then by distance", () => {
    const ranked = rankMentors(raeren, [candidate(liege), candidate(vielsalm), candidate(eupen)]);
    expect(ranked.map((r) => r.commune.slug)).toEqual(["eupen", "vielsalm", "liege"]);
    expect(ranked[0]).toMatchObject({ sameLanguage: true });
    expect(ranked[0]!.distanceKm).toBe(7);
  });
  it("excludes the commune itself, full mentors and communes being mentored; ranks red communes low", () => {
    expect(rankMentors(raeren, [candidate(raeren), candidate(eupen, { mentees: 2 }), candidate(liege, { mentored: true })])).toEqual([]);
    const ranked = rankMentors(raeren, [candidate(eupen, { level: "red" }), candidate(town("eupen2", { ...eupen, id: "e2", slug: "eupen2" }), { level: "green" })]);
    expect(ranked[0]!.commune.slug).toBe("eupen2");
  });
  it("prefers a free mentor and a better grade", () => {
    const a = rankMentors(raeren, [candidate(eupen, { mentees: 1 }), candidate(town("eupen2", { ...eupen, id: "e2", slug: "eupen2" }))]);
    expect(a[0]!.commune.slug).toBe("eupen2");
    const b = rankMentors(raeren, [candidate(eupen, { grade: "D" }), candidate(town("eupen2", { ...eupen, id: "e2", slug: "eupen2" }), { grade: "A" })]);
    expect(b[0]!.commune.slug).toBe("eupen2");
  });
  it("measures distances (Brussels–Namur about 56 km as the crow flies) and tolerates missing coordinates", () => {
    const km = distanceKm({ latitude: 50.847, longitude: 4.352 }, { latitude: 50.465, longitude: 4.867 })!;
    expect(km).toBeGreaterThan(52);
    expect(km).toBeLessThan(58);
    expect(distanceKm({ latitude: null, longitude: 4 }, { latitude: 50, longitude: 4 })).toBeNull();
  });
  it("checks in every 30 days at 09:00, not before, not after its expiry", () => {
    const pair = { id: "p", startedAt: new Date("2027-01-10T14:00:00Z"), state: "active" as const };
    expect(dueCheckIn(pair, "Europe/Brussels", new Date("2027-02-09T07:00:00Z"))).toBeNull();
    expect(dueCheckIn(pair, "Europe/Brussels", new Date("2027-02-09T08:00:00Z"))).toMatchObject({ n: 1, key: "mentor:p:checkin:1" });
    expect(dueCheckIn(pair, "Europe/Brussels", new Date("2027-02-24T08:00:00Z"))).toBeNull();
    expect(dueCheckIn(pair, "Europe/Brussels", new Date("2027-03-11T08:00:00Z"))).toMatchObject({ n: 2 });
    expect(dueCheckIn({ ...pair, state: "ended" }, "Europe/Brussels", new Date("2027-02-09T08:00:00Z"))).toBeNull();
  });
});

describe("what people type", () => {
  it("reads obstacles in four languages", () => {
    expect(["Temps", "zeit", "tijd", "time"].map(obstacleOf)).toEqual(["temps", "temps", "temps", "temps"]);
    expect(["soutien politique", "Politik", "paperasse", "Papierkram", "ideeën"].map(obstacleOf)).toEqual(["politique", "politique", "demarches", "demarches", "idees"]);
    expect(obstacleOf("martiens")).toBeUndefined();
    expect(readAnswer({ obstacles: ["temps", "x"], main: "y", detail: " ", need: "aide" })).toEqual({ obstacles: ["temps"], main: null, detail: null, need: "aide" });
  });
  it("reads CoPil roles, days and names", () => {
    expect(["citoyenne", "Commerçant", "café", "ASBL", "École", "échevine", "agent communal", "Landwirt"].map(copilKindOf)).toEqual(["citizen", "shop", "horeca", "association", "school", "councillor", "staff", "producer"]);
    expect(copilKindOf("astronaute")).toBeUndefined();
    expect(parseDay("2027-06-30")).toEqual(new Date("2027-06-30T00:00:00Z"));
    expect(parseDay("30/06/2027")).toEqual(new Date("2027-06-30T00:00:00Z"));
    expect(parseDay("30.6.2027")).toEqual(new Date("2027-06-30T00:00:00Z"));
    expect(parseDay("31/02/2027")).toBeNull();
    expect(parseDay("demain")).toBeNull();
    const people = [{ name: "Paul Martin" }, { name: "Paul Lenoir" }, { name: "Élise Paul" }];
    expect(matchByName(people, "paul martin")).toEqual([{ name: "Paul Martin" }]);
    expect(matchByName(people, "elise")).toEqual([{ name: "Élise Paul" }]);
    expect(matchByName(people, "Paul")).toHaveLength(3);
  });
});
