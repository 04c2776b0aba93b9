/**
 * Tasks of a local event: the words people type (statuses, due days, partners), who may
 * manage them, how they read, and the reminders the daily scan queues:
 * - `task:<id>:due:<day>`                      to the owner, two days before the due day
 * - `tasks:<eventId>:late:<day>:<personId>`    the day's late tasks, to each organiser
 */
import { translator, type MessageKey, type Translate } from "../../core/i18n/catalogue.js";
import type { Services } from "../../core/commands.js";
import { fold } from "../../core/fold.js";
import { wordTable } from "../../core/word-table.js";
import type { Notification } from "../../core/notify.js";
import { can } from "../../core/permissions.js";
import { reply } from "../../core/reply.js";
import { parseWhen } from "../../core/time/when.js";
import { formatLocalDay, isoDay, localDay } from "../../core/time/local.js";
import { prefixWithin } from "../../core/clip.js";
import type { Actor, Block, Locale } from "../../core/types.js";
import type { CdceEvent } from "../events/index.js";
import { TASK_STATUSES, type Task, type TaskPartner, type TaskStatus } from "./ports.js";

/** Days before the due day the owner is reminded. */
export const REMIND_DAYS_BEFORE = 2;

const STATUS_WORDS = wordTable<TaskStatus>({
  todo: "todo", "a-faire": "todo", "a faire": "todo", afaire: "todo", offen: "todo", "zu tun": "todo", "te-doen": "todo", "te doen": "todo", "to-do": "todo", "to do": "todo",
  doing: "doing", "en-cours": "doing", "en cours": "doing", encours: "doing", "in-arbeit": "doing", "in arbeit": "doing", bezig: "doing", "in progress": "doing", "in-progress": "doing",
  done: "done", fait: "done", faite: "done", termine: "done", erledigt: "done", klaar: "done", gedaan: "done",
});

