/**
 * The watch's scans, written against ports only (no ORM, no cron): the weekly momentum scan
 * (scores, snapshots, alerts to coordination, roster reminders) and the daily watch
 * (Fair-O-Mètre ladder, mandates, elections, mentoring check-ins). They only *enqueue*, with
 * stable keys, so running one twice, late, or on another replica sends nothing twice.
 */
import type { Commune, Repositories } from "../../core/ports.js";
import type { Community } from "../../core/community.js";
import { partnerCriteria } from "../partners/index.js";
import type { Logger } from "../../core/logger.js";
import type { Notification, Notifier } from "../../core/notify.js";
import { MOMENTUM_CONFIG, type MomentumConfig } from "./config.js";
import { semaineWindowsBefore } from "./calendar.js";
import { emptySignals, scoreMomentum, type MomentumResult } from "./momentum.js";
import { alertNotification, decideAlert } from "./alerts.js";
import { criteriaOf, type Criterion } from "./evidence.js";
import { dueLadderStep, fomStatus } from "./fom.js";
import { dueElectionStep, mandateKey, needsRosterAlert, rosterAlertKey, rosterHealth } from "./roster.js";
import { dueCheckIn } from "./mentoring.js";
import { answerBy, diagnosticRequest, electionNotice, ladderNotice, mandateNotice, mentorCheckIn, rosterNotice } from "./notices.js";
import type { CopilMember, Level, MomentumSignals, MomentumSnapshot, PromptKind, SnapshotHead, WatchRepositories } from "./ports.js";

export interface WatchDeps {
  repos: Pick<Repositories, "communes">;
  watch: WatchRepositories;
  notifier: Notifier;
  logger: Logger;
  config?: MomentumConfig;
  /** Whether a sub-command exists (buttons to features that may be absent). */
  hasCommand?: (name: string) => boolean;
  /**
   * Runs a notice and the record of the prompt it makes as one unit of work (the job's
   * transaction), so that a crash between them cannot leave a prompt sent but not counted
   * by the watch. Absent (tests of the scoring alone): one write after the other.
   */
  unit?: <T>(work: (scope: Pick<WatchDeps, "notifier" | "watch">) => Promise<T>) => Promise<T>;
  /** The commune's partners (src/features/partners), counted as evidence; absent: not counted. */
  community?: Pick<Community, "partners">;
}

export interface ScoredCommune {
  commune: Commune;
  signals: MomentumSignals;
  result: MomentumResult;
  /** The last stored snapshot, for trends. */
  previous: SnapshotHead | undefined;
}

/** Scores every followed commune at `now` (set-based signals), without storing anything. */
export async function scoreAll(deps: Pick<WatchDeps, "repos" | "watch" | "config">, now: Date): Promise<ScoredCommune[]> {
  const c = deps.config ?? MOMENTUM_CONFIG;
  const [communes, signals, latest] = await Promise.all([
    deps.repos.communes.listFollowed(),
    deps.watch.momentum.signalsForAll(now, semaineWindowsBefore(now, c)),
    deps.watch.momentum.latestAll(),
  ]);
  return communes.map((commune) => {
    const s = signals.get(commune.id) ?? emptySignals(commune.fomDueOn);
    return { commune, signals: s, result: scoreMomentum(s, now, c), previous: latest.get(commune.id)?.latest };
  });
}

export interface WeeklyReport {
  communes: number;
  /** Communes scored, by level ("no data yet" ones are not among them). */
  levels: Record<Level, number>;
  /** Communes the bot knows nothing about yet: no snapshot, no alert. */
  noData: number;
  /** Alerts queued, first readings included. */
  alerts: number;
  /** Of those, communes reported as already red at their first reading. */
  firstReadings: number;
  rosterReminders: number;
  ms: number;
}

/** Enqueues a notification addressed to a commune and records it as a prompt awaiting an answer. */
async function prompt(deps: WatchDeps, communeId: string, kind: PromptKind, n: Notification, now: Date): Promise<boolean> {
  const send = async (scope: Pick<WatchDeps, "notifier" | "watch">) => {
    const r = await scope.notifier.enqueue(n);
    if (r.queued > 0) await scope.watch.prompts.record({ communeId, key: n.key, kind, sentAt: now, answerBy: answerBy(now) });
    return r.queued > 0;
  };
  return deps.unit ? deps.unit(send) : send(deps);
}

