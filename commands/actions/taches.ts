/**
 * `/cdce taches`: my open tasks, across actions, soonest due first.
 * `/cdce taches <action>`: every task of one action.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import type { Block } from "../../src/core/types.js";
import { localEvent } from "../../src/features/actions/event-tasks.js";
import { eventTaskBlocks } from "../../src/features/actions/task-list.js";
import { canOrganise, taskLine, taskRef } from "../../src/features/actions/tasks.js";

export default defineCommand({
  name: "taches",
  words: { fr: "taches", de: "aufgaben", nl: "taken", en: "tasks" },
  intent: "me",
  optionWords: { action: { de: "aktion", nl: "actie", en: "action" } },
  changesState: false,
  aliases: ["tâches", "aufgaben", "taken", "tasks"],
  help: { fr: "Mes tâches en cours ; avec un code, les tâches d’une action", de: "Meine offenen Aufgaben; mit einem Code die Aufgaben einer Aktion", nl: "Mijn openstaande taken; met een code de taken van een actie", en: "My open tasks; with a code, the tasks of an action" },
  usage: { fr: "taches", de: "aufgaben k3x9q", nl: "taken k3x9q", en: "tasks k3x9q" },
  options: { action: text({ help: { fr: "Code de l’action", de: "Code der Aktion", nl: "Code van de actie", en: "Action code" }, max: 20 }) },
  async run({ options, actor, t, locale, services }) {
    if (options.action) {
      const event = await localEvent(services, options.action);
      return reply(locale, await eventTaskBlocks(services, t, locale, event, await canOrganise(services, actor, event)));
    }
    const mine = await services.actions.tasks.forOwner(actor.personId, 20);
    if (mine.length === 0) return message(locale, t("task.mine.none", { example: "k3x9q" }));
    const blocks: Block[] = [{ type: "header", text: t("task.mine.title", { count: mine.length }) }];
    const events = new Map<string, string>();
    for (const task of mine) {
      if (!events.has(task.eventId)) {
        const e = await services.events.repo.get(task.eventId);
        events.set(task.eventId, e ? t("task.lineEvent", { event: e.title, code: e.code }) : "");
      }
      blocks.push({ type: "section", text: `${taskLine(t, locale, task, actor.name)}\n   ${events.get(task.eventId)}` });
    }
    blocks.push({ type: "actions", buttons: mine.slice(0, 4).map((x) => ({ label: `${t("task.button.done")} · ${x.title.slice(0, 30)}`, command: `tache fait ${taskRef(x)}` })) });
    return reply(locale, blocks);
  },
});
