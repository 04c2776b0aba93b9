/**
 * The dispatcher's chain of named steps, over in-memory repositories: the steps run in their
 * order, each can stop the command, the scope step fills `ctx.commune` from the option or
 * from the caller's membership, permissions are decided on that commune, the declared
 * activity is recorded in the command's unit of work, and every refusal or failure is
 * logged with the step where it happened.
 */
import { describe, expect, it } from "vitest";
import { CommandRegistry, defineCommand, type AnyCommand, type Services } from "../../src/core/commands.js";
import { createDispatcher } from "../../src/core/dispatcher.js";
import { compose, STEPS, type ChainContext, type Step } from "../../src/core/chain/index.js";
import { defineStep } from "../../src/core/chain/context.js";
import { communeOption } from "../../src/core/scope.js";
import { CdceError } from "../../src/core/errors.js";
import { text } from "../../src/core/options.js";
import { message } from "../../src/core/reply.js";
import type { ActivityEvent, Commune, Membership, Person } from "../../src/core/ports.js";
import type { Reply, Role } from "../../src/core/types.js";
import { captureLogger, type Entry } from "../helpers/capture-logger.js";

const NOW = new Date("2027-03-01T09:00:00Z");

function commune(id: string, name: string): Commune {
  return { id, slug: name.toLowerCase(), name, region: "wallonie", province: null, languages: ["fr"], timeZone: "Europe/Brussels", profile: "urbain", populationBand: "30k-100k", titledOn: null, fomDueOn: null, latitude: null, longitude: null, status: "titled", mergedIntoId: null, mergedOn: null, leftOn: null };
}
const COMMUNES = [commune("c-namur", "Namur"), commune("c-eupen", "Eupen")];

/** Who holds what: user id -> (role, commune id) pairs. */
type Holdings = Record<string, [Role, string | null][]>;

function fakeServices(holdings: Holdings, opts: { failActivity?: boolean; failIdentity?: boolean } = {}) {
  const people = new Map<string, Person>();
  const recorded: Omit<ActivityEvent, "id">[] = [];
  const entries: Entry[] = [];
  let units = 0;
  const services = {
    clock: () => NOW,
    logger: captureLogger(entries),
    repos: {
      identity: {
        findByAccount: async (_p: string, _w: string, user: string) => {
          if (opts.failIdentity) throw new Error("identity store down");
          return people.get(user) ?? null;
        },
        createWithAccount: async (account: { userId: string }, p: Omit<Person, "id">) => {
          const person = { ...p, id: account.userId };
          people.set(account.userId, person);
          return person;
        },
        updatePerson: async (id: string, patch: Partial<Person>) => ({ ...people.get(id)!, ...patch }),
      },
      memberships: {
        activeFor: async (personId: string): Promise<Membership[]> =>
          (holdings[personId] ?? []).map(([role, communeId], i) => ({ id: `${personId}-${i}`, personId, role, communeId, since: NOW, until: null })),
        add: async () => {
          throw new Error("not in these tests");
        },
      },
      communes: {
        get: async (id: string) => COMMUNES.find((c) => c.id === id) ?? null,
        findByName: async (name: string) => COMMUNES.find((c) => c.name.toLowerCase() === name.trim().toLowerCase()) ?? null,
      },
      activity: {
        record: async (e: Omit<ActivityEvent, "id">) => {
          if (opts.failActivity) throw new Error("activity table locked");
          recorded.push(e);
        },
      },
    },
    async transaction<T>(work: (scope: Services) => Promise<T>): Promise<T> {
      units++;
      return work(services as unknown as Services);
    },
  };
  return { services: services as unknown as Services, recorded, entries, units: () => units };
}

/** Echoes what the chain gave it: the commune in scope. */
const where = defineCommand({
  name: "where",
  changesState: false,
  help: { fr: "where" },
  usage: { fr: "where" },
  scope: "commune",
  options: { commune: communeOption({ rest: true }) },
  run: async ({ commune, locale }) => message(locale, `commune=${commune.name}`),
});

