/**
 * The terminal mode as a newcomer uses it: the real entry point in a child process, on a
 * fresh SQLite file, with demo data loaded at start.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runNode } from "../helpers/child.js";

const dir = mkdtempSync(join(tmpdir(), "cdce-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(args: string[], input?: string, env: Record<string, string> = {}, entry: string[] = ["--import", "tsx", "src/main.ts"]) {
  return runNode([...entry, ...args], { DATABASE_URL: `file:${join(dir, "cli.db")}`, ...env }, input);
}

// Each case starts a real process (tsx compile, migrations, seed): allow for a loaded machine.
describe("npm start in the terminal", { timeout: 120_000 }, () => {
  it("--once prints youth kits in French", async () => {
    const r = await start(["--once", "/cdce kit jeunes"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/== \d+ kits? trouvés? \(page 1\/\d+\) ==/);
    expect(r.stdout).toContain("Public : ");
    expect(r.stdout).toMatch(/jeunes/);
  });

  it("as npm start runs it: built to dist/, then plain node with the script's flags", async () => {
    execFileSync(process.execPath, ["src/build.mjs"]);
    const script = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
    const command = script.split("&&").at(-1)!.trim().split(/\s+/);
    expect(command[0]).toBe("node");
    const r = await start(["--once", "/cdce kit jeunes", "--lang", "de"], undefined, {}, command.slice(1));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Kits? gefunden/);
  });

  it("--lang de answers in German", async () => {
    const r = await start(["--once", "/cdce kit jeunes", "--lang", "de"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Kits? gefunden/);
    expect(r.stdout).toContain("Zielgruppe : ");
  });

  it("--role benevole is politely refused kit ajouter", async () => {
    const r = await start(["--once", '/cdce kit ajouter titre:"T" resume:"R" public:jeunes', "--role", "benevole", "--commune", "Namur", "--user", "vol"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("réservée");
  });

  it("runs an interactive session: a command, a button by its number, then quit", async () => {
    const r = await start(["--user", "inter"], "/cdce kit communication\n1\nquit\n");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Bot CDCE, mode terminal");
    expect(r.stdout).toContain("(page 1/");
    expect(r.stdout).toContain("(page 2/");
  });

  it("is a live platform: what the bot sends on its own is printed under where it landed, with nothing on stderr", async () => {
    // stdin stays open until the announcement has arrived: the outbox and the scheduler run in
    // the process itself (no token), as on a server.
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "--user", "live-cli"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: `file:${join(dir, "cli.db")}` },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
    const until = async (text: string) => {
      for (let waited = 0; !stdout.includes(text); waited += 50) {
        if (waited > 60_000) throw new Error(`no "${text}" within 60 s; stdout:\n${stdout}\nstderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await until("> ");
      // The child runs on the real clock: a date a month ahead of it.
      const day = new Date(Date.now() + 30 * 86_400_000);
      const debut = `${String(day.getUTCDate()).padStart(2, "0")}/${String(day.getUTCMonth() + 1).padStart(2, "0")}/${day.getUTCFullYear()} 14h`;
      child.stdin.write(`/cdce webinaire planifier titre:"Webinaire en direct" theme:gouvernance debut:"${debut}"\n`);
      await until("» #réseau");
      child.stdin.end("/cdce boite reseau\nquit\n");
      expect(await closed).toBe(0);
    } finally {
      child.kill();
    }
    expect(stderr).toBe("");
    const announced = stdout.slice(stdout.indexOf("» #réseau"));
    expect(announced.split("\n").slice(0, 8).join("\n")).toContain("Webinaire en direct");
    expect(stdout).toContain("Arrivé dans le terminal : #réseau");
  });

  it("leaves a form when a command is typed in it, and runs that command", async () => {
    const r = await start(["--user", "former"], "/cdce kit ajouter\nAffiches du marché\n/cdce kit jeunes\nquit\n");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Une ligne qui commence par /cdce quitte le formulaire");
    expect(r.stdout).toContain("Formulaire abandonné, rien n’est enregistré.");
    expect(r.stdout).toMatch(/== \d+ kits? trouvés? \(page 1\/\d+\) ==/);
    // Nothing was submitted: no error about the fields left empty.
    expect(r.stdout).not.toContain("n’est pas une valeur");
  });

  it("tells a user what is missing without printing a warning in the terminal", async () => {
    const r = await start(["--once", "/cdce fom", "--user", "quiet", "--lang", "fr"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Pour quelle commune");
    expect(r.stderr).toBe("");
    // An idea for a commune with no channel linked (the demo data links none): nobody to tell, nothing to warn about.
    const idea = await start(["--once", "/cdce idee Un marché équitable", "--user", "quiet", "--role", "copil", "--commune", "Namur"]);
    expect(idea.stdout).toContain("boîte à idées de Namur");
    expect(idea.stderr).toBe("");
  });

  it("stops with a clear message naming a malformed variable", async () => {
    const r = await start(["--once", "/cdce aide"], undefined, { HTTP_PORT: "not-a-port" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("HTTP_PORT");
  });
});
