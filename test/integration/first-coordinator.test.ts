/**
 * The first coordinator of a new installation: the start prints a one-time code while nobody
 * is coordination; the first person to type `/cdce admin revendiquer <code>` becomes it, on
 * any platform and in any language; the code then stops working, even for two people racing;
 * wrong codes are counted and locked; the database keeps only a hash; it expires.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appsOnEachDatabase, type TestApp } from "../helpers/test-app.js";
import { run, textOf, type As } from "../helpers/run.js";
import { captureLogger } from "../helpers/capture-logger.js";
import { announceClaimCode } from "../../src/first-coordinator.js";
import { resolveActor } from "../../src/core/identity.js";
import { isCoordination } from "../../src/core/permissions.js";
import { translator } from "../../src/core/i18n/catalogue.js";

const NOW = new Date("2027-02-01T09:00:00Z");
const providers = await appsOnEachDatabase("first coordinator", { now: NOW });
const fr = translator("fr");

describe.each(providers)("the first coordinator, on %s", (_name, makeApp) => {
  let app: TestApp;
  const logger = captureLogger();
  let printed = "";

  beforeAll(async () => {
    app = await makeApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const announce = (options: { renew?: boolean; configured?: string[] } = {}) => {
    printed = "";
    return announceClaimCode({ store: app.services.community.coordinatorClaim, now: app.services.clock(), configured: new Set(options.configured ?? []), write: (t) => (printed += t), logger, renew: options.renew });
  };
  const codeOf = async () => {
    const r = await announce();
    if (!r.issued) throw new Error(`no code: ${r.reason}`);
    return r.code;
  };
  const isCoord = async (as: As) => {
    const actor = await resolveActor({ platform: as.platform ?? "terminal", workspaceId: "W1", userId: as.user!, userName: as.user! }, app.services.repos, app.services.clock());
    return isCoordination(actor);
  };
  const storedClaim = async () => JSON.stringify(await app.services.community.settings.get("coordination.claim")) ?? "";

  it("prints a code only while nobody is or is named coordination, and stores only its hash", async () => {
    expect(await announce({ configured: ["slack:T1:U1"] })).toEqual({ issued: false, reason: "configured" });
    expect(printed).toBe("");
    const r = await announce();
    expect(r.issued).toBe(true);
    const code = (r as { code: string }).code;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(printed).toContain(`/cdce admin revendiquer ${code}`);
    const stored = await storedClaim();
    expect(stored).toContain("hash");
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(code.replace("-", ""));
    // The structured log says a code was printed, never the code.
    expect(JSON.stringify(logger.entries)).not.toContain(code);
    expect(logger.entries.some((e) => e.msg?.includes("claim code printed"))).toBe(true);
  });

  it("refuses a wrong code, counting the tries left, then gives the role to the right one once", async () => {
    const code = await codeOf();
    const wrong = textOf(await run(app, "admin revendiquer AAAAA-AAAAA", { user: "guesser", platform: "slack" }));
    expect(wrong).toBe(fr("claim.wrong", { left: 4 }));
    expect(await isCoord({ user: "guesser", platform: "slack" })).toBe(false);
    // Typed loosely: lower case, no dash.
    const done = textOf(await run(app, `admin revendiquer ${code.toLowerCase().replace("-", "")}`, { user: "marie", platform: "slack" }));
    expect(done).toBe(fr("claim.done"));
    expect(await isCoord({ user: "marie", platform: "slack" })).toBe(true);
    // Now a coordination command works for her...
    expect(textOf(await run(app, "admin envois", { user: "marie", platform: "slack" }))).not.toMatch(/réservée/);
    // ...the code is spent for anyone else, and no new code is printed at the next start.
    expect(textOf(await run(app, `admin revendiquer ${code}`, { user: "paul", platform: "discord" }))).toBe(fr("claim.closed"));
    expect(await isCoord({ user: "paul", platform: "discord" })).toBe(false);
    expect(await announce()).toEqual({ issued: false, reason: "coordinator_exists" });
    expect(printed).toBe("");
    expect(textOf(await run(app, `admin revendiquer ${code}`, { user: "marie", platform: "slack" }))).toBe(fr("claim.already"));
    expect(JSON.stringify(logger.entries)).not.toContain(code);
  });
});

describe.each(providers)("the claim under pressure, on %s", (_name, makeApp) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await makeApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const issue = async (renew = false) => {
    const r = await announceClaimCode({ store: app.services.community.coordinatorClaim, now: app.services.clock(), configured: new Set(), write: () => {}, logger: captureLogger(), renew });
    if (!r.issued) throw new Error(`no code: ${r.reason}`);
    return r.code;
  };
  const coordinators = async () => {
    let n = 0;
    for (const u of ["a", "b", "c", "d", "e", "f"]) {
      for (const platform of ["slack", "discord", "terminal"] as const) {
        const actor = await resolveActor({ platform, workspaceId: "W1", userId: u, userName: u }, app.services.repos, app.services.clock());
        if (isCoordination(actor)) n++;
      }
    }
    return n;
  };

  it("locks after five wrong codes, even the right one, until the lock ends", async () => {
    const code = await issue();
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) answers.push(textOf(await run(app, `admin revendiquer ZZZZZ-ZZZZ${i}`, { user: "x", platform: "discord" })));
    expect(answers.slice(0, 4)).toEqual([4, 3, 2, 1].map((left) => fr("claim.wrong", { left })));
    expect(answers[4]).toBe(fr("claim.locked", { minutes: 15 }));
    expect(textOf(await run(app, `admin revendiquer ${code}`, { user: "x", platform: "discord" }))).toBe(fr("claim.locked", { minutes: 15 }));
    app.setNow(new Date(NOW.getTime() + 16 * 60_000));
    // Still valid after the lock: the same code, now in German through its German words.
    const de = translator("de");
    expect(textOf(await run(app, `admin beanspruchen ${code}`, { user: "a", platform: "discord", locale: "de" }))).toBe(de("claim.done"));
    expect(await coordinators()).toBe(1);
  });
});

describe.each(providers)("two people racing, on %s", (_name, makeApp) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await makeApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const issue = async () => {
    const r = await announceClaimCode({ store: app.services.community.coordinatorClaim, now: app.services.clock(), configured: new Set(), write: () => {}, logger: captureLogger() });
    if (!r.issued) throw new Error(`no code: ${r.reason}`);
    return r.code;
  };

  it("gives the role to exactly one of six people typing valid codes at once", async () => {
    // Two replicas started: two codes, both valid until one is used.
    const [first, second] = [await issue(), await issue()];
    const people = ["a", "b", "c", "d", "e", "f"];
    const answers = await Promise.all(
      people.map((u, i) => run(app, `admin ${["revendiquer", "claim", "opeisen"][i % 3]} ${i % 2 ? first : second}`, { user: u, platform: i % 2 ? "slack" : "discord" })),
    );
    // Everyone writes in French (no platform locale): the words typed do not change the reply's language.
    const won = answers.map(textOf).filter((t) => t === fr("claim.done"));
    expect(won).toHaveLength(1);
    let holders = 0;
    for (const [i, u] of people.entries()) {
      const actor = await resolveActor({ platform: i % 2 ? "slack" : "discord", workspaceId: "W1", userId: u, userName: u }, app.services.repos, app.services.clock());
      if (isCoordination(actor)) holders++;
    }
    expect(holders).toBe(1);
  });

  it("says a code has expired after 24 hours", async () => {
    // A coordinator exists in this app now: a fresh database, for a claim still open.
    const other = await makeApp();
    try {
      const r = await announceClaimCode({ store: other.services.community.coordinatorClaim, now: other.services.clock(), configured: new Set(), write: () => {}, logger: captureLogger() });
      if (!r.issued) throw new Error("no code");
      other.setNow(new Date(NOW.getTime() + 25 * 3600_000));
      expect(textOf(await run(other, `admin revendiquer ${r.code}`, { user: "late", platform: "slack" }))).toBe(fr("claim.expired"));
    } finally {
      await other.close();
    }
  });
});
