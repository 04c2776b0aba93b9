/**
 * `/cdce tache modele <action> [liste]`: applies a checklist of the co-management kit to an
 * action in one go (its tasks, due so many days before the action, with their usual
 * partners). Without a list: the one that fits the action's type. Applying one twice adds nothing.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message, reply } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { prefixWithin } from "../../src/core/clip.js";
import { localDay } from "../../src/core/time/local.js";
import { assertOrganiser, localEvent } from "../../src/features/actions/event-tasks.js";
import { CHECKLISTS, checklistFor } from "../../src/features/actions/checklists.js";
import { eventTaskBlocks } from "../../src/features/actions/task-list.js";

export default defineCommand({
  name: "tache modele",
  words: { fr: "tache modele", de: "aufgabe vorlage", nl: "taak sjabloon", en: "task template" },
  intent: "manage",
  optionWords: { action: { de: "aktion", nl: "actie", en: "action" }, liste: { de: "liste", nl: "lijst", en: "list" } },
  changesState: true,
  aliases: ["tâche modèle", "tache modèle", "aufgabe vorlage", "taak sjabloon", "task template"],
  help: { fr: "Appliquer une liste de tâches du kit de co-gestion à une action", de: "Eine Aufgabenliste des Co-Management-Kits auf eine Aktion anwenden", nl: "Een takenlijst uit de co-beheerkit op een actie toepassen", en: "Apply a task list from the co-management kit to an action" },
  usage: { fr: "tache modele k3x9q stand", de: "aufgabe vorlage k3x9q stand", nl: "taak sjabloon k3x9q stand", en: "task template k3x9q stand" },
  permission: "commune.contribute",
  options: {
    action: text({ help: { fr: "Code de l’action", de: "Code der Aktion", nl: "Code van de actie", en: "Action code" }, max: 20 }),
    liste: text({ help: { fr: CHECKLISTS.map((c) => c.key).join(", "), de: CHECKLISTS.map((c) => c.key).join(", "), nl: CHECKLISTS.map((c) => c.key).join(", "), en: CHECKLISTS.map((c) => c.key).join(", ") }, max: 40 }),
  },
  async run({ options, actor, t, locale, now, services }) {
    const event = await localEvent(services, options.action);
    await assertOrganiser(services, actor, event);
    const list = options.liste ? checklistFor(options.liste) : checklistFor(event.theme) ?? checklistFor(undefined);
    if (!list) throw new CdceError("task.template_unknown", "task.template.unknown", { value: prefixWithin(options.liste ?? "", 40), keys: CHECKLISTS.map((c) => c.key).join(", ") });
    if ((await services.actions.tasks.templatesApplied(event.id)).includes(list.key)) {
      return message(locale, t("task.template.already", { name: list.name[locale], event: event.title }));
    }
    // Due days count back from the action's local day; none falls before today.
    const eventDay = localDay(event.startsAt, event.timeZone);
    const today = localDay(now, event.timeZone);
    const created = await services.actions.tasks.createMany(list.items.map((item) => ({
      eventId: event.id,
      title: item.title[locale],
      // Whoever applies the list holds its tasks until they hand them on (`tache attribuer`).
      ownerId: actor.personId,
      dueOn: new Date(Math.max(today.getTime(), eventDay.getTime() - item.daysBefore * 86_400_000)),
      partners: item.partner ? [{ name: item.partner.name[locale], role: item.partner.role[locale] }] : [],
      template: list.key,
    })));
    return reply(locale, [
      { type: "section", text: t("task.template.applied", { name: list.name[locale], event: event.title, count: created.length }) },
      ...(await eventTaskBlocks(services, t, locale, event, true)),
    ]);
  },
});
