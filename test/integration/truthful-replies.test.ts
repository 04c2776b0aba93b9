/**
 * A reply never says that someone is told, reminded or announced unless the message is in
 * the outbox, and never says a message could not go out when it was queued. Every command
 * that queues something runs in two worlds: everything linked and everyone on Slack (the
 * notices can go out), and nothing linked with everyone on the terminal (no inbox, no
 * channel). Each reply's claims are checked against the outbox rows the command wrote.
 *
 * Data-driven: CLAIMS lists, per message key, the French words that make the claim ("told")
 * or the denial ("could not be told"). A guard fails when a French message uses such words
 * and is listed neither there nor in NOT_CLAIMS (with why) or UNCHECKED (claims that no case
 * below exercises yet: listed so that nobody adds one silently).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./../helpers/test-app.js";
import { run, textOf, type As } from "./../helpers/run.js";
import { catalogues, type MessageKey } from "../../src/core/i18n/catalogue.js";
import { OUTBOX_STATES } from "../../src/core/notify.js";

/** A claim that a notice went (or will go) out, or a denial that it could. */
interface Claim {
  says: RegExp;
  kind: "told" | "untold";
}

const CLAIMS: Partial<Record<MessageKey, Claim>> = {
  "ev.created": { says: /et annoncé dans les canaux du réseau/, kind: "told" },
  "ev.createdNotAnnounced": { says: /mais pas annoncé : aucun canal/, kind: "untold" },
  "ev.series.created": { says: /annoncée dans les canaux du réseau/, kind: "told" },
  "ev.series.createdNotAnnounced": { says: /mais pas annoncée : aucun canal/, kind: "untold" },
  "ev.joined": { says: /Rappels prévus :/, kind: "told" },
  "ev.remind.set": { says: /\d+ rappels? planifiés?/, kind: "told" },
  "ev.remind.reset": { says: /\d+ rappels? planifiés?/, kind: "told" },
  "ev.remind.unreachable": { says: /Aucun rappel ne peut vous parvenir/, kind: "untold" },
  "ev.moved": { says: /Les inscrit·es sont prévenu·es/, kind: "told" },
  "ev.cancel.done": { says: /(La personne inscrite est prévenue|personnes inscrites sont prévenues)\./, kind: "told" },
  "ev.people.told": { says: /(personne inscrite est prévenue|personnes inscrites sont prévenues) en privé/, kind: "told" },
  "ev.people.untold": { says: /n’(a|ont) pas pu être prévenues?/, kind: "untold" },
  "initiative.moderation.approved": { says: /; son auteur·ice est prévenu·e/, kind: "told" },
  "initiative.moderation.rejected": { says: /; son auteur·ice est prévenu·e/, kind: "told" },
  "initiative.follow.done": { says: /L’auteur·ice est prévenu·e/, kind: "told" },
  "initiative.author.untold": { says: /Son auteur·ice n’a pas pu être prévenu·e/, kind: "untold" },
  "idea.moved.told": { says: /; son auteur·ice est prévenu·e/, kind: "told" },
  "idea.moved.untold": { says: /son auteur·ice n’a pas pu être prévenu·e/, kind: "untold" },
};

