/**
 * Joining a commune and the welcome journey, end to end through the dispatcher on SQLite and
 * PostgreSQL: a newcomer asks to join Namur, the request reaches Namur's CoPil channel, a
 * stranger may not answer it, Namur's CoPil accepts; the newcomer gets the answer and then,
 * as the (injected) clock moves over three weeks and the hourly job runs, the steps of their
 * journey, each once, in their language; a step they already did (registered to the
 * webinar) is skipped; nothing is sent after someone stops their journey. Also: the same
 * request twice is one request, /cdce role and a renewed CoPil start journeys, journeys are
 * data that coordination lists and edits, an ambassador may join the network alone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appsOnEachDatabase, type TestApp } from "../../helpers/test-app.js";
import { run, textOf, type As } from "../../helpers/run.js";
import { deliver, memorySender, rows, type MemorySender } from "../../helpers/community.js";
import { codeOf } from "../../helpers/events.js";
import type { Reply } from "../../../src/core/types.js";
import JOB from "../../../src/features/joining/jobs/welcome-journeys.js";

const providers = await appsOnEachDatabase("joining");
const DAY = 24 * 60 * 60 * 1000;
const START = new Date("2027-01-04T09:00:00Z");

const COORD: As = { user: "U0COORD", role: "coordination", platform: "slack" };
const COPIL: As = { user: "U0COPIL", role: "copil", commune: "Namur", platform: "slack" };
const STRANGER: As = { user: "U0EUPEN", role: "copil", commune: "Eupen", platform: "slack" };
const VOLUNTEER: As = { user: "U0VOL", role: "benevole", commune: "Namur", platform: "slack" };
const ANNA: As = { user: "U0ANNA", platform: "slack" };
const BERT: As = { user: "U0BERT", platform: "slack", locale: "de-DE" };

const refIn = (text: string) => /`([0-9a-f]{8})`/.exec(text)?.[1] ?? "";
const flat = (r: Reply) => r.blocks.map((b) => (b.type === "actions" ? b.buttons.map((x) => `[${x.label}](${x.command})`).join(" ") : b.type === "divider" ? "" : b.text)).join("\n");

describe.each(providers)("joining a commune on %s", (_name, makeApp) => {
  let app: TestApp;
  let sender: MemorySender;
  const personOf = async (as: As) => (await app.services.repos.identity.findByAccount("slack", "W1", as.user!))!;
  /** What the person received in direct messages so far (the outbox posts to their user id here). */
  const dms = (as: As) => sender.posted.filter((p) => p.target.channelId === as.user);
  const tick = async (days: number) => {
    app.setNow(new Date(START.getTime() + days * DAY));
    await JOB.run({ services: app.services, now: app.services.clock(), logger: app.services.logger, outbox: { sweep: async () => {}, purge: async () => 0 } });
    await deliver(app, [sender]);
  };

  beforeAll(async () => {
    app = await makeApp();
    app.setNow(START);
    sender = memorySender("slack");
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    await app.services.repos.channels.link({ platform: "slack", workspaceId: "W1", channelId: "C-NAMUR", purpose: "commune", communeId: namur.id });
    await app.services.repos.channels.link({ platform: "slack", workspaceId: "W1", channelId: "C-COORD", purpose: "coordination", communeId: null });
    for (const as of [COORD, COPIL, STRANGER, VOLUNTEER]) await run(app, "langue fr", as);
    await run(app, 'copil ajouter Claire Copil role:commerce commune:Namur', COPIL);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it("sends one request to the commune's CoPil, not twice, and only the CoPil (or coordination) answers it", async () => {
    const asked = textOf(await run(app, "rejoindre Namur benevole", ANNA));
    expect(asked).toContain("comité de pilotage de Namur");
    expect(asked).toContain("Vous recevrez la réponse en message privé");
    const ref = refIn(asked);
    const again = textOf(await run(app, "rejoindre Namur bénévole", ANNA));
    expect(again).toContain("attend déjà une réponse");
    expect(refIn(again)).toBe(ref);
    const requests = await rows(app, "join:");
    expect(requests.map((r) => r.target.channelId)).toEqual(["C-NAMUR"]);
    await deliver(app, [sender]);
    const posted = sender.posted.filter((p) => p.target.channelId === "C-NAMUR");
    expect(posted).toHaveLength(1);
    const card = flat(posted[0]!.reply);
    expect(card).toContain("U0ANNA");
    expect(card).toContain(`[Accepter](rejoindre accepter ${ref})`);
    expect(card).toContain(`[Refuser](rejoindre refuser ${ref})`);

    // Another commune's CoPil and a plain member of Namur may not answer.
    expect(textOf(await run(app, `rejoindre accepter ${ref}`, STRANGER))).toContain("Seul le comité de pilotage de Namur");
    expect(textOf(await run(app, `rejoindre accepter ${ref}`, VOLUNTEER))).toMatch(/réservée|Seul le comité/);
    const anna = await personOf(ANNA);
    expect((await app.services.repos.memberships.activeFor(anna.id, app.services.clock())).map((m) => m.role)).toEqual([]);
  });

  it("accepts once: the role, the answer in private, and the journey's first message", async () => {
    const ref = refIn(textOf(await run(app, "rejoindre Namur benevole", ANNA)));
    const accepted = textOf(await run(app, `rejoindre accepter ${ref}`, COPIL));
    expect(accepted).toContain("est maintenant bénévole pour Namur");
    expect(accepted).toContain("message privé");
    expect(textOf(await run(app, `rejoindre accepter ${ref}`, COPIL))).toContain("déjà sa réponse : acceptée");
    const anna = await personOf(ANNA);
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    expect((await app.services.repos.memberships.activeFor(anna.id, app.services.clock())).map((m) => [m.role, m.communeId])).toEqual([["benevole", namur.id]]);
    await deliver(app, [sender]);
    const got = dms(ANNA).map((p) => flat(p.reply));
    expect(got).toHaveLength(2);
    expect(got.filter((t) => t.includes("Bonne nouvelle : votre demande pour devenir bénévole pour Namur est acceptée"))).toHaveLength(1);
    const welcome = got.find((t) => t.includes("Bienvenue U0ANNA"))!;
    expect(welcome).toContain("message 1 sur 5");
    expect(welcome).toMatch(/\[Stop\]\(parcours stop [0-9a-f]{8}\)/);
    // Asking again now: already held.
    expect(textOf(await run(app, "rejoindre Namur benevole", ANNA))).toContain("Vous êtes déjà bénévole pour Namur");
  });

  it("follows the journey as the clock moves: each step once, the webinar skipped once registered", async () => {
    // A webinar for volunteers, planned before the step that would offer it; Anna registers on her own.
    const code = codeOf(textOf(await run(app, 'webinaire planifier titre:"Bénévoles en action" theme:mobilisation debut:"28/01/2027 19h" public:benevoles', COORD)));
    await tick(1);
    expect(dms(ANNA)).toHaveLength(2);
    await tick(3);
    const kits = flat(dms(ANNA).at(-1)!.reply);
    expect(kits).toContain("Trois kits choisis pour votre rôle");
    expect(kits.match(/^• \*\*/gm)?.length).toBe(3);
    await tick(3.5);
    expect(dms(ANNA)).toHaveLength(3);
    await run(app, `webinaire rejoindre ${code}`, ANNA);
    await tick(7);
    await tick(8);
    // Registered: the webinar step says nothing; the journey goes on.
    expect(dms(ANNA).map((p) => flat(p.reply)).some((t) => t.includes("Bénévoles en action"))).toBe(false);
    await tick(12);
    const contacts = flat(dms(ANNA).at(-1)!.reply);
    expect(contacts).toContain("Claire Copil");
    await tick(18);
    const task = flat(dms(ANNA).at(-1)!.reply);
    expect(task).toContain("Une première petite tâche");
    expect(task).toContain("message 5 sur 5");
    await tick(25);
    await tick(30);
    const keys = (await rows(app, "welcome:")).filter((r) => r.target.userId === ANNA.user).map((r) => r.key);
    expect(keys.map((k) => k.replace(/^welcome:[^:]+:/, "").replace(/\|.*$/, ""))).toEqual(["step:1", "step:2", "step:4", "step:5"]);
    expect(new Set(dms(ANNA).map((p) => p.idempotencyKey)).size).toBe(dms(ANNA).length);
    const journeys = await app.services.joining.welcome.runningFor((await personOf(ANNA)).id);
    expect(journeys).toEqual([]);
  });

  it("offers the next webinar with a register button to one not registered, in German, and stops for good", async () => {
    app.setNow(START);
    const ref = refIn(textOf(await run(app, "rejoindre Namur benevole", BERT)));
    expect(textOf(await run(app, `rejoindre accepter ${ref}`, COPIL))).toContain("est maintenant");
    await deliver(app, [sender]);
    expect(dms(BERT).map((p) => flat(p.reply)).filter((t) => t.includes("Willkommen U0BERT"))).toHaveLength(1);
    await tick(7);
    const webinar = dms(BERT).map((p) => flat(p.reply)).find((t) => t.includes("Das nächste Webinar für Ihre Rolle"))!;
    expect(webinar).toContain("Bénévoles en action");
    expect(webinar).toMatch(/\[Anmelden\]\(webinaire rejoindre [a-z0-9]{5}\)/);
    const stopRef = /parcours stop ([0-9a-f]{8})/.exec(webinar)![1]!;
    const before = dms(BERT).length;
    expect(textOf(await run(app, `parcours stop ${stopRef}`, BERT))).toContain("beendet");
    expect(textOf(await run(app, "parcours stop", BERT))).toContain("Keine laufende");
    for (const d of [12, 18, 30]) await tick(d);
    expect(dms(BERT)).toHaveLength(before);
    expect((await rows(app, "welcome:")).filter((r) => r.target.userId === BERT.user && r.state === "pending")).toEqual([]);
  });

  it("starts a journey for a role given with /cdce role, and again for a renewed CoPil", async () => {
    app.setNow(new Date(START.getTime() + 40 * DAY));
    const carl: As = { user: "U0CARL", platform: "slack" };
    await run(app, "langue fr", carl);
    expect(textOf(await run(app, "role <@U0CARL> copil Namur", COORD))).toContain("a maintenant le rôle");
    const carlId = (await personOf(carl)).id;
    const first = await app.services.joining.welcome.runningFor(carlId);
    expect(first.map((j) => [j.role, j.reason])).toEqual([["copil", "given"]]);
    expect(textOf(await run(app, "copil renouveler Namur", VOLUNTEER))).toMatch(/réservée|Seul/);
    const renewed = textOf(await run(app, "copil renouveler Namur", COPIL));
    expect(renewed).toMatch(/Nouveau mandat noté pour le CoPil de Namur : [23] parcours d’accueil recommencent/);
    const now = await app.services.joining.welcome.runningFor(carlId);
    expect(now.map((j) => j.reason)).toEqual(["renewed"]);
    expect(now[0]!.id).not.toBe(first[0]!.id);
    // The first journey's queued steps are gone; clicking twice restarts nothing.
    expect((await rows(app, `welcome:${first[0]!.id}:`, ["pending"]))).toEqual([]);
    expect(textOf(await run(app, "copil renouveler Namur", COPIL))).toContain("Aucun membre");
  });

  it("keeps journeys as data that coordination lists and edits", async () => {
    expect(textOf(await run(app, "parcours", VOLUNTEER))).toMatch(/réservée/);
    const listed = await run(app, "parcours benevole", COORD);
    expect(textOf(listed)).toContain("trois kits · jour 3");
    // The same steps, every language, as a file to keep or review.
    const file = listed.files![0]!;
    expect(file.name).toBe("parcours-accueil-benevole.json");
    const exported = JSON.parse(String(file.data)) as { steps: Array<{ role: string; position: number; delayDays: number; text: Record<string, string> }> };
    expect(exported.steps.map((s) => [s.position, s.delayDays])).toEqual([[1, 0], [2, 3], [3, 7], [4, 12], [5, 18]]);
    expect(Object.keys(exported.steps[1]!.text).sort()).toEqual(["de", "en", "fr", "nl"]);
    expect(textOf(await run(app, 'parcours modifier benevole 2 delai:1 texte:"Vos trois kits, {name} :"', COORD))).toContain("mise à jour");
    expect(textOf(await run(app, "parcours modifier benevole 9 delai:1", COORD))).toContain("n’a pas d’étape 9");
    expect(textOf(await run(app, "parcours benevole", COORD))).toContain("trois kits · jour 1\nVos trois kits, {name} :");
    const steps = await app.services.joining.welcome.steps([]);
    expect(steps.find((s) => s.role === "benevole" && s.position === 2)).toMatchObject({ delayDays: 1, text: { fr: "Vos trois kits, {name} :" } });
  });

  it("keeps a request for a commune without a channel, and posts it once when asked again after a channel is linked", async () => {
    const fred: As = { user: "U0FRED", platform: "slack" };
    await run(app, "langue fr", fred);
    const first = textOf(await run(app, "rejoindre Eupen benevole", fred));
    expect(first).toContain("personne ne la voit encore");
    // Coordination is not asked what Eupen's CoPil decides.
    expect((await rows(app, "join:")).filter((r) => r.key.includes(refIn(first)) || r.target.channelId === "C-COORD")).toEqual([]);
    expect(textOf(await run(app, "rejoindre Eupen benevole", fred))).toContain("attend déjà une réponse");
    const eupen = (await app.services.repos.communes.findByName("Eupen"))!;
    await app.services.repos.channels.link({ platform: "slack", workspaceId: "W1", channelId: "C-EUPEN", purpose: "commune", communeId: eupen.id });
    expect(textOf(await run(app, "rejoindre Eupen benevole", fred))).toContain("est arrivée au comité de pilotage de Eupen");
    expect(textOf(await run(app, "rejoindre Eupen benevole", fred))).toContain("attend déjà une réponse");
    expect((await rows(app, "join:")).filter((r) => r.target.channelId === "C-EUPEN")).toHaveLength(1);
  });

  it("lets an ambassador join the network without a commune; coordination answers", async () => {
    const dora: As = { user: "U0DORA", platform: "slack" };
    await run(app, "langue fr", dora);
    expect(textOf(await run(app, "rejoindre benevole", dora))).toContain("Pour quelle commune");
    const asked = textOf(await run(app, "rejoindre ambassadeur", dora));
    expect(asked).toContain("coordination du réseau");
    const ref = refIn(asked);
    expect(textOf(await run(app, `rejoindre accepter ${ref}`, COPIL))).toContain("Seule la coordination");
    expect(textOf(await run(app, `rejoindre accepter ${ref}`, COORD))).toContain("ambassadeur·ice du réseau");
    const held = await app.services.repos.memberships.activeFor((await personOf(dora)).id, app.services.clock());
    expect(held.map((m) => [m.role, m.communeId])).toEqual([["ambassadeur", null]]);
    // She shares what she saw, naming where it happened; it is credited to the network's ambassador.
    expect(textOf(await run(app, 'initiative titre:"Stand vu au marché" description:"Café équitable" type:stand', dora))).toContain("Indiquez la commune de l’initiative");
    const shared = textOf(await run(app, 'initiative titre:"Stand vu au marché" description:"Café équitable" type:stand commune:Eupen', dora));
    expect(shared).toContain("Partagé par U0DORA (ambassadeur·ice du réseau)");
    const stored = (await app.services.community.initiatives.findByPrefix(refIn(shared)))[0]!;
    expect(stored.sharedAs).toBe("network-ambassador");
    // A member of Namur shares for Namur as before, credited with the commune.
    expect(textOf(await run(app, 'initiative titre:"Petit-déjeuner" description:"À l’école" type:petit-dejeuner', VOLUNTEER))).toContain("Partagé par U0VOL (Namur)");
  });

  it("recruits for the CoPil: a call naming the missing groups, answers, an invitation in one click", async () => {
    const eli: As = { user: "U0ELI", platform: "slack" };
    await run(app, "langue fr", eli);
    expect(textOf(await run(app, "copil recruter Namur", VOLUNTEER))).toMatch(/réservée|Seul/);
    const posted = textOf(await run(app, "copil recruter Namur reseau:oui", COPIL));
    // No network channel is linked here: only the commune's channel is named.
    expect(posted).toBe("L’appel est parti vers le canal de Namur. Les réponses : `/cdce copil candidats`.");
    await deliver(app, [sender]);
    const call = sender.posted.filter((p) => p.target.channelId === "C-NAMUR").map((p) => flat(p.reply)).find((t) => t.includes("cherche de nouveaux membres"))!;
    expect(call).toContain("des citoyen·nes");
    expect(call).not.toContain("un commerce ou un Horeca"); // Claire sits for the shops
    const button = /\[Je suis intéressé·e\]\((copil interesse [0-9a-f]{8})\)/.exec(call)![1]!;
    expect(textOf(await run(app, button, eli))).toContain("Merci ! Le comité de pilotage de Namur voit votre intérêt");
    expect(textOf(await run(app, button, eli))).toContain("déjà répondu");
    expect(textOf(await run(app, "copil candidats Namur", VOLUNTEER))).toMatch(/réservée|Seul/);
    const list = await run(app, "copil candidats Namur", COPIL);
    expect(textOf(list)).toContain("Personnes intéressées par le CoPil de Namur (1)");
    const invite = flat(list).match(/\[Inviter U0ELI\]\((copil inviter [0-9a-f]{8})\)/)![1]!;
    expect(textOf(await run(app, invite, STRANGER))).toContain("Seul le comité de pilotage de Namur");
    expect(textOf(await run(app, invite, COPIL))).toContain("U0ELI rejoint le comité de pilotage de Namur. La personne a la réponse en message privé.");
    expect(textOf(await run(app, invite, COPIL))).toContain("déjà été invité·e");
    const eliId = (await personOf(eli)).id;
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    expect((await app.services.repos.memberships.activeFor(eliId, app.services.clock())).map((m) => [m.role, m.communeId])).toEqual([["copil", namur.id]]);
    expect((await app.services.joining.welcome.runningFor(eliId)).map((j) => [j.role, j.reason])).toEqual([["copil", "joined"]]);
    expect(textOf(await run(app, "copil candidats Namur", COPIL))).toContain("U0ELI** · ");
  });
});
