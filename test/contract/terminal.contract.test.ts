/**
 * The adapter contract for the terminal, through its real input and output: one
 * `runInteractive` session per language, fed lines on its input stream, read on its output
 * (see test/helpers/terminal-session.ts), for a local user with the `benevole` role (a plain
 * member). Buttons are pressed by typing their number; a form is answered field by field at
 * its prompts; files are the ones it writes under data/exports/<user>/ and names in its
 * output.
 */
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { TerminalArgs } from "../../src/platforms/terminal/args.js";
import { userExportDir } from "../../src/platforms/terminal/files.js";
import { createTerminalPlatform, syncLocalActor } from "../../src/platforms/terminal/terminal.js";
import { WORKSPACE } from "../../src/platforms/terminal/local-actor.js";
import type { ChannelRepository } from "../../src/core/ports.js";
import { PassThrough, Writable } from "node:stream";
import type { ChannelRef, Locale } from "../../src/core/types.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { TerminalSession, type Printed } from "../helpers/terminal-session.js";
import { adapterContract } from "./adapter-contract.js";
import type { NormalizedReply, OpenedForm, ReceivedFile, UserOpts } from "./driver.js";

/** `  [1] Plus de kits  → /cdce kit jeunes page:2` */
const BUTTON = /^\s*\[(\d+)\] (.+?) {2}→ \/cdce /;
/** `📎 data/exports/<user>/20261129-100000-name.json`: the stamp keeps files apart, the name follows. */
const FILE = /^📎 (.+)$/;
const STAMP = /^\d{8}-\d{6}-/;
/** A form as printed: `[Title]`, then `  name: Label *` per field (`*`: required). */
const FORM_TITLE = /^\[(.+)\]$/;
const FORM_FIELD = /^ {2}(\w+): (.+?)( \*)?$/;

interface Session {
  terminal: TerminalSession;
  user: string;
  /** The buttons of the last reply: label -> number to type. */
  buttons: Map<string, string>;
  /** The form last opened: its line (typed again to correct it), fields, and whether it waits for answers. */
  form?: { line: string; fields: OpenedForm["fields"]; open: boolean; prompt: string };
}

let app: TestApp | undefined;
const sessions = new Map<string, Session>();

async function sessionOf(opts: UserOpts = {}): Promise<Session> {
  const locale = (opts.locale ?? "fr") as Locale;
  let s = sessions.get(locale);
  if (s) return s;
  app ??= await createTestApp();
  const args: TerminalArgs = { role: "benevole", user: `contract-${locale}`, lang: locale, terminal: true };
  await syncLocalActor(args, app.services.repos, app.services.clock());
  const terminal = new TerminalSession(args, app.dispatcher);
  await terminal.ready();
  s = { terminal, user: args.user, buttons: new Map() };
  sessions.set(locale, s);
  return s;
}

/** Terminal text -> normalized reply: headers `== x ==`, context `(x)`, dividers `--`. */
function normalize(s: Session, printed: Printed): NormalizedReply {
  if (printed.prompt !== "> ") throw new Error(`terminal: expected the command prompt, got "${printed.prompt}"`);
  const texts: string[] = [];
  const files: ReceivedFile[] = [];
  s.buttons = new Map();
  for (const line of printed.text.split("\n")) {
    const b = BUTTON.exec(line);
    const f = FILE.exec(line);
    if (b) s.buttons.set(b[2]!, b[1]!);
    else if (f) files.push({ name: path.basename(f[1]!).replace(STAMP, ""), data: readFileSync(f[1]!), private: f[1]!.startsWith(userExportDir(s.user)) });
    else if (line.trim() === "--") continue;
    else texts.push(line.replace(/^== (.*) ==$/, "$1").replace(/^\s*\((.*)\)$/, "$1"));
  }
  return { texts, buttons: [...s.buttons.keys()], ephemeral: false, messages: 1, files };
}

/** Types the form's line and reads the form it prints, up to its first question. */
async function open(s: Session, line: string): Promise<OpenedForm> {
  const printed = await s.terminal.type(`/cdce ${line}`);
  const lines = printed.text.split("\n");
  const title = lines.map((l) => FORM_TITLE.exec(l)?.[1]).find(Boolean);
  if (!title) throw new Error(`terminal: ${line} opened no form: ${printed.text}`);
  const fields = lines.flatMap((l) => {
    const m = FORM_FIELD.exec(l);
    return m ? [{ name: m[1]!, label: m[2]! }] : [];
  });
  s.form = { line, fields, open: true, prompt: printed.prompt };
  return { title, fields };
}

