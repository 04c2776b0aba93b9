/**
 * Welcome journeys: when someone gets a role, a few direct messages over two to four weeks
 * (the steps of their role, stored as data). A journey remembers the next step to send; the
 * hourly job sends the steps that are due, each under a stable outbox key
 * (`welcome:<journey>:step:<position>`), so a step is never sent twice, and none after the
 * person stopped the journey (stopping cancels what is still queued).
 */
import type { Services } from "../../core/commands.js";
import { DEFAULT_TIME_ZONE, type Role } from "../../core/types.js";
import { localDay, localTimeOn } from "../../core/time/local.js";
import { DEFAULT_STEPS } from "./defaults.js";
import { stepNotification } from "./journey-content.js";
import type { JourneyReason, WelcomeJourney, WelcomeStep } from "./ports.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The outbox keys of one journey (a prefix: `cancel` drops them all). */
export const journeyPrefix = (journeyId: string) => `welcome:${journeyId}:`;
export const stepKey = (journeyId: string, position: number) => `${journeyPrefix(journeyId)}step:${position}`;

/** The steps of a role, in order. */
export function stepsOf(all: readonly WelcomeStep[], role: Role): WelcomeStep[] {
  return all.filter((s) => s.role === role).sort((a, b) => a.position - b.position);
}

/** The hour of the day (the person's) at which a later step goes out: no message at night. */
const SEND_HOUR = 10;

/**
 * When a step is due: at once for a step of day 0, else at 10:00 in the person's zone,
 * `delayDays` calendar days after the start (the same hour summer and winter).
 */
export function stepDueAt(journey: Pick<WelcomeJourney, "startedAt">, step: Pick<WelcomeStep, "delayDays">, zone: string): Date {
  if (step.delayDays <= 0) return journey.startedAt;
  return localTimeOn(localDay(journey.startedAt, zone), step.delayDays, SEND_HOUR, 0, zone);
}

/** The steps of `journey` due at `now` from its next one on, in order, stopping at the first not due. */
export function dueSteps(journey: Pick<WelcomeJourney, "startedAt" | "nextPosition">, steps: readonly WelcomeStep[], now: Date, zone: string = DEFAULT_TIME_ZONE): WelcomeStep[] {
  const due: WelcomeStep[] = [];
  for (const s of steps) {
    if (s.position < journey.nextPosition) continue;
    if (stepDueAt(journey, s, zone).getTime() > now.getTime()) break;
    due.push(s);
  }
  return due;
}

/** Whether a step might be due (a day of margin for the zones): the hourly pass skips the others without reading more. */
function mayBeDue(journey: Pick<WelcomeJourney, "startedAt" | "nextPosition">, steps: readonly WelcomeStep[], now: Date): boolean {
  const next = steps.find((s) => s.position >= journey.nextPosition);
  return !!next && journey.startedAt.getTime() + (next.delayDays - 1) * DAY_MS <= now.getTime();
}

/** Every step, the defaults written on first use. */
export function allSteps(services: Services): Promise<WelcomeStep[]> {
  return services.joining.welcome.steps(DEFAULT_STEPS);
}

/**
 * Starts a journey for a role just received, and sends its first step at once. A role
 * without steps (coordination) has none: null. A journey already running for the same role
 * and commune is stopped first (a renewed mandate starts over).
 */
export async function startJourney(
  services: Services,
  who: { personId: string; communeId: string | null; role: Role; reason: JourneyReason },
  now: Date,
): Promise<WelcomeJourney | null> {
  const steps = stepsOf(await allSteps(services), who.role);
  if (steps.length === 0) return null;
  for (const running of await services.joining.welcome.runningFor(who.personId)) {
    if (running.role === who.role && running.communeId === who.communeId) await stopJourney(services, running, now);
  }
  const journey = await services.joining.welcome.start({ ...who, startedAt: now });
  await advanceJourney(services, journey, steps, now);
  return journey;
}

/**
 * Sends the steps of `journey` that are due (a step with nothing to say for this person is
 * skipped: already registered to the webinar, no webinar planned). The journey moves on
 * first, conditionally, so that two runs at once send nothing twice. Returns the messages queued.
 */
export async function advanceJourney(services: Services, journey: WelcomeJourney, roleSteps: readonly WelcomeStep[], now: Date): Promise<number> {
  const zone = (await services.repos.identity.getPerson(journey.personId))?.timeZone ?? DEFAULT_TIME_ZONE;
  const due = dueSteps(journey, roleSteps, now, zone);
  if (due.length === 0) return 0;
  const last = due.at(-1)!;
  const after = roleSteps.find((s) => s.position > last.position);
  const moved = await services.joining.welcome.advance(journey.id, journey.nextPosition, after ? after.position : last.position + 1, after ? null : now);
  if (!moved) return 0;
  let queued = 0;
  for (const step of due) {
    const n = await stepNotification(services, journey, step, roleSteps.length, now);
    if (n) queued += (await services.notifier.enqueue(n)).queued;
  }
  return queued;
}

/** The hourly pass: every running journey moves on, each in its own unit of work. */
export async function advanceAll(services: Services, now: Date): Promise<number> {
  const steps = await allSteps(services);
  let queued = 0;
  for (const journey of await services.joining.welcome.running(1000)) {
    const own = stepsOf(steps, journey.role);
    if (!mayBeDue(journey, own, now)) continue;
    queued += await services.transaction((scope) => advanceJourney(scope, journey, own, now));
  }
  return queued;
}

/** Stops a journey and drops its messages not sent yet; false when it was not running. */
export async function stopJourney(services: Services, journey: Pick<WelcomeJourney, "id">, now: Date): Promise<boolean> {
  const stopped = await services.joining.welcome.stop(journey.id, now);
  if (stopped) await services.notifier.cancel(journeyPrefix(journey.id));
  return stopped;
}
