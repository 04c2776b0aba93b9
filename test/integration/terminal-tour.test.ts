/**
 * The README's tour, end to end, as a newcomer types it: the real entry point in child
 * processes (stdin and stdout piped, no platform token) on one fresh SQLite file with the demo
 * network, all started on the demo clock at the same instant.
 *
 * A CoPil member finds a kit and reads the commune's dashboard; coordination plans a webinar
 * and sees it announced in #réseau; a volunteer registers; coordination moves the clock a
 * month: the Fair-O-Mètre warnings land in the communes' channels and the momentum alerts in
 * #coordination, as they arrive; the volunteer's reminder has reached their direct inbox.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "cdce-tour-"));
const NOW = "2027-09-20T08:55";
const running = new Set<ChildProcessWithoutNullStreams>();
afterAll(() => {
  for (const p of running) p.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** One terminal: what it printed so far, lines typed into it, and waits on its output. */
class Terminal {
  readonly proc: ChildProcessWithoutNullStreams;
  out = "";
  err = "";
  readonly exited: Promise<number | null>;

  constructor(flags: string[]) {
    this.proc = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "--now", NOW, ...flags], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: `file:${join(dir, "tour.db")}` },
    });
    running.add(this.proc);
    this.proc.stdout.setEncoding("utf8").on("data", (c: string) => (this.out += c));
    this.proc.stderr.setEncoding("utf8").on("data", (c: string) => (this.err += c));
    this.exited = new Promise((resolve) => this.proc.once("exit", (code) => (running.delete(this.proc), resolve(code))));
  }

  /** Resolves with the output from `from` once `pattern` appears in it (a loaded machine: generous). */
  async waitFor(pattern: RegExp, from = 0, timeoutMs = 90_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = this.out.slice(from);
      if (pattern.test(seen)) return seen;
      if (this.proc.exitCode !== null) throw new Error(`terminal exited before ${pattern}; printed:\n${seen}\nstderr:\n${this.err}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms; printed:\n${seen}\nstderr:\n${this.err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Types a line; resolves with the output position before it (for waitFor). */
  type(line: string): number {
    const from = this.out.length;
    this.proc.stdin.write(`${line}\n`);
    return from;
  }

  async quit(): Promise<void> {
    this.proc.stdin.write("quit\n");
    expect(await this.exited).toBe(0);
    expect(this.err).toBe("");
  }
}

/** One line, printed, then what it queued; the process exits. */
async function once(flags: string[], line: string): Promise<string> {
  const t = new Terminal([...flags, "--once", line]);
  expect(await t.exited).toBe(0);
  expect(t.err).toBe("");
  return t.out;
}

describe("the tour of the README, in the terminal", { timeout: 600_000 }, () => {
  let code = "";

  it("a CoPil member finds a kit and reads the commune's dashboard", async () => {
    const t = new Terminal(["--role", "copil", "--commune", "Namur", "--user", "claire"]);
    await t.waitFor(/données de démonstration/);
    await t.waitFor(/kits? trouvés?/, t.type("/cdce kit jeunes"));
    const board = await t.waitFor(/Dernières actions/, t.type("/cdce tableau"));
    expect(board).toContain("Tableau de bord de Namur");
    expect(board).toMatch(/Fair-O-Mètre : .*20\d\d/);
    await t.quit();
  });

  it("coordination plans a webinar and sees it announced in #réseau", async () => {
    const t = new Terminal(["--user", "coord"]);
    await t.waitFor(/données de démonstration/);
    const from = t.type('/cdce webinaire planifier titre:"Achats publics durables" theme:gouvernance debut:"24/09/2027 14h" capacite:30');
    const planned = await t.waitFor(/code `[a-z0-9]{5}`/, from);
    code = /code `([a-z0-9]{5})`/.exec(planned)![1]!;
    // Printed as it arrives, under where it landed, after the reply.
    const announced = await t.waitFor(/» #réseau\n[^]*Achats publics durables/, from);
    expect(announced).toContain(`/cdce webinaire rejoindre ${code}`);
    await t.quit();
  });

  it("a volunteer registers: the reply and the reminders queued for their direct inbox", async () => {
    const out = await once(["--role", "benevole", "--commune", "Namur", "--user", "vol"], `/cdce webinaire rejoindre ${code}`);
    expect(out).toContain("Achats publics durables");
    expect(out).toMatch(/» DM · le \d\d\/09\/2027 \d\d:\d\d — .*Achats publics durables/);
  });

  it("a month later: Fair-O-Mètre warnings in the communes' channels, alerts in #coordination, the reminder in the volunteer's inbox", async () => {
    const t = new Terminal(["--user", "coord"]);
    await t.waitFor(/données de démonstration/);
    const from = t.type("/cdce demo avancer 30j");
    const month = await t.waitFor(/Horloge avancée au mercredi 20 octobre 2027/, from, 300_000);
    // A commune's channel (not #réseau nor #coordination) with its Fair-O-Mètre countdown.
    expect(month).toMatch(/» #(?!réseau|coordination)[a-z-]+\n== 📋 Fair-O-Mètre : plus que \d+ jours/);
    // An essoufflement alert: a commune going orange or red, in #coordination, with its reasons.
    expect(month).toMatch(/» #coordination\n== [🟠🔴] .+ passe en (orange|rouge) : \d+\/100/u);
    // Everything printed arrived before the reply that says the clock moved.
    expect(month.indexOf("» #coordination")).toBeLessThan(month.indexOf("Horloge avancée"));
    await t.quit();

    const inbox = await once(["--role", "benevole", "--commune", "Namur", "--user", "vol"], "/cdce boite dm");
    expect(inbox).toMatch(/Rappel/);
    expect(inbox).toContain("Achats publics durables");
  });
});
