/**
 * Mentoring as the commands drive it: candidates from the scored communes and the active
 * pairs, confirming a pair (checks, record, introductions through the outbox) and ending it.
 */
import type { Commune } from "../../core/ports.js";
import type { Notifier } from "../../core/notify.js";
import { CdceError } from "../../core/errors.js";
import { MOMENTUM_CONFIG } from "./config.js";
import { rankMentors, type MentorCandidate } from "./mentoring.js";
import { introKey, mentorIntro, toCommune } from "./notices.js";
import type { Mentorship, WatchRepositories } from "./ports.js";
import type { ScoredCommune } from "./scan.js";

/** Every commune as a candidate: its grade, level, load, and whether it is mentored itself. */
export function mentorCandidates(scored: readonly ScoredCommune[], pairs: readonly Mentorship[]): MentorCandidate[] {
  return scored.map((s) => ({
    commune: s.commune,
    grade: s.signals.lastGrade,
    level: s.result.level,
    mentees: pairs.filter((p) => p.mentorId === s.commune.id).length,
    mentored: pairs.some((p) => p.menteeId === s.commune.id),
  }));
}

/**
 * The communes among `communes` whose channels the bot cannot post to (introductions and
 * check-ins go to the commune's channels): a reply promises them nothing.
 */
export async function unlinkedCommunes(notifier: Pick<Notifier, "reaches">, communes: readonly Commune[]): Promise<Commune[]> {
  const out: Commune[] = [];
  for (const c of communes) if (!(await notifier.reaches(toCommune(c.id)))) out.push(c);
  return out;
}

/** Where each side's introduction stands once the pair is confirmed: in the outbox or not. */
export function introduced(notifier: Pick<Notifier, "queuedUnder">, pair: Mentorship): { mentor: boolean; mentee: boolean } {
  return { mentor: notifier.queuedUnder(introKey(pair, "mentor")) > 0, mentee: notifier.queuedUnder(introKey(pair, "mentee")) > 0 };
}

/** Starts a pair after checking it makes sense; both CoPils get an introduction (when their commune has a channel). */
export async function confirmPair(
  deps: { watch: WatchRepositories; notifier: Notifier },
  mentee: Commune,
  mentor: Commune,
  scored: readonly ScoredCommune[],
  now: Date,
): Promise<Mentorship> {
  if (mentee.id === mentor.id) throw new CdceError("mentoring.same", "parrainage.same");
  const pairs = await deps.watch.mentoring.active();
  const current = pairs.find((p) => p.menteeId === mentee.id);
  if (current) {
    const by = scored.find((s) => s.commune.id === current.mentorId)?.commune.name ?? "?";
    throw new CdceError("mentoring.already", "parrainage.already", { mentee: mentee.name, mentor: by });
  }
  if (pairs.filter((p) => p.mentorId === mentor.id).length >= MOMENTUM_CONFIG.mentoring.maxMentees) {
    throw new CdceError("mentoring.full", "parrainage.full", { mentor: mentor.name, max: MOMENTUM_CONFIG.mentoring.maxMentees });
  }
  const ranked = rankMentors(mentee, mentorCandidates(scored, pairs));
  const rank = ranked.findIndex((r) => r.commune.id === mentor.id);
  const pair = await deps.watch.mentoring.start({
    mentorId: mentor.id,
    menteeId: mentee.id,
    startedAt: now,
    ranking: { rank: rank === -1 ? null : rank + 1, score: ranked[rank]?.score ?? null, parts: ranked[rank]?.parts ?? null, candidates: ranked.length },
  });
  await deps.notifier.enqueue(mentorIntro(pair, mentor, mentee, "mentor", now));
  await deps.notifier.enqueue(mentorIntro(pair, mentor, mentee, "mentee", now));
  return pair;
}
