/**
 * The messages the watch sends on its own, as Notifications for the outbox: Fair-O-Mètre
 * ladder steps, the overdue alert, roster and mandate notices, election reminders,
 * mentoring introductions and check-ins, the diagnostic request and its answer. Each has
 * a stable key (see notify.ts) and renders in any language.
 */
import type { Commune } from "../../core/ports.js";
import type { Notification, Recipient } from "../../core/notify.js";
import type { Block, Locale, Reply } from "../../core/types.js";
import { reply } from "../../core/reply.js";
import { clip } from "../../core/clip.js";
import { translator, type Translate } from "../../core/i18n/catalogue.js";
import { MOMENTUM_CONFIG } from "./config.js";
import { addDays, daysBetween } from "./calendar.js";
import { localDay } from "../../core/time/local.js";
import { CRITERIA, type Criterion } from "./evidence.js";
import type { LadderStep } from "./fom.js";
import type { RosterHealth } from "./roster.js";
import type { ElectionStep } from "./roster.js";
import type { CheckIn } from "./mentoring.js";
import { diagnosticRequestKey, type DiagnosticAnswer } from "./diagnostic.js";
import type { CopilMember, Mentorship } from "./ports.js";
import { formatDay, formatList, groupLabel, obstacleLabel } from "./format.js";

type C = Pick<Commune, "id" | "slug" | "name" | "timeZone">;

export const toCommune = (communeId: string): Recipient => ({ kind: "purpose", purpose: "commune", communeId });
const toCoordination: Recipient = { kind: "purpose", purpose: "coordination" };

function render(locale: Locale, build: (t: Translate, locale: Locale) => Block[]): Reply {
  return reply(locale, build(translator(locale), locale), "channel");
}

/** A Fair-O-Mètre ladder step: a reminder to the CoPil, or the overdue alert to coordination. */
export function ladderNotice(commune: C & Pick<Commune, "fomDueOn">, step: LadderStep, done: readonly Criterion[]): Notification {
  const due = commune.fomDueOn!;
  const missing = CRITERIA.filter((c) => !done.includes(c));
  return {
    key: step.key,
    to: step.to === "commune" ? toCommune(commune.id) : toCoordination,
    dueAt: step.firesAt,
    expiresAt: step.expiresAt,
    render: (locale) =>
      render(locale, (t) => {
        const d = formatDay(locale, due);
        if (step.to === "coordination") {
          return [
            { type: "header", text: `⏰ ${t("fom.overdue.title", { commune: commune.name, due: d })}` },
            { type: "section", text: t("fom.overdue.body", { commune: commune.name, done: done.length }) },
            {
              type: "actions",
              buttons: [
                { label: t("fom.button.status"), command: `fom ${commune.slug}` },
                { label: t("momentum.action.diagnostic.button"), command: `diagnostic envoyer ${commune.slug}` },
                { label: t("momentum.action.mentor.button"), command: `parrainage proposer ${commune.slug}` },
              ],
            },
          ];
        }
        const lines = [t("fom.ladder.evidence", { done: done.length })];
        if (missing.length) lines.push(t("fom.ladder.missing", { list: missing.join(", ") }));
        lines.push(t("fom.ladder.hint"));
        return [
          { type: "header", text: `📋 ${t("fom.ladder.title", { days: step.daysBefore, due: d })}` },
          { type: "section", text: lines.join("\n") },
          {
            type: "actions",
            buttons: [
              { label: t("fom.button.dossier"), command: `fom dossier ${commune.slug}`, style: "primary" },
              { label: t("fom.button.submitted"), command: `fom soumis ${commune.slug}` },
              { label: t("fom.button.checklist"), command: "kit checklist preparation fom" },
            ],
          },
        ];
      }),
  };
}

/** The monthly roster reminder: too few members, or a group of criterion 5 missing. */
export function rosterNotice(commune: C, health: RosterHealth, key: string, now: Date): Notification {
  return {
    key,
    to: toCommune(commune.id),
    dueAt: now,
    expiresAt: addDays(now, 14),
    render: (locale) =>
      render(locale, (t) => {
        const lines: string[] = [];
        if (health.small) lines.push(t("copil.health.small", { min: MOMENTUM_CONFIG.roster.minSize }));
        if (health.composition.missing.length) lines.push(t("copil.health.missing", { groups: formatList(locale, health.composition.missing.map((g) => groupLabel(t, g))) }));
        lines.push(t("copil.alert.hint"));
        return [
          { type: "header", text: t("copil.alert.title", { commune: commune.name }) },
          { type: "section", text: lines.join("\n") },
          { type: "actions", buttons: [{ label: t("copil.button.roster"), command: `copil ${commune.slug}` }, { label: t("copil.button.toolbox"), command: "kit renouvellement copil recruter" }] },
        ];
      }),
  };
}

/** A member's mandate ends soon. */
export function mandateNotice(commune: C, member: CopilMember, key: string, now: Date): Notification {
  return {
    key,
    to: toCommune(commune.id),
    dueAt: now,
    expiresAt: member.mandateEndsOn ? addDays(member.mandateEndsOn, 30) : undefined,
    render: (locale) =>
      render(locale, (t) => [
        { type: "header", text: `⏳ ${t("copil.mandate.title", { name: member.name, date: formatDay(locale, member.mandateEndsOn ?? now) })}` },
        { type: "section", text: t("copil.mandate.body", { commune: commune.name }) },
        { type: "actions", buttons: [{ label: t("copil.button.roster"), command: `copil ${commune.slug}` }] },
      ]),
  };
}