/** Manages a commune's roster: CoPil of THAT commune only; records its activity. */
const manage = defineCommand({
  name: "manage",
  changesState: true,
  help: { fr: "manage" },
  usage: { fr: "manage Namur" },
  scope: "commune",
  permission: "copil.manage",
  activity: { kind: "copil_change", data: ({ options }) => ({ note: options.note ?? null }) },
  options: { commune: communeOption({ rest: true }), note: text({ help: { fr: "note" }, max: 20 }) },
  run: async ({ options, commune, activity, locale }) => {
    if (options.note === "fail") throw new CdceError("test.fail", "error.internal");
    if (options.note === "same") activity.skip();
    if (options.note === "removed") activity.set({ change: "removed" });
    return message(locale, `managed ${commune.name}`);
  },
});

/** Optional commune that must be named: null without one, even for a member. */
const ranking = defineCommand({
  name: "ranking",
  changesState: false,
  help: { fr: "ranking" },
  usage: { fr: "ranking" },
  scope: { commune: "optional", fallback: "none" },
  options: { commune: communeOption({ rest: true }) },
  run: async ({ commune, locale }) => message(locale, commune ? `one=${commune.name}` : "all"),
});

function app(holdings: Holdings, opts: Parameters<typeof fakeServices>[1] = {}, commands: AnyCommand[] = [where, manage, ranking]) {
  const fake = fakeServices(holdings, opts);
  const outcomes: string[] = [];
  const dispatcher = createDispatcher({ registry: new CommandRegistry(commands), services: fake.services, onHandled: (i) => void outcomes.push(i.outcome) });
  const ask = async (user: string, line: string) => {
    const r = await dispatcher.handle({ platform: "terminal", workspaceId: "local", userId: user, text: line });
    return { text: r.text, reply: r, outcome: outcomes.at(-1) };
  };
  /** The step named by the last "command refused", "failed" or "crashed" log line. */
  const lastStep = () => {
    const e = [...fake.entries].reverse().find((x) => x.msg && /refused|failed|crashed/.test(x.msg));
    return (e?.obj as { step?: string } | undefined)?.step;
  };
  return { ...fake, ask, lastStep };
}

describe("the chain's composition", () => {
  it("runs actor, parse, scope, permission, run, activity, in that order", () => {
    expect(STEPS.map((s) => s.name)).toEqual(["actor", "parse", "scope", "permission", "run", "activity"]);
  });

  it("calls each step once, in order, and stops at the first that answers itself", async () => {
    const seen: string[] = [];
    const pass = (name: Step["name"]) => defineStep(name, async (ctx, next) => (seen.push(name), next()));
    const answer = defineStep("permission", async () => (seen.push("permission"), message("fr", "stopped")));
    const chain = compose([pass("actor"), pass("parse"), pass("scope"), answer, pass("run")]);
    const ctx = { step: undefined } as unknown as ChainContext;
    const r: Reply = await chain(ctx);
    expect(seen).toEqual(["actor", "parse", "scope", "permission"]);
    expect(r.text).toBe("stopped");
    expect(ctx.step).toBe("permission");
    expect(() => compose([pass("run"), pass("run")])).toThrow(/named twice/);
  });
});

describe("the scope step", () => {
  const a = () => app({ vol: [["benevole", "c-eupen"]], coord: [["coordination", null]] });

  it("fills ctx.commune from the option", async () => {
    expect((await a().ask("vol", "where Namur")).text).toBe("commune=Namur");
    expect((await a().ask("vol", "where commune:namur")).text).toBe("commune=Namur");
  });

  it("fills ctx.commune from the caller's membership when no commune is named", async () => {
    expect((await a().ask("vol", "where")).text).toBe("commune=Eupen");
  });

  it("refuses, naming the step, when no commune is named and none is held", async () => {
    const x = a();
    const r = await x.ask("coord", "where");
    expect(r.text).toContain("Pour quelle commune ?");
    expect(r.text).toContain("/cdce where commune:Namur");
    expect(r.outcome).toBe("invalid");
    expect(x.lastStep()).toBe("scope");
  });

  it("refuses an unknown commune, naming the step", async () => {
    const x = a();
    const r = await x.ask("vol", "where Atlantis");
    expect(r.text).toContain("Je ne trouve pas de commune « Atlantis »");
    expect(x.lastStep()).toBe("scope");
  });

  it("leaves an optional commune that must be named empty, even for a member", async () => {
    expect((await a().ask("vol", "ranking")).text).toBe("all");
    expect((await a().ask("vol", "ranking Namur")).text).toBe("one=Namur");
  });
});

