/**
 * Every morning, queues the reminders of tasks due in two days and, to each organiser, the
 * late tasks of their actions. Idempotent by key: a second run, or a run on a new leader,
 * queues nothing twice.
 */
import { defineJob } from "../../../core/jobs.js";
import { scanTasks } from "../tasks.js";

export default defineJob({
  name: "task-reminders",
  label: { fr: "Tâches des actions (rappels, retards)", de: "Aufgaben der Aktionen (Erinnerungen, Verzug)", nl: "Taken van de acties (herinneringen, achterstand)", en: "Action tasks (reminders, late ones)" },
  schedule: "15 9 * * *",
  timeZone: "Europe/Brussels",
  scope: "cluster",
  async run({ services, now }) {
    await scanTasks(services, now);
  },
});