/** Before the elections: prepare; after: brief the new council (with the councillors' kit). */
export function electionNotice(commune: C, step: ElectionStep): Notification {
  return {
    key: step.key,
    to: toCommune(commune.id),
    dueAt: step.firesAt,
    expiresAt: step.expiresAt,
    render: (locale) =>
      render(locale, (t) => [
        { type: "header", text: `🗳️ ${t(step.phase === "prepare" ? "election.prepare.title" : "election.brief.title", { date: formatDay(locale, step.election) })}` },
        { type: "section", text: t(step.phase === "prepare" ? "election.prepare.body" : "election.brief.body") },
        {
          type: "actions",
          buttons: [
            { label: t("election.button.kit"), command: "kit elus" },
            { label: t("election.button.majority"), command: "kit nouvelle majorite elections" },
          ],
        },
      ]),
  };
}

/** The introduction each CoPil of a new pair receives. */
/** The key of one side's introduction to a new pair. */
export const introKey = (pair: Pick<Mentorship, "id">, side: "mentor" | "mentee") => `mentor:${pair.id}:intro:${side}`;

export function mentorIntro(pair: Mentorship, mentor: C, mentee: C, side: "mentor" | "mentee", now: Date): Notification {
  const other = side === "mentor" ? mentee : mentor;
  return {
    key: introKey(pair, side),
    to: toCommune(side === "mentor" ? mentor.id : mentee.id),
    dueAt: now,
    render: (locale) =>
      render(locale, (t) => [
        { type: "header", text: `🤝 ${t("mentor.intro.title", { mentor: mentor.name, mentee: mentee.name })}` },
        { type: "section", text: t(side === "mentor" ? "mentor.intro.mentor" : "mentor.intro.mentee", { mentor: mentor.name, mentee: mentee.name }) },
        { type: "actions", buttons: [{ label: t("mentor.button.guide"), command: "kit commune marraine" }, { label: clip(t("tableau.title", { commune: other.name }), 70), command: `tableau ${other.slug}` }] },
      ]),
  };
}

/** The monthly check-in of a pair, to one side. */
export function mentorCheckIn(pair: Mentorship, mentor: C, mentee: C, check: CheckIn, side: "mentor" | "mentee"): Notification {
  return {
    key: `${check.key}:${side}`,
    to: toCommune(side === "mentor" ? mentor.id : mentee.id),
    dueAt: check.firesAt,
    expiresAt: check.expiresAt,
    render: (locale) =>
      render(locale, (t) => [
        { type: "header", text: t("mentor.checkin.title", { mentor: mentor.name, mentee: mentee.name, n: check.n }) },
        { type: "section", text: t("mentor.checkin.body") },
      ]),
  };
}

/** The diagnostic questionnaire, offered to a CoPil (at most once a month). */
export function diagnosticRequest(commune: C, now: Date): Notification {
  return {
    key: diagnosticRequestKey(commune.id, now),
    to: toCommune(commune.id),
    dueAt: now,
    expiresAt: addDays(now, 30),
    render: (locale) =>
      render(locale, (t) => [
        { type: "header", text: `🩺 ${t("diagnostic.request.title")}` },
        { type: "section", text: t("diagnostic.request.body") },
        { type: "actions", buttons: [{ label: t("diagnostic.button.answer"), command: "diagnostic", style: "primary" }] },
      ]),
  };
}

/** A CoPil's answers, shown to coordination. */
export function diagnosticAnswerNotice(commune: C, answer: DiagnosticAnswer, at: Date): Notification {
  return {
    key: `diagnostic:${commune.id}:answer:${at.toISOString()}`,
    to: toCoordination,
    dueAt: at,
    render: (locale) =>
      render(locale, (t) => {
        const lines = [t("diagnostic.answer.obstacles", { list: formatList(locale, answer.obstacles.map((o) => obstacleLabel(t, o))) })];
        if (answer.main) lines.push(t("diagnostic.answer.main", { main: obstacleLabel(t, answer.main) }));
        if (answer.detail) lines.push(t("diagnostic.answer.detail", { text: answer.detail }));
        if (answer.need) lines.push(t("diagnostic.answer.need", { text: answer.need }));
        return [
          { type: "header", text: `🩺 ${t("diagnostic.answer.title", { commune: commune.name })}` },
          { type: "section", text: lines.join("\n") },
          { type: "actions", buttons: [{ label: t("momentum.action.details.button"), command: `veille ${commune.slug}` }, { label: t("momentum.action.mentor.button"), command: `parrainage proposer ${commune.slug}` }] },
        ];
      }),
  };
}

/** Until when a prompt sent at `sentAt` may be answered (the answers signal). */
export function answerBy(sentAt: Date): Date {
  return addDays(sentAt, MOMENTUM_CONFIG.answers.answerWithinDays);
}

/** Days left before a due date, counted in the commune's local calendar. */
export function daysLeft(due: Date, now: Date, zone: string): number {
  return daysBetween(localDay(now, zone), due);
}
