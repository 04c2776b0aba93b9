/**
 * `/cdce tache ajouter <action> "Réserver la salle" pour:@Marie avant:10/03 partenaires:"Magasin du monde (prête les tasses)"`
 * Adds a task to a local event: an owner (me by default), a due day, partners with their
 * role. For those who organise the event: its commune's CoPil, coordination, its co-organisers.
 */
import { defineCommand } from "../../src/core/commands.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import { CdceError } from "../../src/core/errors.js";
import { prefixWithin } from "../../src/core/clip.js";
import { formatLocalDay } from "../../src/core/time/local.js";
import { assertOrganiser, localEvent } from "../../src/features/actions/event-tasks.js";
import { taskOwner } from "../../src/features/actions/owner.js";
import { partnersText, readDueDay, readPartners, taskRef } from "../../src/features/actions/tasks.js";

const h = (fr: string, de: string, nl: string, en: string) => ({ fr, de, nl, en });

export default defineCommand({
  name: "tache ajouter",
  words: { fr: "tache ajouter", de: "aufgabe hinzufuegen", nl: "taak toevoegen", en: "task add" },
  intent: "manage",
  optionWords: { action: { de: "aktion", nl: "actie", en: "action" }, titre: { de: "titel", nl: "titel", en: "title" }, pour: { de: "fuer", nl: "voor", en: "for" }, avant: { de: "bis", nl: "tegen", en: "by" }, partenaires: { de: "partner", nl: "partners", en: "partners" } },
  changesState: true,
  aliases: ["tâche ajouter", "aufgabe hinzufügen", "aufgabe hinzufuegen", "taak toevoegen", "task add"],
  help: h("Ajouter une tâche à une action (responsable, échéance, partenaires)", "Einer Aktion eine Aufgabe hinzufügen (verantwortlich, Frist, Partner)", "Een taak aan een actie toevoegen (verantwoordelijke, deadline, partners)", "Add a task to an action (owner, due date, partners)"),
  usage: {
    fr: 'tache ajouter k3x9q "Réserver la salle" pour:moi avant:10/03 partenaires:"Magasin du monde (prête les tasses)"',
    de: 'aufgabe hinzufuegen k3x9q "Raum reservieren" fuer:ich bis:10.03. partner:"Weltladen (leiht Tassen)"',
    nl: 'taak toevoegen k3x9q "Zaal reserveren" voor:mij tegen:10/03 partners:"Wereldwinkel (leent tassen)"',
    en: 'task add k3x9q "Book the room" for:me by:2027-03-10 partners:"World shop (lends cups)"',
  },
  permission: "commune.contribute",
  options: {
    action: text({ help: h("Code de l’action", "Code der Aktion", "Code van de actie", "Action code"), max: 20 }),
    titre: text({ help: h("La tâche", "Die Aufgabe", "De taak", "The task"), max: 150, rest: true }),
    pour: text({ help: h("Qui s’en charge (@mention, ou moi)", "Wer sie übernimmt (@Erwähnung, oder ich)", "Wie ze doet (@vermelding, of mij)", "Who does it (@mention, or me)"), max: 80 }),
    avant: text({ help: h("Échéance : 10/03", "Frist: 10.03.", "Deadline: 10/03", "Due: 2027-03-10"), max: 40 }),
    partenaires: text({ help: h("Partenaires et leur rôle : Magasin du monde (prête les tasses); École…", "Partner und ihre Rolle: Weltladen (leiht Tassen); Schule…", "Partners en hun rol: Wereldwinkel (leent tassen); School…", "Partners and their role: World shop (lends cups); School…"), max: 400 }),
  },
  async run({ options, actor, t, locale, now, services }) {
    const event = await localEvent(services, options.action);
    await assertOrganiser(services, actor, event);
    const title = options.titre?.trim();
    if (!title) throw new CdceError("task.title_missing", "task.titleMissing", { code: event.code });
    let dueOn: Date | null = null;
    if (options.avant) {
      dueOn = readDueDay(options.avant, locale, event.timeZone, now) ?? null;
      if (!dueOn) return { ...message(locale, t("task.badDue", { value: prefixWithin(options.avant, 40) })), fieldErrors: { avant: t("task.badDue", { value: prefixWithin(options.avant, 40) }) } };
    }
    const owner = await taskOwner(services, actor, options.pour);
    const partners = readPartners(options.partenaires);
    const task = await services.actions.tasks.create({ eventId: event.id, title: prefixWithin(title, 150), ownerId: owner.id, dueOn, partners, template: null });
    const due = dueOn ? t("task.due", { day: formatLocalDay(dueOn, "UTC", locale) }) : "";
    const lines = [t("task.added", { event: event.title, title: task.title, owner: owner.name, due, ref: taskRef(task) })];
    if (partners.length) lines.push(t("task.partners", { list: partnersText(partners) }));
    return message(locale, lines.join("\n"));
  },
});
