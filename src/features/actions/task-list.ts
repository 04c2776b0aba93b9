/** Task lists as people read them: mine across actions, or one action's. */
import type { Services } from "../../core/commands.js";
import type { Translate } from "../../core/i18n/catalogue.js";
import type { Block, Locale } from "../../core/types.js";
import type { CdceEvent } from "../events/index.js";
import { CHECKLISTS } from "./checklists.js";
import type { Task } from "./ports.js";
import { taskLine, taskRef } from "./tasks.js";

/** Owners' names, read once per list. */
export async function ownerNames(services: Services, tasks: readonly Task[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(tasks.map((x) => x.ownerId).filter((x): x is string => !!x))) {
    const p = await services.repos.identity.getPerson(id);
    if (p) names.set(id, p.name);
  }
  return names;
}

/** One action's tasks, with a "done" button for the first open ones and the checklists not applied yet. */
export async function eventTaskBlocks(services: Services, t: Translate, locale: Locale, event: CdceEvent, organiser: boolean): Promise<Block[]> {
  const tasks = await services.actions.tasks.forEvent(event.id);
  const applied = await services.actions.tasks.templatesApplied(event.id);
  const lists = organiser ? CHECKLISTS.filter((c) => !applied.includes(c.key)) : [];
  const templateButtons = lists.slice(0, 3).map((c) => ({ label: t("task.button.template", { name: c.name[locale] }), command: `tache modele ${event.code} ${c.key}` }));
  if (tasks.length === 0) {
    const blocks: Block[] = [{ type: "section", text: t("task.event.none", { title: event.title, code: event.code }) }];
    if (templateButtons.length) blocks.push({ type: "actions", buttons: templateButtons });
    return blocks;
  }
  const names = await ownerNames(services, tasks);
  const done = tasks.filter((x) => x.status === "done").length;
  const blocks: Block[] = [
    { type: "header", text: t("task.event.title", { title: event.title, count: tasks.length, done }) },
    { type: "section", text: tasks.slice(0, 25).map((x) => taskLine(t, locale, x, x.ownerId ? names.get(x.ownerId) ?? null : null)).join("\n") },
  ];
  const open = tasks.filter((x) => x.status !== "done").slice(0, 3);
  const buttons = [...open.map((x) => ({ label: `${t("task.button.done")} · ${x.title.slice(0, 30)}`, command: `tache fait ${taskRef(x)}` })), ...templateButtons.slice(0, 2)];
  if (buttons.length) blocks.push({ type: "actions", buttons });
  return blocks;
}