describe("the permission step", () => {
  /** CoPil of Eupen who is a volunteer in Namur. */
  const mixed = () => app({ mixed: [["copil", "c-eupen"], ["benevole", "c-namur"]], vol: [["benevole", "c-namur"]] });

  it("decides on the (role, commune) pair of the scope: a CoPil seat in Eupen does not manage Namur", async () => {
    const x = mixed();
    const r = await x.ask("mixed", "manage Namur");
    expect(r.text).toContain("réservées au CoPil de Namur");
    expect(r.outcome).toBe("refused");
    expect(x.lastStep()).toBe("permission");
    expect(x.recorded).toEqual([]);
    expect((await x.ask("mixed", "manage Eupen")).text).toBe("managed Eupen");
  });

  it("uses the home commune for the pair when none is named", async () => {
    const x = app({ mixed: [["benevole", "c-namur"], ["copil", "c-eupen"]] });
    // Home is Namur (first membership), where this person is a volunteer only.
    expect((await x.ask("mixed", "manage")).outcome).toBe("refused");
  });
});

describe("the other steps can stop a command, and the log names them", () => {
  it("actor: a person that cannot be resolved", async () => {
    const x = app({}, { failIdentity: true });
    expect((await x.ask("vol", "where Namur")).outcome).toBe("error");
    expect(x.lastStep()).toBe("actor");
  });

  it("parse: an unknown command, an unknown option, a bad value", async () => {
    const x = app({ vol: [["benevole", "c-namur"]] });
    expect((await x.ask("vol", "wher Namur")).text).toContain("/cdce where");
    expect(x.lastStep()).toBe("parse");
    expect((await x.ask("vol", "where lang:de")).outcome).toBe("invalid");
    expect(x.lastStep()).toBe("parse");
  });

  it("run: the command's own refusal", async () => {
    const x = app({ copil: [["copil", "c-namur"]] });
    expect((await x.ask("copil", "manage note:fail")).outcome).toBe("invalid");
    expect(x.lastStep()).toBe("run");
    expect(x.recorded).toEqual([]);
  });

  it("activity: a failure to record it fails the command", async () => {
    const x = app({ copil: [["copil", "c-namur"]] }, { failActivity: true });
    expect((await x.ask("copil", "manage")).outcome).toBe("error");
    expect(x.lastStep()).toBe("activity");
  });
});

describe("the activity step", () => {
  const copil = () => app({ copil: [["copil", "c-namur"]] });

  it("records the declared activity for the scope's commune, in the command's unit of work", async () => {
    const x = copil();
    expect((await x.ask("copil", "manage note:hello")).text).toBe("managed Namur");
    expect(x.recorded).toEqual([{ communeId: "c-namur", personId: "copil", kind: "copil_change", at: NOW, data: { note: "hello" } }]);
    expect(x.units()).toBe(1);
  });

  it("takes the details run set, and records nothing when run says nothing changed", async () => {
    const x = copil();
    await x.ask("copil", "manage note:removed");
    await x.ask("copil", "manage note:same");
    expect(x.recorded.map((e) => e.data)).toEqual([{ change: "removed" }]);
  });

  it("is refused at start when declared without a required commune scope", () => {
    const bad = defineCommand({ name: "bad", changesState: true, help: { fr: "b" }, usage: { fr: "b" }, options: {}, activity: "x", run: async ({ locale }) => message(locale, "b") });
    expect(() => new CommandRegistry([bad])).toThrow(/declares an activity/);
    const noOption = defineCommand({ name: "bad", changesState: false, help: { fr: "b" }, usage: { fr: "b" }, scope: "commune", options: {}, run: async ({ locale }) => message(locale, "b") });
    expect(() => new CommandRegistry([noOption])).toThrow(/no commune option/);
  });
});
