/** `/cdce tache fait <réf>`: marks a task done (its owner, or those who organise the action). */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { moveTask } from "../../src/features/actions/move-task.js";

export default defineCommand({
  name: "tache fait",
  words: { fr: "tache fait", de: "aufgabe erledigt", nl: "taak klaar", en: "task done" },
  intent: "me",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" } },
  changesState: true,
  aliases: ["tâche fait", "aufgabe erledigt", "taak klaar", "task done"],
  help: { fr: "Marquer une tâche comme faite", de: "Eine Aufgabe als erledigt markieren", nl: "Een taak als klaar markeren", en: "Mark a task done" },
  usage: { fr: "tache fait 3f2a9c1b", de: "aufgabe erledigt 3f2a9c1b", nl: "taak klaar 3f2a9c1b", en: "task done 3f2a9c1b" },
  options: { ref: text({ help: { fr: "Référence de la tâche", de: "Referenz der Aufgabe", nl: "Referentie van de taak", en: "Task reference" }, max: 40 }) },
  async run({ options, actor, t, locale, now, services }) {
    return moveTask(services, { actor, t, locale, now }, options.ref, "done");
  },
});
