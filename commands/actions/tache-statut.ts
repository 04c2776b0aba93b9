/** `/cdce tache statut <réf> <a-faire|en-cours|fait>`: moves a task (its owner, or those who organise the action). */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { CdceError } from "../../src/core/errors.js";
import { prefixWithin } from "../../src/core/clip.js";
import { moveTask } from "../../src/features/actions/move-task.js";
import { readStatus } from "../../src/features/actions/tasks.js";

export default defineCommand({
  name: "tache statut",
  words: { fr: "tache statut", de: "aufgabe status", nl: "taak status", en: "task status" },
  intent: "me",
  optionWords: { ref: { de: "ref", nl: "ref", en: "ref" }, statut: { de: "status", nl: "status", en: "status" } },
  changesState: true,
  aliases: ["tâche statut", "aufgabe status", "taak status", "task status"],
  help: { fr: "Changer le statut d’une tâche : à faire, en cours, fait", de: "Den Status einer Aufgabe ändern: offen, in Arbeit, erledigt", nl: "De status van een taak wijzigen: te doen, bezig, klaar", en: "Change a task’s status: to do, in progress, done" },
  usage: { fr: "tache statut 3f2a9c1b en-cours", de: "aufgabe status 3f2a9c1b in-arbeit", nl: "taak status 3f2a9c1b bezig", en: "task status 3f2a9c1b doing" },
  options: {
    ref: text({ help: { fr: "Référence de la tâche", de: "Referenz der Aufgabe", nl: "Referentie van de taak", en: "Task reference" }, max: 40 }),
    statut: text({ help: { fr: "a-faire, en-cours, fait", de: "offen, in-arbeit, erledigt", nl: "te-doen, bezig, klaar", en: "todo, doing, done" }, max: 30, rest: true }),
  },
  async run({ options, actor, t, locale, now, services }) {
    const status = options.statut ? readStatus(options.statut) : undefined;
    if (!status) throw new CdceError("task.bad_status", "task.badStatus", { value: prefixWithin(options.statut ?? "", 30) });
    return moveTask(services, { actor, t, locale, now }, options.ref, status);
  },
});
