/**
 * Mentoring ("commune marraine – commune accompagnée"): ranking candidate mentors for a
 * commune by language, distance, profile and size, Fair-O-Mètre grade and load, and the
 * monthly check-ins of an active pair. Pure functions; points in MOMENTUM_CONFIG.mentoring.
 */
import type { Commune, FomGrade, PopulationBand } from "../../core/ports.js";
import { MOMENTUM_CONFIG, type MomentumConfig } from "./config.js";
import { addDays, daysBetween } from "./calendar.js";
import { localDay, localTimeOn } from "../../core/time/local.js";
import type { Level, Mentorship } from "./ports.js";

export interface MentorCandidate {
  commune: Commune;
  /** Latest Fair-O-Mètre grade (null: ungraded; undefined: none). */
  grade: FomGrade | null | undefined;
  /** Active pairs where it is the mentor. */
  mentees: number;
  /** Its current momentum level, when known. */
  level?: Level;
  /** True when it is itself being mentored. */
  mentored?: boolean;
}

export interface RankedMentor {
  commune: Commune;
  score: number;
  distanceKm: number | null;
  sameLanguage: boolean;
  parts: { language: number; distance: number; profile: number; size: number; grade: number; load: number; momentum: number };
  level: Level | undefined;
  grade: FomGrade | null | undefined;
  mentees: number;
}

const BANDS: PopulationBand[] = ["lt10k", "10k-30k", "30k-100k", "gt100k"];

/** Great-circle distance in km (haversine); null without coordinates. */
export function distanceKm(a: Pick<Commune, "latitude" | "longitude">, b: Pick<Commune, "latitude" | "longitude">): number | null {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return null;
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Candidates ranked best first. Excluded: the commune itself, communes at their maximum of
 * mentees, and communes being mentored themselves. A commune in red ranks low, not out: in a
 * network where nothing is recorded yet, every commune is red.
 */
export function rankMentors(mentee: Commune, candidates: readonly MentorCandidate[], c: MomentumConfig = MOMENTUM_CONFIG): RankedMentor[] {
  const m = c.mentoring;
  const main = mentee.languages[0];
  const ranked = candidates
    .filter((x) => x.commune.id !== mentee.id && x.mentees < m.maxMentees && !x.mentored)
    .map((x): RankedMentor => {
      const sameLanguage = x.commune.languages.includes(main!);
      const shared = mentee.languages.some((l) => x.commune.languages.includes(l));
      const km = distanceKm(mentee, x.commune);
      const bandGap = Math.abs(BANDS.indexOf(x.commune.populationBand) - BANDS.indexOf(mentee.populationBand));
      const parts = {
        language: sameLanguage ? m.points.language : shared ? m.sharedLanguagePoints : 0,
        distance: km === null ? 0 : Math.max(0, 1 - km / m.distanceZeroKm) * m.points.distance,
        profile: x.commune.profile === mentee.profile ? m.points.profile : 0,
        size: Math.max(0, m.points.size - (bandGap * m.points.size) / 2),
        grade: x.grade ? m.gradePoints[x.grade] : m.ungradedPoints,
        load: m.points.load * (1 - x.mentees / m.maxMentees),
        momentum: x.level ? m.levelPoints[x.level] : m.points.momentum / 2,
      };
      const score = Math.round(Object.values(parts).reduce((a, b) => a + b, 0));
      return { commune: x.commune, score, distanceKm: km === null ? null : Math.round(km), sameLanguage, parts, grade: x.grade, mentees: x.mentees, level: x.level };
    });
  // Best score first; ties go to the nearer commune, then by name (a stable order).
  return ranked.sort((a, b) => b.score - a.score || (a.distanceKm ?? 1e9) - (b.distanceKm ?? 1e9) || a.commune.name.localeCompare(b.commune.name));
}

export interface CheckIn {
  /** 1 for the first month, 2 for the second... */
  n: number;
  firesAt: Date;
  expiresAt: Date;
  /** `mentor:<pairId>:checkin:<n>` (each commune's copy adds `:mentor` or `:mentee`). */
  key: string;
}

/** The check-in due at `now` for an active pair, if any. */
export function dueCheckIn(pair: Pick<Mentorship, "id" | "startedAt" | "state">, zone: string, now: Date, c: MomentumConfig = MOMENTUM_CONFIG): CheckIn | null {
  if (pair.state !== "active") return null;
  const every = c.mentoring.checkinEveryDays;
  // Whole local days since the pair started: the check-in falls on the 30th day, at 09:00.
  const n = Math.floor(daysBetween(localDay(pair.startedAt, zone), localDay(now, zone)) / every);
  if (n < 1) return null;
  const firesAt = localTimeOn(localDay(pair.startedAt, zone), n * every, 9, 0, zone);
  const expiresAt = addDays(firesAt, c.mentoring.checkinExpiresDays);
  if (now < firesAt || now >= expiresAt) return null;
  return { n, firesAt, expiresAt, key: `mentor:${pair.id}:checkin:${n}` };
}
