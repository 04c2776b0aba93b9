/**
 * After a session: who came. Coordination (or the CoPil, for a local event) records it with
 * buttons or by a list of names; each attendance is an ActivityEvent `training_attended`
 * of the person's commune, which the momentum watch counts. Also the nudge to CoPils whose
 * commune has nobody registered for a session meant for them.
 */
import type { Notifier } from "../../core/notify.js";
import type { Repositories } from "../../core/ports.js";
import { message } from "../../core/reply.js";
import { translator } from "../../core/i18n/catalogue.js";
import type { Locale } from "../../core/types.js";
import { fold } from "../../core/fold.js";
import type { CdceEvent, Registration } from "./model.js";
import type { EventRepository } from "./ports.js";
import { whenText } from "./render.js";

/** The kind of ActivityEvent recorded for one person who attended. */
export const TRAINING_ATTENDED = "training_attended";

export interface AttendanceDeps {
  repo: EventRepository;
  repos: Repositories;
  notifier: Notifier;
}

/**
 * Marks registrations as attended (idempotent: a second mark records nothing more) and
 * records the activity. Returns the registrations newly marked.
 */
export async function markAttended(deps: AttendanceDeps, event: CdceEvent, regs: Registration[], now: Date): Promise<Registration[]> {
  const marked: Registration[] = [];
  for (const r of regs) {
    if (r.attendedAt || r.status !== "going") continue;
    const updated = await deps.repo.setAttended(r.id, now);
    if (!updated) continue;
    marked.push(updated);
    if (r.communeId) {
      await deps.repos.activity.record({
        communeId: r.communeId,
        personId: r.personId,
        kind: TRAINING_ATTENDED,
        at: event.startsAt,
        data: { eventId: event.id, code: event.code, kind: event.kind, theme: event.theme },
      });
    }
  }
  return marked;
}

/**
 * Registrations matching a typed list of names (`Alice Martin, Bob`), ignoring case and
 * accents; `unknown` holds the names that match nobody registered.
 */
export async function matchNames(repos: Repositories, regs: Registration[], names: string): Promise<{ found: Registration[]; unknown: string[] }> {
  const people = await Promise.all(regs.map(async (r) => ({ r, name: fold((await repos.identity.getPerson(r.personId))?.name ?? "") })));
  const found: Registration[] = [];
  const unknown: string[] = [];
  for (const raw of names.split(/[,;\n]+/).map((s) => s.trim()).filter(Boolean)) {
    const want = fold(raw);
    const hit = people.find((p) => p.name === want) ?? people.find((p) => p.name.includes(want));
    if (hit && !found.includes(hit.r)) found.push(hit.r);
    else if (!hit) unknown.push(raw);
  }
  return { found, unknown };
}

/** The communes nudged (their message is in the outbox) and those that could not be (nothing to post to). */
export interface NudgeResult {
  nudged: string[];
  unreached: string[];
}

/**
 * Tells each commune's channel with nobody registered for `event` (a training meant for
 * CoPils) that there is still room. One message per commune and session (stable key). A
 * commune counts as nudged only when its message is in the outbox, so the reply never says
 * "sent" for a commune whose channels cannot receive it.
 */
export async function nudgeCommunes(deps: AttendanceDeps, event: CdceEvent, now: Date): Promise<NudgeResult> {
  const regs = await deps.repo.registrations(event.id, { statuses: ["going", "waitlist"] });
  const covered = new Set(regs.map((r) => r.communeId).filter(Boolean));
  const result: NudgeResult = { nudged: [], unreached: [] };
  for (const commune of await deps.repos.communes.listFollowed()) {
    if (covered.has(commune.id)) continue;
    const key = `evt:${event.id}:nudge:${commune.id}:s${event.sequence}`;
    await deps.notifier.enqueue({
      key,
      to: { kind: "purpose", purpose: "commune", communeId: commune.id },
      dueAt: now,
      expiresAt: event.startsAt,
      render: (locale: Locale) => {
        const t = translator(locale);
        return {
          ...message(locale, t("ev.nudge", { title: event.title, when: whenText(event, commune.timeZone, locale), commune: commune.name }), "channel"),
          blocks: [
            { type: "section", text: t("ev.nudge", { title: event.title, when: whenText(event, commune.timeZone, locale), commune: commune.name }) },
            { type: "actions", buttons: [{ label: t("ev.button.join"), command: `webinaire rejoindre ${event.code}`, style: "primary" }, { label: t("ev.button.details"), command: `webinaire ${event.code}` }] },
          ],
        };
      },
    });
    (deps.notifier.queuedUnder(key) > 0 ? result.nudged : result.unreached).push(commune.name);
  }
  return result;
}
