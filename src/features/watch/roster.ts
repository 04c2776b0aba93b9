/**
 * The CoPil roster's health (size, criterion 5's diversity, mandates ending) and the
 * communal election reminders, as pure functions of the roster and `now`.
 */
import { MOMENTUM_CONFIG, type MomentumConfig } from "./config.js";
import { addDays, daysBetween, nextElection, previousElection } from "./calendar.js";
import { isoDay, localTimeOn } from "../../core/time/local.js";
import { composition, type Composition } from "./evidence.js";
import type { CopilMember } from "./ports.js";

export interface RosterHealth {
  composition: Composition;
  /** Fewer members than `roster.minSize`. */
  small: boolean;
  /** Members whose mandate ends within `roster.mandateNoticeDays` (or has just ended), soonest first. */
  mandatesEnding: CopilMember[];
}

export function rosterHealth(members: readonly CopilMember[], now: Date, c: MomentumConfig = MOMENTUM_CONFIG): RosterHealth {
  const mandatesEnding = members
    .filter((m) => m.mandateEndsOn && daysBetween(now, m.mandateEndsOn) <= c.roster.mandateNoticeDays)
    .sort((a, b) => a.mandateEndsOn!.getTime() - b.mandateEndsOn!.getTime());
  return { composition: composition(members, c), small: members.length < c.roster.minSize, mandatesEnding };
}

/** Whether the health deserves a message to the CoPil (the monthly roster reminder). */
export function needsRosterAlert(h: RosterHealth): boolean {
  return h.small || h.composition.missing.length > 0;
}

/** `copil:<communeId>:health:<yyyy-mm>`: at most one roster reminder a month. */
export function rosterAlertKey(communeId: string, now: Date): string {
  return `copil:${communeId}:health:${now.toISOString().slice(0, 7)}`;
}

/** `copil:<communeId>:mandate:<memberId>:<end day>`: once per mandate end. */
export function mandateKey(communeId: string, member: Pick<CopilMember, "id" | "mandateEndsOn">): string {
  return `copil:${communeId}:mandate:${member.id}:${member.mandateEndsOn ? isoDay(member.mandateEndsOn) : "none"}`;
}

export interface ElectionStep {
  election: Date;
  /** Days from the election (negative before). */
  offset: number;
  phase: "prepare" | "brief";
  firesAt: Date;
  expiresAt: Date;
  key: string;
}

/**
 * The election reminder due at `now` for a commune, if any: before the elections the CoPil
 * prepares (the councillors' kit, the resolution in the programmes), after them it briefs
 * the new council. Steps come from `roster.electionSteps`.
 */
export function dueElectionStep(communeId: string, zone: string, now: Date, c: MomentumConfig = MOMENTUM_CONFIG): ElectionStep | null {
  const candidates = [nextElection(now), previousElection(now)];
  const first = Math.min(...c.roster.electionSteps) - 1;
  const last = Math.max(...c.roster.electionSteps) + c.roster.electionStepDays + 1;
  for (const election of candidates) {
    const d = daysBetween(election, now);
    if (d < first || d > last) continue; // far from this election: no step to compute
    for (const offset of c.roster.electionSteps) {
      const firesAt = localTimeOn(election, offset, 9, 0, zone);
      const expiresAt = addDays(firesAt, c.roster.electionStepDays);
      if (firesAt <= now && now < expiresAt) {
        return {
          election,
          offset,
          phase: offset < 0 ? "prepare" : "brief",
          firesAt,
          expiresAt,
          key: `election:${isoDay(election)}:${communeId}:${offset}`,
        };
      }
    }
  }
  return null;
}