/** Messages with the words of a claim that claim nothing about the outbox (and why). */
const NOT_CLAIMS: Partial<Record<MessageKey, string>> = {
  "fom.submitted": "the questionnaire was sent by the commune; the reminders are stopped, not sent",
  "fom.graded": "the questionnaire sent by the commune",
  "fom.ladder.hint": "advice about the commune's own submission",
  "fom.overdue.body": "a notice's own body",
  "fom.button.submitted": "a button the CoPil presses",
  "veille.component.answers": "a label of the score",
  "momentum.reason.answers": "counts prompts from the history",
  "ev.remind.current": "describes a preference",
  "ev.remind.default": "describes the defaults",
  "ev.local.notLocal": "a rule, no claim about this event",
  "initiative.updated.reposted": "checked by the initiatives tests (the repost is queued by the same unit)",
  "initiative.delete.confirm": "a question",
  "initiative.deleted": "counts the retractions queued (RetractResult)",
  "initiative.author.approved": "the notice itself",
  "initiative.author.rejected": "the notice itself",
  "initiative.error.notPublished": "a status",
  "initiatives.none": "a search result",
  "moderation.status.on": "a setting",
  "moderation.status.off": "a setting",
  "moderation.set.off": "a setting",
  "outbox.failed.notice": "the outbox's own notice",
  "outbox.admin.counts": "counts outbox rows",
  "outbox.admin.cancelled": "a cancellation",
  "diagnostic.sent": "chosen from the enqueue result (queued, already, no channel) in diagnostic-envoyer",
  "diagnostic.already": "chosen from the enqueue result",
  "files.sentPrivately": "a platform's file delivery, not the outbox",
  "idea.moved": "claims nothing: the idea has no author to tell",
  "initiative.moderation.approved.base": "the initiative's status (visible in search and on the map), no notice",
};

/**
 * Claims not exercised by a case below yet (known, so that a new one cannot slip in unseen):
 * each should get its case and, where it can be false, its wording chosen from the outbox.
 */
const UNCHECKED: Partial<Record<MessageKey, string>> = {
  "ev.moved.series": "later sessions of a series: their notices are not counted yet",
  "ev.edit.done": "waiting people promoted by a larger capacity: their notices are not counted yet",
  "ev.cancel.confirm": "a promise before anything is queued (reaches() per person would make it true)",
  "idea.created": "a promise for later steps (true only if the author has a Slack or Discord account)",
  "idea.created.anonymous": "same promise",
  "parrainage.confirmed": "introductions to both CoPils' channels: not counted yet",
  "parrainage.hint": "a promise before confirmation",
  "ev.nudge.done": "counts only communes with a linked channel (nudgeCommunes skips the others)",
  "ev.local.shared": "chosen by reaches() before queueing in evenement-partager",
  "initiative.shared": "chosen by reaches() before queueing in initiative",
};

/** French words with which a message claims (or denies) a notice. */
const CLAIM_WORDS = /prévenu|rappels? (prévu|planifié)|annoncée?s?\b|informé|notifié|envoyé|publiée? dans/;

