/** Moving a task to a status: its owner, or those who organise its action. */
import type { Services } from "../../core/commands.js";
import { CdceError } from "../../core/errors.js";
import type { Translate } from "../../core/i18n/catalogue.js";
import { PermissionDenied } from "../../core/permissions.js";
import { message } from "../../core/reply.js";
import { prefixWithin } from "../../core/clip.js";
import type { Actor, Locale, Reply } from "../../core/types.js";
import { communeName } from "./event-tasks.js";
import type { TaskStatus } from "./ports.js";
import { canMoveTask, statusLabel } from "./tasks.js";

export async function moveTask(services: Services, ctx: { actor: Actor; t: Translate; locale: Locale; now: Date }, ref: string | undefined, status: TaskStatus): Promise<Reply> {
  const { actor, t, locale, now } = ctx;
  const task = ref ? await services.actions.tasks.find(ref) : null;
  if (!task) throw new CdceError("task.unknown", "task.unknown", { ref: prefixWithin(ref ?? "", 40) || "?" });
  const event = await services.events.repo.get(task.eventId);
  if (!event) throw new CdceError("task.unknown", "task.unknown", { ref: prefixWithin(ref ?? "", 40) });
  if (!(await canMoveTask(services, actor, task, event))) {
    throw new PermissionDenied("task.forbidden", "task.forbidden", { commune: await communeName(services, event), title: event.title });
  }
  const moved = await services.actions.tasks.setStatus(task.id, status, now);
  if (!moved) return message(locale, t("task.status.same", { title: task.title, status: statusLabel(t, status) }));
  return message(locale, status === "done" ? t("task.done", { title: moved.title }) : t("task.status.changed", { title: moved.title, status: statusLabel(t, status) }));
}