/** A typed status (`en cours`, `erledigt`, `klaar`…), or undefined. */
export function readStatus(raw: string): TaskStatus | undefined {
  const w = fold(raw).trim().replace(/\s+/g, " ").replace(/[’']/g, "");
  return STATUS_WORDS.get(w) ?? STATUS_WORDS.get(w.replace(/ /g, "-")) ?? (TASK_STATUSES as readonly string[]).find((s) => s === w) as TaskStatus | undefined;
}

export const statusLabel = (t: Translate, s: TaskStatus) => t(`task.status.${s}` as MessageKey);
const STATUS_MARK: Record<TaskStatus, string> = { todo: "☐", doing: "◐", done: "☑" };

/** A due day typed (`10/03`, `2027-03-10`, `vendredi`), as UTC midnight of that local day; undefined when unreadable. */
export function readDueDay(raw: string, locale: Locale, zone: string, now: Date): Date | undefined {
  const r = parseWhen(raw, { locale, zone, now, dateOnly: true });
  return r.ok ? localDay(r.start, zone) : undefined;
}

/**
 * Partners typed as `Magasin du monde (prête les tasses); École Saint-Joseph: une classe`:
 * each a name and, in brackets or after a colon, its role.
 */
export function readPartners(raw: string | undefined): TaskPartner[] {
  if (!raw) return [];
  return raw.split(/[;\n]+/).map((p) => p.trim()).filter(Boolean).slice(0, 5).map((part) => {
    const m = /^(.*?)\s*\((.*)\)\s*$/.exec(part) ?? /^(.*?)\s*:\s*(.*)$/.exec(part);
    const name = (m ? m[1]! : part).trim();
    const role = (m ? m[2]! : "").trim();
    return { name: prefixWithin(name || part, 80), role: prefixWithin(role, 80) };
  });
}

export const partnersText = (ps: readonly TaskPartner[]) => ps.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(" · ");

export const taskRef = (t: Pick<Task, "id">) => t.id.slice(0, 8);

/**
 * Who may add tasks to an event, apply a checklist, change any of its tasks: those who
 * manage the event (its commune's CoPil, staff, councillors; coordination), and the people
 * who co-organise it (the volunteer whose proposal it was). A task's owner may also move
 * their own task (see {@link canMoveTask}).
 */
export async function canOrganise(services: Services, actor: Actor, event: CdceEvent): Promise<boolean> {
  if (can(actor, "commune.manage", { communeId: event.communeId })) return true;
  return services.actions.organisers.isOrganiser(event.id, actor.personId);
}

export async function canMoveTask(services: Services, actor: Actor, task: Task, event: CdceEvent): Promise<boolean> {
  return task.ownerId === actor.personId || canOrganise(services, actor, event);
}

/** One line per task, with its owner's name and due day. */
export function taskLine(t: Translate, locale: Locale, task: Task, ownerName: string | null): string {
  const due = task.dueOn ? t("task.due", { day: formatLocalDay(task.dueOn, "UTC", locale) }) : "";
  return t("task.line", { status: STATUS_MARK[task.status], title: task.title, owner: ownerName ?? t("task.nobody"), due, ref: taskRef(task) }) + (task.partners.length ? `\n   ${t("task.partners", { list: partnersText(task.partners) })}` : "");
}

/** A reminder to the owner, two days before the due day, with the button that marks it done. */
export function dueReminder(task: Task, event: CdceEvent, now: Date): Notification | null {
  if (!task.ownerId || !task.dueOn || task.status === "done") return null;
  const day = isoDay(task.dueOn);
  return {
    key: `task:${task.id}:due:${day}`,
    to: { kind: "person", personId: task.ownerId },
    dueAt: now,
    // Pointless once the due day is over.
    expiresAt: new Date(task.dueOn.getTime() + 86_400_000),
    render: (locale) => {
      const t = translator(locale);
      const blocks: Block[] = [
        { type: "section", text: t("task.remind.due", { title: task.title, event: event.title, day: formatLocalDay(task.dueOn!, "UTC", locale) }) },
        { type: "actions", buttons: [{ label: t("task.button.done"), command: `tache fait ${taskRef(task)}`, style: "primary" }] },
      ];
      return reply(locale, blocks, "channel");
    },
  };
}

/** The late tasks of one event, to one organiser, once per day. */
export function lateSummary(event: CdceEvent, late: readonly Task[], names: ReadonlyMap<string, string>, organiserId: string, today: Date, now: Date): Notification {
  return {
    key: `tasks:${event.id}:late:${isoDay(today)}:${organiserId}`,
    to: { kind: "person", personId: organiserId },
    dueAt: now,
    expiresAt: new Date(today.getTime() + 2 * 86_400_000),
    render: (locale) => {
      const t = translator(locale);
      const lines = late.slice(0, 15).map((x) => t("task.late.line", { title: x.title, owner: (x.ownerId && names.get(x.ownerId)) || t("task.nobody"), day: formatLocalDay(x.dueOn!, "UTC", locale), status: statusLabel(t, x.status) }));
      return reply(locale, [
        { type: "section", text: [t("task.late.summary", { event: event.title, code: event.code }), ...lines].join("\n") },
        { type: "actions", buttons: [{ label: t("task.button.tasks"), command: `taches ${event.code}` }] },
      ], "channel");
    },
  };
}

/**
 * The daily scan: reminders for tasks due within {@link REMIND_DAYS_BEFORE} days, and to
 * each organiser of an upcoming or recent event, its late tasks. Only enqueues, under
 * stable keys: running it twice in a day queues nothing twice.
 */
export async function scanTasks(services: Services, now: Date): Promise<{ reminders: number; summaries: number }> {
  const today = localDay(now, "Europe/Brussels");
  const horizon = new Date(today.getTime() + REMIND_DAYS_BEFORE * 86_400_000);
  const open = await services.actions.tasks.openDueBy(horizon, 2000);
  const events = new Map<string, CdceEvent | null>();
  const eventOf = async (id: string) => {
    if (!events.has(id)) events.set(id, await services.events.repo.get(id));
    return events.get(id) ?? null;
  };
  let reminders = 0;
  const lateByEvent = new Map<string, Task[]>();
  for (const task of open) {
    const event = await eventOf(task.eventId);
    if (!event || event.state !== "scheduled") continue;
    if (task.dueOn! >= today) {
      const n = dueReminder(task, event, now);
      if (n) reminders += (await services.notifier.enqueue(n)).queued;
    } else if (event.endsAt.getTime() > now.getTime() - 7 * 86_400_000) {
      lateByEvent.set(event.id, [...(lateByEvent.get(event.id) ?? []), task]);
    }
  }
  let summaries = 0;
  for (const [eventId, late] of lateByEvent) {
    const event = (await eventOf(eventId))!;
    const organisers = [...new Set([event.createdBy, ...(await services.actions.organisers.of(eventId))].filter((x): x is string => !!x))];
    const names = new Map<string, string>();
    for (const id of new Set(late.map((x) => x.ownerId).filter((x): x is string => !!x))) {
      const p = await services.repos.identity.getPerson(id);
      if (p) names.set(id, p.name);
    }
    for (const organiserId of organisers) summaries += (await services.notifier.enqueue(lateSummary(event, late, names, organiserId, today, now))).queued;
  }
  return { reminders, summaries };
}