adapterContract({
  name: "terminal",
  unsupported: {
    ephemeral: "a local terminal has one reader: no private or public replies",
    fieldErrors: "the errors are printed as lines after the form's last question, not by field",
    rateLimits: "a local terminal has no rate limits",
  },
  async run(line, opts) {
    const s = await sessionOf(opts);
    return normalize(s, await s.terminal.type(`/cdce ${line}`));
  },
  async converse(text, opts) {
    // A line that does not start with /cdce is written in plain language (a mention and a
    // direct message are the same thing in a terminal with one reader).
    const s = await sessionOf(opts);
    return normalize(s, await s.terminal.type(text));
  },
  async click(label, opts) {
    const s = await sessionOf(opts);
    const n = s.buttons.get(label);
    if (!n) throw new Error(`terminal: no button "${label}" on the last reply (${[...s.buttons.keys()].join(", ")})`);
    return normalize(s, await s.terminal.type(n));
  },
  async openForm(line, opts) {
    return open(await sessionOf(opts), line);
  },
  async submitForm(values, opts) {
    const s = await sessionOf(opts);
    if (!s.form) throw new Error("terminal: no form opened");
    // A rejected form is closed: the user types the command again and answers anew.
    if (!s.form.open) await open(s, s.form.line);
    const form = s.form;
    let printed: Printed | undefined;
    for (const field of form.fields) {
      const prompt = printed?.prompt ?? form.prompt;
      if (!prompt.startsWith(field.label)) throw new Error(`terminal: asked "${prompt}" for field ${field.name}`);
      // One line per answer: several lines (choices "one per line") are typed separated by ";".
      printed = await s.terminal.type((values[field.name] ?? "").replace(/\n/g, "; "));
    }
    form.open = false;
    return { reply: normalize(s, printed!) };
  },
  async app() {
    app ??= await createTestApp();
    return app;
  },
  async sender() {
    // The terminal platform itself, printing what the bot sends on its own to a stream read
    // here. Its channels are channel links (as `config canal` or its start makes them); its
    // "server" is the database it checks them in, which the knob below makes fail once.
    app ??= await createTestApp();
    const printed: string[] = [];
    const output = new Writable({ write: (chunk: Buffer, _enc, done) => (printed.push(chunk.toString("utf8")), done()) });
    const args: TerminalArgs = { role: "benevole", user: "contract-sender", lang: "fr", terminal: true };
    const failing = new Set<string>();
    const real = app.services.repos;
    const channels: ChannelRepository = {
      ...real.channels,
      link: (l) => real.channels.link(l),
      unlink: (...a) => real.channels.unlink(...a),
      byPurpose: (...a) => real.channels.byPurpose(...a),
      async find(platform, workspaceId, channelId) {
        if (failing.delete(channelId)) throw new Error("database unavailable (injected)");
        return real.channels.find(platform, workspaceId, channelId);
      },
    };
    const platform = createTerminalPlatform({ inbound: app.inbound, repos: { ...real, channels }, clock: app.services.clock, args, input: new PassThrough(), output });
    // Channels the bot may post in, linked beforehand (a new one for each case).
    const pool: ChannelRef[] = [];
    for (let i = 0; i < 12; i++) {
      const ref = { platform: "terminal" as const, workspaceId: WORKSPACE, channelId: `contract-${Date.now()}-${i}` };
      await real.channels.link({ ...ref, purpose: "network", communeId: null });
      pool.push(ref);
    }
    // What was printed, as (header, lines) blocks: `» #contract-…` or `» DM`, then the message.
    const blocks = () => {
      const out: Array<{ where: string; lines: string[] }> = [];
      for (const line of printed.join("").split("\n").map((l) => l.trim()).filter(Boolean)) {
        const head = /^» (.+)$/.exec(line);
        if (head) out.push({ where: head[1]!, lines: [] });
        else out.at(-1)?.lines.push(line);
      }
      return out;
    };
    return {
      sender: platform,
      channel: () => {
        const next = pool.shift();
        if (!next) throw new Error("terminal: channel pool exhausted");
        return next;
      },
      unknownChannel: () => ({ platform: "terminal", workspaceId: WORKSPACE, channelId: `never-linked-${Date.now()}` }),
      // Another workspace's channel: not this terminal's, it can never post there.
      forbiddenChannel: () => ({ platform: "terminal", workspaceId: "elsewhere", channelId: "réseau" }),
      member: { workspaceId: WORKSPACE, userId: args.user },
      failNextPost: (target, failure) => {
        if (failure.kind !== "server_error") throw new Error("terminal: no rate limits to inject");
        failing.add(target.channelId);
      },
      posted: (target) => {
        const where = target.channelId.startsWith("@") ? "DM" : `#${target.channelId}`;
        return blocks().filter((b) => b.where === where).map((b) => b.lines.join("\n"));
      },
    };
  },
  async close() {
    for (const s of sessions.values()) {
      await s.terminal.close();
      await rm(userExportDir(s.user), { recursive: true, force: true });
    }
    await app?.close();
  },
});
