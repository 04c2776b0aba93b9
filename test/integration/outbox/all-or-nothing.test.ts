/**
 * A change and what it promises to send are one write: when queueing the message fails
 * (here the outbox refuses every insert, through a trigger another connection adds), the
 * change is not kept either, and trying again later does both. The kill loop
 * (kill-loop.test.ts) checks the same with real crashes; this one checks each step at once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../../src/data/database.js";
import { closeDuePolls } from "../../../src/features/polls/service.js";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { linkChannels, refIn, rows } from "../../helpers/community.js";
import { run, textOf, type As } from "../../helpers/run.js";

const ANNE: As = { user: "anne", role: "copil", commune: "Namur", platform: "slack" };

let app: TestApp;
let side: Database;

beforeAll(async () => {
  app = await createTestApp();
  await linkChannels(app);
  side = await openDatabase({ url: app.databaseUrl });
});

afterAll(async () => {
  await side?.close();
  await app?.close();
});

/** Every insert into the outbox fails while `work` runs, as a crash right there would stop it. */
async function withOutboxRefusing<T>(work: () => Promise<T>): Promise<T> {
  await side.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_outbox BEFORE INSERT ON "OutboxMessage" BEGIN SELECT RAISE(ABORT, 'outbox refused'); END`);
  try {
    return await work();
  } finally {
    await side.prisma.$executeRawUnsafe("DROP TRIGGER refuse_outbox");
  }
}

describe("a change and its messages: all or nothing", () => {
  it("an initiative whose network post cannot be queued is not saved (nor counted as activity); sent again, it is saved and posted", async () => {
    const line = 'initiative titre:"Atomique" description:"Une action tout ou rien" commune:Namur date:hier type:stand';
    const refused = await withOutboxRefusing(() => run(app, line, ANNE));
    expect(textOf(refused)).not.toContain("Atomique");
    expect(await app.services.community.initiatives.list({})).toEqual([]);
    const namur = await app.services.repos.communes.findByName("Namur");
    expect((await app.services.repos.activity.recent(namur!.id, 50)).filter((a) => a.kind === "initiative")).toEqual([]);

    const saved = await run(app, line, ANNE);
    const [initiative] = await app.services.community.initiatives.findByPrefix(refIn(textOf(saved)));
    expect(initiative?.status).toBe("published");
    expect((await rows(app, `initiative:${initiative!.id}:post:`)).length).toBeGreaterThan(0);
  });

  it("a poll whose results notice cannot be queued stays open; the next run closes it and tells the author", async () => {
    const created = await run(app, 'sondage "Tout ou rien ?" "Oui" "Non" fin:2h', ANNE);
    const [poll] = await app.services.community.polls.findByPrefix(refIn(textOf(created)));
    app.setNow(new Date(app.services.clock().getTime() + 3 * 3_600_000));
    await expect(withOutboxRefusing(() => closeDuePolls(app.services, app.services.clock()))).rejects.toThrow();
    expect((await app.services.community.polls.get(poll!.id))?.closedAt).toBeNull();

    expect(await closeDuePolls(app.services, app.services.clock())).toBe(1);
    expect((await rows(app, `poll:${poll!.id}:closed`)).map((r) => r.target.userId)).toEqual(["anne"]);
  });
});