/**
 * The weekly scan over the followed communes (merged and left ones are out). A commune the
 * bot knows nothing about yet gets no snapshot and no alert; its first snapshot, whenever
 * it comes, is its first reading, reported if already red. Alerts are enqueued before the
 * snapshots are stored: a crash in between re-alerts under the same key.
 */
export async function runWeeklyScan(deps: WatchDeps, now: Date): Promise<WeeklyReport> {
  const started = performance.now();
  const c = deps.config ?? MOMENTUM_CONFIG;
  const hasCommand = deps.hasCommand ?? (() => false);
  const [communes, signals, latest] = await Promise.all([
    deps.repos.communes.listFollowed(),
    deps.watch.momentum.signalsForAll(now, semaineWindowsBefore(now, c)),
    deps.watch.momentum.latestAll(),
  ]);
  const snapshots: MomentumSnapshot[] = [];
  const levels: Record<Level, number> = { green: 0, orange: 0, red: 0 };
  let alerts = 0;
  let firstReadings = 0;
  let noData = 0;
  for (const commune of communes) {
    const s = signals.get(commune.id) ?? emptySignals(commune.fomDueOn);
    const r = scoreMomentum(s, now, c);
    if (r.noData) {
      noData++;
      continue;
    }
    const prev = latest.get(commune.id);
    const decision = decideAlert({ score: r.score, level: r.level, at: now }, prev?.latest, prev?.lastAlert ?? null, c);
    levels[r.level]++;
    if (decision) {
      try {
        await deps.notifier.enqueue(alertNotification({ commune, decision, score: r.score, level: r.level, reasons: r.reasons, at: now }, hasCommand, c));
        alerts++;
        if (decision.kind === "first") firstReadings++;
        if (decision.kind === "level" && c.scan.autoDiagnostic) await prompt(deps, commune.id, "diagnostic", diagnosticRequest(commune, now), now);
        deps.logger.info({ commune: commune.slug, kind: decision.kind, from: decision.before?.level ?? null, to: r.level, score: r.score }, "momentum alert");
      } catch (err) {
        // No snapshot for this commune this week: the next scan compares with the previous
        // one and alerts again, so the alert is delayed, not lost.
        deps.logger.error({ commune: commune.slug, err }, "momentum alert could not be queued");
        continue;
      }
    }
    snapshots.push({ communeId: commune.id, at: now, score: r.score, level: r.level, signals: s, reasons: r.reasons, alert: decision?.kind ?? null });
  }
  await deps.watch.momentum.saveSnapshots(snapshots);
  const rosterReminders = await rosterScan(deps, communes, now);
  const report = { communes: communes.length, levels, noData, alerts, firstReadings, rosterReminders, ms: Math.round(performance.now() - started) };
  deps.logger.info(report, "momentum scan done");
  return report;
}

/** Every commune's present CoPil members, from one query. */
async function rostersByCommune(deps: Pick<WatchDeps, "watch">, now: Date): Promise<Map<string, CopilMember[]>> {
  const out = new Map<string, CopilMember[]>();
  for (const m of await deps.watch.copil.activeAll(now)) {
    const list = out.get(m.communeId);
    if (list) list.push(m);
    else out.set(m.communeId, [m]);
  }
  return out;
}

/** Roster reminders (monthly key) for communes that keep a roster and lack size or diversity. */
async function rosterScan(deps: WatchDeps, communes: readonly Commune[], now: Date): Promise<number> {
  let sent = 0;
  const rosters = await rostersByCommune(deps, now);
  for (const commune of communes) {
    const members = rosters.get(commune.id) ?? [];
    if (members.length === 0) continue; // a commune that never filled its roster is not nagged about it
    const health = rosterHealth(members, now, deps.config);
    if (!needsRosterAlert(health)) continue;
    const key = rosterAlertKey(commune.id, now);
    await isolated(deps, commune.slug, async () => {
      if (await prompt(deps, commune.id, "copil", rosterNotice(commune, health, key, now), now)) sent++;
    });
  }
  return sent;
}

