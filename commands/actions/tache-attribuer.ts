/** `/cdce tache attribuer <réf> pour:@Marie`: hands a task on to someone (those who organise the action, or its owner). */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { PermissionDenied } from "../../src/core/permissions.js";
import { prefixWithin } from "../../src/core/clip.js";
import { communeName } from "../../src/features/actions/event-tasks.js";
import { taskOwner } from "../../src/features/actions/owner.js";
import { canMoveTask } from "../../src/features/actions/tasks.js";

export default defineCommand({
  name: "tache attribuer",
  words: { fr: "tache attribuer", de: "aufgabe zuweisen", nl: "taak toewijzen", en: "task assign" },
  intent: "manage",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" }, pour: { de: "fuer", nl: "voor", en: "for" } },
  changesState: true,
  aliases: ["tâche attribuer", "aufgabe zuweisen", "taak toewijzen", "task assign"],
  help: { fr: "Confier une tâche à quelqu’un", de: "Eine Aufgabe jemandem übertragen", nl: "Een taak aan iemand toevertrouwen", en: "Hand a task on to someone" },
  usage: { fr: "tache attribuer 3f2a9c1b pour:@Marie", de: "aufgabe zuweisen 3f2a9c1b fuer:@Marie", nl: "taak toewijzen 3f2a9c1b voor:@Marie", en: "task assign 3f2a9c1b for:@Marie" },
  options: {
    ref: text({ help: { fr: "Référence de la tâche", de: "Referenz der Aufgabe", nl: "Referentie van de taak", en: "Task reference" }, max: 40 }),
    pour: text({ help: { fr: "Qui s’en charge (@mention, ou moi)", de: "Wer sie übernimmt (@Erwähnung, oder ich)", nl: "Wie ze doet (@vermelding, of mij)", en: "Who does it (@mention, or me)" }, max: 80, rest: true }),
  },
  async run({ options, actor, t, locale, services }) {
    const task = options.ref ? await services.actions.tasks.find(options.ref) : null;
    if (!task) throw new CdceError("task.unknown", "task.unknown", { ref: prefixWithin(options.ref ?? "", 40) || "?" });
    const event = await services.events.repo.get(task.eventId);
    if (!event) throw new CdceError("task.unknown", "task.unknown", { ref: prefixWithin(options.ref ?? "", 40) });
    if (!(await canMoveTask(services, actor, task, event))) throw new PermissionDenied("task.forbidden", "task.forbidden", { commune: await communeName(services, event), title: event.title });
    const owner = await taskOwner(services, actor, options.pour);
    await services.actions.tasks.setOwner(task.id, owner.id);
    return message(locale, t("task.assigned", { title: task.title, owner: owner.name }));
  },
});
