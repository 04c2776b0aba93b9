/**
 * Proposed actions, event tasks and the ambassadors' network through the real dispatcher.
 * The same suite runs on SQLite and on PostgreSQL (people-act-*.test.ts): a volunteer and
 * an ambassador propose, the CoPil validates (a local event the proposer co-organises) or
 * refuses with a reason, the proposer is told by direct message; tasks with owners, due days,
 * partners and checklists; reminders queued once by the daily job; a directory that shows
 * only those who agreed; youth groups.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/test-app.js";
import { run, runStructured, textOf, type As } from "../helpers/run.js";
import { refIn, rows } from "../helpers/community.js";
import { codeOf } from "../helpers/events.js";
import { translator } from "../../src/core/i18n/catalogue.js";
import { silentLogger } from "../../src/core/logger.js";
import type { JobContext } from "../../src/core/jobs.js";
import { JOBS } from "../../src/features/index.js";
import taskReminders from "../../src/features/actions/jobs/task-reminders.js";
import { CHECKLISTS } from "../../src/features/actions/checklists.js";

const fr = translator("fr");
const VOLUNTEER: As = { user: "U0VOL", role: "benevole", commune: "Namur", platform: "slack" };
const OTHER_VOLUNTEER: As = { user: "U0VOL2", role: "benevole", commune: "Namur", platform: "slack" };
const AMBASSADOR: As = { user: "U0AMB", role: "ambassadeur", commune: "Namur", platform: "slack" };
const LONE_AMBASSADOR: As = { user: "U0SEUL", role: "ambassadeur", platform: "slack" };
const COPIL: As = { user: "U0COPIL", role: "copil", commune: "Namur", platform: "slack" };
const COPIL_EUPEN: As = { user: "U0EUPEN", role: "copil", commune: "Eupen", platform: "slack", locale: "de" };
const COORD: As = { user: "U0COORD", role: "coordination", platform: "slack" };

const PROPOSE = 'evenement proposer type:stand titre:"Stand du marché de Noël" debut:"12/12 9h-13h" lieu:"Place d’Armes" description:"Chocolat chaud équitable"';

export function peopleActSuite(name: string, makeApp: () => Promise<TestApp>): void {
  describe(name, () => {
    let app: TestApp;
    let code = "";
    const person = async (as: As) => (await app.services.repos.identity.findByAccount("slack", "W1", as.user!))!;
    const ctx = (): JobContext => ({ services: app.services, now: app.services.clock(), logger: silentLogger, outbox: { sweep: async () => {}, purge: async () => 0 } });

    beforeAll(async () => {
      app = await makeApp();
      const namur = (await app.services.repos.communes.findByName("Namur"))!;
      await app.services.repos.channels.link({ platform: "slack", workspaceId: "W1", channelId: "C0NAMUR", purpose: "commune", communeId: namur.id });
    }, 120_000);
    afterAll(async () => {
      await app?.close();
    });

    describe("proposing an action", () => {
      it("lets a volunteer propose what they may not create, and posts it to the CoPil with Valider / Refuser", async () => {
        expect(textOf(await run(app, 'evenement creer type:stand titre:"Stand" debut:"12/12 9h-13h" lieu:Halle', VOLUNTEER))).toContain("réservée");
        const r = await run(app, PROPOSE, VOLUNTEER);
        const ref = refIn(textOf(r));
        expect(textOf(r)).toContain(fr("act.propose.sent", { title: "Stand du marché de Noël", commune: "Namur", ref }));
        const notice = await rows(app, "proposal:");
        expect(notice.map((n) => n.target.channelId)).toEqual(["C0NAMUR"]);
        expect(notice[0]!.summary).toContain("Stand du marché de Noël");
        const proposal = (await app.services.actions.proposals.find(ref))!;
        expect(proposal).toMatchObject({ status: "pending", type: "stand", place: "Place d’Armes", proposerId: (await person(VOLUNTEER)).id });
        const listed = await run(app, "propositions", COPIL);
        const buttons = listed.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
        expect(buttons.map((b) => [b.label, b.command])).toEqual([
          [fr("act.button.accept"), `proposition valider ${ref}`],
          [fr("act.button.refuse"), `proposition refuser ${ref}`],
        ]);
      });

      it("lets an ambassador of the commune propose too; reads the fields like a local event", async () => {
        const r = await run(app, 'evenement proposer type:atelier titre:"Atelier cacao" debut:"15/12 14h-16h" lieu:"Maison des jeunes"', AMBASSADOR);
        expect(textOf(r)).toContain("transmise au CoPil de Namur");
        expect(textOf(await run(app, `${PROPOSE} commune:Eupen`, AMBASSADOR))).toContain(fr("act.propose.notMember", { commune: "Eupen" }));
        const bad = await run(app, 'evenement proposer type:fusee titre:"X" debut:"demain" lieu:Ici', AMBASSADOR);
        expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["debut", "type"]);
      });

      it("is decided by the commune's CoPil only; validating makes a local event the proposer co-organises, and tells them", async () => {
        const ref = (await app.services.actions.proposals.list((await app.services.repos.communes.findByName("Namur"))!.id, "pending", 10))[0]!.id.slice(0, 8);
        expect(textOf(await run(app, `proposition valider ${ref}`, COPIL_EUPEN))).toContain("Nur die Steuerungsgruppe von Namur");
        // A volunteer holds no CoPil right anywhere: the first gate answers.
        expect(textOf(await run(app, `proposition valider ${ref}`, VOLUNTEER))).toContain(fr("error.forbidden", { command: "proposition valider" }));
        const r = await run(app, `proposition valider ${ref}`, COPIL);
        code = codeOf(textOf(r));
        expect(textOf(r)).toContain(fr("act.accepted.told", { title: "Stand du marché de Noël", code, who: "U0VOL" }));
        const event = (await app.services.events.repo.byCode(code))!;
        expect(event).toMatchObject({ kind: "local", title: "Stand du marché de Noël", theme: "stand", createdBy: (await person(COPIL)).id });
        expect(await app.services.actions.organisers.of(event.id)).toEqual([(await person(VOLUNTEER)).id]);
        const dm = (await rows(app, `proposal:`)).filter((n) => n.key.includes(":decided:accepted"));
        expect(dm).toHaveLength(1);
        expect(dm[0]!.target.userId).toBe("U0VOL");
        expect(dm[0]!.summary).toContain(code);
        // The action's page leads to its tasks, where the co-organiser finds the kit's checklists.
        const page = await run(app, `evenement ${code}`, VOLUNTEER);
        const tasksButton = page.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : [])).find((b) => b.command === `taches ${code}`);
        expect(tasksButton?.label).toBe(fr("task.button.tasks"));
        const empty = await run(app, tasksButton!.command, VOLUNTEER);
        expect(textOf(empty)).toContain("n’a pas encore de tâche");
        expect(empty.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : [])).map((b) => b.command)).toContain(`tache modele ${code} stand`);
        // Someone who does not organise it sees the tasks, not the buttons that change them.
        expect((await run(app, tasksButton!.command, OTHER_VOLUNTEER)).blocks.some((b) => b.type === "actions")).toBe(false);
        // A second click: one decision, one event.
        expect(textOf(await run(app, `proposition valider ${ref}`, COPIL))).toContain("déjà validée");
        expect((await app.services.events.repo.list({ from: app.services.clock(), kinds: ["local"], limit: 50 })).filter((e) => e.title === "Stand du marché de Noël")).toHaveLength(1);
      });

      it("asks a reason when refusing by button, and passes it on to the proposer", async () => {
        const ref = refIn(textOf(await run(app, 'evenement proposer type:marche titre:"Marché bis" debut:"19/12 9h-12h" lieu:Halle', VOLUNTEER)));
        const asked = await run(app, `proposition refuser ${ref}`, COPIL);
        expect(asked.form).toMatchObject({ submitCommand: "proposition refuser", title: fr("act.refuse.formTitle") });
        expect(asked.form!.fields.map((f) => [f.name, f.value ?? null])).toEqual([["ref", ref], ["raison", null]]);
        expect((await app.services.actions.proposals.find(ref))!.status).toBe("pending");
        const done = await runStructured(app, "proposition refuser", { ref, raison: "Déjà un marché ce jour-là" }, COPIL);
        expect(textOf(done)).toContain(fr("act.refused.told", { title: "Marché bis", who: "U0VOL" }));
        const dm = (await rows(app, "proposal:")).filter((n) => n.key.includes(":decided:refused"));
        expect(dm.map((d) => d.target.userId)).toEqual(["U0VOL"]);
        expect(dm[0]!.summary).toContain("Déjà un marché ce jour-là");
        expect((await app.services.actions.proposals.find(ref))).toMatchObject({ status: "refused", reason: "Déjà un marché ce jour-là", eventId: null });
      });

      it("asks an ambassador of the network which commune an initiative is from, and tells someone of no commune how to join one", async () => {
        // An ambassador without a commune shares for the network, naming the commune where it happened.
        const asked = textOf(await run(app, 'initiative titre:"Mon action" description:"Un stand" type:stand', LONE_AMBASSADOR));
        expect(asked).toContain("commune:Namur");
        expect(asked).not.toContain("comité de pilotage concerné");
        // Someone who belongs to no commune is told the real rule, and how to ask to join.
        const refused = textOf(await run(app, 'initiative titre:"Mon action" description:"Un stand" type:stand commune:Namur', { user: "U0PERSONNE", platform: "slack" }));
        expect(refused).toBe(fr("error.membersOnly", { command: "initiative" }));
        expect(refused).toContain("/cdce rejoindre");
      });
    });

    describe("tasks", () => {
      it("lets the co-organiser add tasks with an owner, a due day and partners; others of the commune may not", async () => {
        const r = await run(app, `tache ajouter ${code} "Réserver la salle" pour:moi avant:10/12 partenaires:"Magasin du monde (prête les tasses); École Saint-Joseph: une classe"`, VOLUNTEER);
        expect(textOf(r)).toContain("Réserver la salle");
        expect(textOf(r)).toContain("Magasin du monde (prête les tasses) · École Saint-Joseph (une classe)");
        const task = (await app.services.actions.tasks.find(refIn(textOf(r))))!;
        expect(task).toMatchObject({ ownerId: (await person(VOLUNTEER)).id, status: "todo", dueOn: new Date("2026-12-10T00:00:00Z") });
        expect(task.partners).toEqual([{ name: "Magasin du monde", role: "prête les tasses" }, { name: "École Saint-Joseph", role: "une classe" }]);
        expect(textOf(await run(app, `tache ajouter ${code} "Autre chose"`, OTHER_VOLUNTEER))).toContain(fr("task.forbidden", { commune: "Namur", title: "Stand du marché de Noël" }));
        expect(textOf(await run(app, `tache ajouter ${code} "X" avant:"la semaine des quatre jeudis"`, VOLUNTEER))).toContain("Je ne lis pas la date");
      });

      it("applies the co-management kit's checklist once, due before the action, and lists my tasks", async () => {
        const stand = CHECKLISTS.find((c) => c.key === "stand")!;
        const r = await run(app, `tache modele ${code}`, VOLUNTEER);
        expect(textOf(r)).toContain(fr("task.template.applied", { name: stand.name.fr, event: "Stand du marché de Noël", count: stand.items.length }));
        const event = (await app.services.events.repo.byCode(code))!;
        const tasks = await app.services.actions.tasks.forEvent(event.id);
        expect(tasks.filter((x) => x.template === "stand")).toHaveLength(stand.items.length);
        for (const x of tasks) expect(x.dueOn!.getTime()).toBeLessThan(event.startsAt.getTime());
        expect(textOf(await run(app, `tache modele ${code} stand`, VOLUNTEER))).toContain("déjà appliquée");
        expect(await app.services.actions.tasks.forEvent(event.id)).toHaveLength(stand.items.length + 1);
        const mine = textOf(await run(app, "taches", VOLUNTEER));
        expect(mine).toContain(fr("task.mine.title", { count: stand.items.length + 1 }));
        expect(mine).toContain("Réserver la salle");
      });

      it("moves a task: done by its owner, in progress, handed on to an ambassador", async () => {
        const event = (await app.services.events.repo.byCode(code))!;
        const [first, second] = (await app.services.actions.tasks.forEvent(event.id)).filter((x) => x.template);
        const ref = first!.id.slice(0, 8);
        expect(textOf(await run(app, `tache fait ${ref}`, VOLUNTEER))).toContain(fr("task.done", { title: first!.title }));
        expect(textOf(await run(app, `tache fait ${ref}`, VOLUNTEER))).toContain("déjà « fait »");
        expect(textOf(await run(app, `tache fait ${ref}`, OTHER_VOLUNTEER))).toContain("gèrent ses tâches");
        expect(textOf(await run(app, "taches", VOLUNTEER))).not.toContain(first!.title);
        expect(textOf(await run(app, `tache statut ${second!.id.slice(0, 8)} en cours`, VOLUNTEER))).toContain("en cours");
        await run(app, "ambassadeurs", AMBASSADOR); // the ambassador has used the bot: a mention finds them
        expect(textOf(await run(app, `tache attribuer ${second!.id.slice(0, 8)} pour:<@U0AMB>`, COPIL))).toContain("U0AMB");
        expect(textOf(await run(app, "taches", AMBASSADOR))).toContain(second!.title);
        const list = textOf(await run(app, `taches ${code}`, COPIL));
        expect(list).toContain(fr("task.event.title", { title: "Stand du marché de Noël", count: 7, done: 1 }));
      });

      it("queues each owner's reminder two days ahead and the organisers' late list once, however often the job runs", async () => {
        expect(JOBS).toContain(taskReminders);
        const event = (await app.services.events.repo.byCode(code))!;
        const salle = (await app.services.actions.tasks.forEvent(event.id)).find((x) => x.title === "Réserver la salle")!;
        app.setNow(new Date("2026-12-08T08:15:00Z"));
        await taskReminders.run(ctx());
        await taskReminders.run(ctx());
        const reminder = await rows(app, `task:${salle.id}:`);
        expect(reminder.map((x) => [x.key.split("|")[0], x.target.userId])).toEqual([[`task:${salle.id}:due:2026-12-10`, "U0VOL"]]);
        expect(reminder[0]!.summary).toContain("Réserver la salle");
        const late = await rows(app, `tasks:${event.id}:late:2026-12-08:`);
        expect(late.map((x) => x.target.userId).sort()).toEqual(["U0COPIL", "U0VOL"]);
        // The task done is not late; one still open is.
        const done = (await app.services.actions.tasks.forEvent(event.id)).find((x) => x.status === "done")!;
        expect(late[0]!.summary).not.toContain(done.title);
        // Done before its reminder: none.
        await run(app, `tache fait ${salle.id.slice(0, 8)}`, VOLUNTEER);
        app.setNow(new Date("2026-12-09T08:15:00Z"));
        await taskReminders.run(ctx());
        expect(await rows(app, `task:${salle.id}:`)).toHaveLength(1);
        app.setNow(new Date("2026-11-29T10:00:00Z"));
      });
    });

    describe("the ambassadors' network", () => {
      it("lists only ambassadors who agreed, by province and language; the consent is theirs to switch", async () => {
        const before = await run(app, "ambassadeurs", AMBASSADOR);
        expect(textOf(before)).not.toContain("U0AMB (");
        expect(textOf(before)).toContain(fr("amb.hidden.hint"));
        expect(before.blocks.some((b) => b.type === "actions" && b.buttons.some((x) => x.command === "ambassadeur annuaire oui"))).toBe(true);
        expect(textOf(await run(app, "ambassadeur annuaire", AMBASSADOR))).toContain("par défaut");
        expect(textOf(await run(app, "ambassadeur annuaire oui", AMBASSADOR))).toContain(fr("amb.consent.on"));
        const after = textOf(await run(app, "ambassadeurs", VOLUNTEER));
        expect(after).toContain("**Namur**\nU0AMB (français) · Namur");
        expect(textOf(await run(app, "ambassadeurs Namur langue:fr", VOLUNTEER))).toContain("U0AMB");
        expect(textOf(await run(app, "ambassadeurs langue:nl", VOLUNTEER))).not.toContain("U0AMB");
        expect(textOf(await run(app, "ambassadeurs Hainaut", VOLUNTEER))).not.toContain("U0AMB");
        await run(app, "ambassadeur annuaire non", AMBASSADOR);
        expect(textOf(await run(app, "ambassadeurs", VOLUNTEER))).not.toContain("U0AMB");
        await run(app, "ambassadeur annuaire oui", AMBASSADOR);
      });

      it("shows their recent activities and the calendar for ambassadors and young people", async () => {
        await run(app, 'initiative titre:"Quiz équitable à la MJ" description:"Avec 20 jeunes" type:atelier date:hier', AMBASSADOR);
        await run(app, 'webinaire planifier titre:"Formation ambassadeur·ices" theme:sensibilisation debut:"17/12 19h-20h" public:ambassadeurs', COORD);
        await run(app, 'webinaire planifier titre:"Marchés publics" theme:marches-publics debut:"18/12 19h-20h" public:agents', COORD);
        await run(app, 'evenement creer type:action-ecole titre:"Goûter équitable à l’école" debut:"16/12 14h-16h" lieu:"École communale"', COPIL);
        const text = textOf(await run(app, "ambassadeurs", VOLUNTEER));
        expect(text).toContain(fr("amb.activity.title"));
        expect(text).toContain("U0AMB : Quiz équitable à la MJ");
        expect(text).toContain(fr("amb.calendar.title"));
        expect(text).toContain("Formation ambassadeur·ices");
        expect(text).toContain("Goûter équitable à l’école");
        expect(text).not.toContain("Marchés publics");
      });

      it("records youth groups of a commune and the ambassadors who go there, naming only those in the directory", async () => {
        expect(textOf(await run(app, "jeunesse", AMBASSADOR))).toContain("Aucun groupe de jeunes");
        expect(textOf(await run(app, 'jeunesse ajouter nom:"MJ Le Prisme" type:"maison de jeunes"', AMBASSADOR))).toContain("Groupe ajouté à Namur : **MJ Le Prisme** (maison de jeunes)");
        const scouts = await run(app, 'jeunesse ajouter nom:"Scouts de Jambes" type:scouts', VOLUNTEER);
        expect(textOf(scouts)).toContain("mouvement de jeunesse");
        // Its "J'y vais" button names the group by reference, not by its typed name.
        const goes = scouts.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []))[0]!;
        expect(goes.command).toMatch(/^jeunesse lier [0-9a-f]{8} commune:namur$/);
        expect(textOf(await run(app, goes.command, AMBASSADOR))).toContain("vous allez à **Scouts de Jambes**");
        expect(textOf(await run(app, "jeunesse lier prisme", AMBASSADOR))).toContain("vous allez à **MJ Le Prisme**");
        expect(textOf(await run(app, "jeunesse lier prisme", AMBASSADOR))).toContain("déjà lié·e");
        await run(app, 'jeunesse lier "MJ Le Prisme"', VOLUNTEER);
        const list = textOf(await run(app, "jeunesse", VOLUNTEER));
        expect(list).toContain("**MJ Le Prisme** (maison de jeunes) · y vont : U0AMB, 1 autre personne");
        expect(list).toContain("**Scouts de Jambes** (mouvement de jeunesse) · y vont : U0AMB");
        expect(textOf(await run(app, "jeunesse lier Inconnu", VOLUNTEER))).toContain("MJ Le Prisme, Scouts de Jambes");
        expect(textOf(await run(app, 'jeunesse ajouter nom:"MJ" type:fusee', VOLUNTEER))).toContain("n’est pas un type de groupe");
        expect(textOf(await run(app, 'jeunesse ajouter nom:"MJ Eupen" commune:Eupen', VOLUNTEER))).toContain(fr("youth.notMember", { commune: "Eupen" }));
      });

      it("keeps one group per name when two communes merge, with the people of both", async () => {
        const facts = { region: "Wallonie", province: "Namur", languages: ["fr" as const], timeZone: "Europe/Brussels", profile: "rural" as const, populationBand: "lt10k" as const, titledOn: null, fomDueOn: null, latitude: null, longitude: null };
        const a = await app.services.repos.communes.upsert({ ...facts, slug: "fusion-jeunes-a", name: "Fusion Jeunes A" });
        const b = await app.services.repos.communes.upsert({ ...facts, slug: "fusion-jeunes-b", name: "Fusion Jeunes B" });
        const youth = app.services.ambassadorNetwork.youth;
        const inA = (await youth.add({ communeId: a.id, name: "Patro", kind: "mouvement-de-jeunesse" })).group;
        const inB = (await youth.add({ communeId: b.id, name: "Patro", kind: "mouvement-de-jeunesse" })).group;
        await youth.add({ communeId: a.id, name: "MJ A", kind: "maison-de-jeunes" });
        await youth.link(inA.id, (await person(AMBASSADOR)).id);
        await youth.link(inB.id, (await person(VOLUNTEER)).id);
        await youth.link(inB.id, (await person(AMBASSADOR)).id);
        expect(textOf(await run(app, "commune fusionner fusion-jeunes-a dans fusion-jeunes-b le:2026-11-28", COORD))).toContain("Fusion Jeunes B");
        const groups = await youth.ofCommune(b.id);
        expect(groups.map((g) => g.name)).toEqual(["MJ A", "Patro"]);
        expect(groups.find((g) => g.name === "Patro")!.members.map((m) => m.name).sort()).toEqual(["U0AMB", "U0VOL"]);
        expect(await youth.ofCommune(a.id)).toEqual([]);
      });
    });
  });
}