export interface DailyReport {
  ladder: number;
  overdue: number;
  mandates: number;
  elections: number;
  checkIns: number;
}

/** Criteria with evidence in the current cycle (criterion 5 also from a complete roster). */
export async function criteriaDone(deps: Pick<WatchDeps, "repos" | "watch" | "config" | "community">, commune: Commune, now: Date): Promise<Criterion[]> {
  const [history, members] = await Promise.all([deps.repos.communes.fomHistory(commune.id), deps.watch.copil.active(commune.id, now)]);
  const status = fomStatus(commune, history, now, deps.config);
  const events = await deps.watch.evidence.since(commune.id, status.cycleStart, now, 1000);
  const done = new Set<Criterion>(events.flatMap((e) => criteriaOf(e)));
  // The commune's local partners are evidence of criteria 2, 3 and 6, as `/cdce fom` shows them.
  if (deps.community) for (const c of partnerCriteria(await deps.community.partners.list(commune.id))) done.add(c as Criterion);
  const health = rosterHealth(members, now, deps.config);
  if (!health.small && health.composition.missing.length === 0) done.add(5);
  return [...done].sort((a, b) => a - b);
}

/** Runs one commune's (or pair's) share of a scan; a failure is logged and the scan goes on. */
async function isolated(deps: Pick<WatchDeps, "logger">, what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    deps.logger.error({ what, err }, "watch scan: one item failed, the others go on");
  }
}

/** One commune's daily share: the ladder step due, mandates ending, the election reminder. */
async function dailyForCommune(deps: WatchDeps, commune: Commune, members: readonly CopilMember[], now: Date, report: DailyReport): Promise<void> {
  const step = dueLadderStep(commune, now, deps.config);
  // A step already sent to the commune is skipped here (the outbox would drop it anyway).
  if (step && !(step.to === "commune" && (await deps.watch.prompts.has(step.key)))) {
    const notice = ladderNotice(commune, step, await criteriaDone(deps, commune, now));
    if (step.to === "commune") report.ladder += (await prompt(deps, commune.id, "fom", notice, now)) ? 1 : 0;
    else report.overdue += (await deps.notifier.enqueue(notice)).queued > 0 ? 1 : 0;
  }
  for (const member of rosterHealth(members, now, deps.config).mandatesEnding) {
    const key = mandateKey(commune.id, member);
    report.mandates += (await prompt(deps, commune.id, "copil", mandateNotice(commune, member, key, now), now)) ? 1 : 0;
  }
  const election = dueElectionStep(commune.id, commune.timeZone, now, deps.config);
  if (election) report.elections += (await prompt(deps, commune.id, "election", electionNotice(commune, election), now)) ? 1 : 0;
}

/** The daily watch: one pass over the communes and the active mentoring pairs. */
export async function runDailyWatch(deps: WatchDeps, now: Date): Promise<DailyReport> {
  const report: DailyReport = { ladder: 0, overdue: 0, mandates: 0, elections: 0, checkIns: 0 };
  const communes = await deps.repos.communes.listFollowed();
  const byId = new Map(communes.map((x) => [x.id, x]));
  const rosters = await rostersByCommune(deps, now);
  for (const commune of communes) {
    await isolated(deps, commune.slug, () => dailyForCommune(deps, commune, rosters.get(commune.id) ?? [], now, report));
  }
  for (const pair of await deps.watch.mentoring.active()) {
    const mentor = byId.get(pair.mentorId);
    const mentee = byId.get(pair.menteeId);
    const check = mentor && mentee ? dueCheckIn(pair, mentee.timeZone, now, deps.config) : null;
    if (!mentor || !mentee || !check) continue;
    await isolated(deps, `pair ${pair.id}`, async () => {
      await prompt(deps, mentor.id, "checkin", mentorCheckIn(pair, mentor, mentee, check, "mentor"), now);
      if (await prompt(deps, mentee.id, "checkin", mentorCheckIn(pair, mentor, mentee, check, "mentee"), now)) report.checkIns++;
    });
  }
  if (Object.values(report).some((n) => n > 0)) deps.logger.info(report, "daily watch done");
  return report;
}