describe("message keys that speak of a notice", () => {
  it("are all listed: claims checked below, not claims (with why), or known unchecked claims", () => {
    const fr = catalogues().fr;
    const unlisted = Object.entries(fr)
      .filter(([key, text]) => CLAIM_WORDS.test(text) && !(key in CLAIMS) && !(key in NOT_CLAIMS) && !(key in UNCHECKED))
      .map(([key, text]) => `${key}: ${text}`);
    expect(unlisted).toEqual([]);
    // Every listed claim still exists and still says what the list looks for.
    for (const [key, claim] of Object.entries(CLAIMS)) {
      expect(fr[key as MessageKey], key).toBeDefined();
      // Plural branches flattened: "{count, plural, one {# rappel planifié}…}" reads "1 rappel planifié".
      expect(fr[key as MessageKey].replace(/#/g, "1").replace(/[{}]/g, ""), key).toMatch(claim!.says);
    }
  });
});

type World = "reachable" | "unreachable";

async function outboxKeys(app: TestApp): Promise<Set<string>> {
  return new Set((await app.services.outbox.list([...OUTBOX_STATES], 100_000)).map((r) => r.key));
}

/**
 * Runs `line` and checks the reply against what it queued under keys containing `marker`:
 * a "told" claim needs a row, an "untold" one needs none. Returns the reply text and the rows.
 */
async function checked(app: TestApp, line: string, as: As, marker: string): Promise<{ text: string; queued: string[]; claims: string[] }> {
  const before = await outboxKeys(app);
  const text = textOf(await run(app, line, as));
  const queued = [...(await outboxKeys(app))].filter((k) => !before.has(k) && k.includes(marker));
  const claims: string[] = [];
  for (const [key, claim] of Object.entries(CLAIMS)) {
    if (!claim!.says.test(text)) continue;
    claims.push(`${claim!.kind}:${key}`);
    if (claim!.kind === "told") expect(queued.length, `"${line}" says ${key} but queued nothing under ${marker}:\n${text}`).toBeGreaterThan(0);
    else expect(queued, `"${line}" says ${key} although it queued:\n${text}`).toEqual([]);
  }
  return { text, queued, claims };
}

describe.each<[World]>([["reachable"], ["unreachable"]])("replies when the notices %s", (world) => {
  let app: TestApp;
  const platform = world === "reachable" ? ("slack" as const) : ("terminal" as const);
  const coord: As = { user: "coord", role: "coordination", platform };
  const ann: As = { user: "ann", role: "benevole", commune: "Namur", platform };
  const copil: As = { user: "cop", role: "copil", commune: "Namur", platform };
  const amb: As = { user: "amb", role: "ambassadeur", commune: "Namur", platform };
  const other: As = { user: "bob", role: "copil", commune: "Eupen", platform };
  /** Every case must make the claim its world calls for: told when reachable, untold else. */
  const expectKind = (claims: string[], line: string) => {
    expect(claims.length, `"${line}" makes no claim at all`).toBeGreaterThan(0);
    for (const c of claims) expect(c.startsWith(world === "reachable" ? "told:" : "untold:"), `${line}: ${c}`).toBe(true);
  };

  beforeAll(async () => {
    app = await createTestApp({ now: new Date("2027-02-01T09:00:00Z") });
    if (world === "reachable") {
      const channels = app.services.repos.channels;
      await channels.link({ platform: "slack", workspaceId: "W1", channelId: "C-NET", purpose: "network", communeId: null });
      await channels.link({ platform: "slack", workspaceId: "W1", channelId: "C-COORD", purpose: "coordination", communeId: null });
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it("webinars: planned, joined, reminders, moved, cancelled", async () => {
    const planned = await checked(app, 'webinaire planifier titre:"Gouvernance" theme:gouvernance debut:"15/03/2027 14h"', coord, ":announce:");
    expectKind(planned.claims, "webinaire planifier");
    const code = /`([a-z0-9]{5})`/.exec(planned.text)![1]!;

    const joined = await checked(app, `webinaire rejoindre ${code}`, ann, ":rem:");
    expectKind(joined.claims, "webinaire rejoindre");

    const reminders = await checked(app, "rappels 3j 1h", ann, ":rem:");
    expectKind(reminders.claims, "rappels");

    const moved = await checked(app, `webinaire deplacer ${code} debut:"16/03/2027 14h"`, coord, ":moved:");
    expectKind(moved.claims, "webinaire deplacer");

    const cancelled = await checked(app, `webinaire annuler ${code} confirmer:oui`, coord, ":cancelled:");
    expectKind(cancelled.claims, "webinaire annuler");
  }, 60_000);

  it("initiatives: approved, rejected, followed; ideas: status", async () => {
    await run(app, "config moderation oui", coord);
    const refOf = (text: string) => /`([0-9a-f]{8})`/.exec(text)![1]!;
    const first = textOf(await run(app, 'initiative titre:"Atelier cacao" description:"Avec les scouts" type:atelier', amb));
    const approved = await checked(app, `initiative valider ${refOf(first)}`, coord, ":author:approved");
    expectKind(approved.claims, "initiative valider");
    const second = textOf(await run(app, 'initiative titre:"Stand" description:"Au marché" type:stand', amb));
    const rejected = await checked(app, `initiative refuser ${refOf(second)} doublon`, coord, ":author:rejected");
    expectKind(rejected.claims, "initiative refuser");
    await run(app, "config moderation non", coord);

    const followed = await checked(app, `initiative aussi ${refOf(first)}`, other, ":follow:");
    expectKind(followed.claims, "initiative aussi");

    const idea = textOf(await run(app, "idee Un stand au marché de Noël", amb));
    const moved = await checked(app, `idee statut ${refOf(idea)} etude`, copil, ":status:");
    expectKind(moved.claims, "idee statut");
  }, 60_000);
});
