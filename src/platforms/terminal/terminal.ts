/**
 * Terminal mode: a prompt that takes `/cdce ...` lines, runs them through the same
 * dispatcher as Slack and Discord, and prints the replies as text. The local user's
 * identity (role, commune, language) comes from the flags and is synced at start.
 */
import { createInterface } from "node:readline/promises";
import type { Dispatcher } from "../../core/dispatcher.js";
import type { Repositories } from "../../core/ports.js";
import type { IncomingCommand, Reply } from "../../core/types.js";
import { ensureMembership, resolveActor } from "../../core/identity.js";
import { translator } from "../../core/i18n/catalogue.js";
import { renderText } from "./render.js";
import { keepReplyFiles } from "./files.js";
import type { TerminalArgs } from "./args.js";

const WORKSPACE = "local";

/** Makes the local person match the flags: the given role (in the commune), nothing else. */
export async function syncLocalActor(args: TerminalArgs, repos: Repositories, now: Date): Promise<void> {
  const base: IncomingCommand = { platform: "terminal", workspaceId: WORKSPACE, userId: args.user, userName: args.user };
  const actor = await resolveActor(base, repos, now);
  let communeId: string | null = null;
  if (args.commune) {
    const commune = await repos.communes.findByName(args.commune);
    if (!commune) throw new Error(`--commune: unknown commune "${args.commune}"`);
    communeId = commune.id;
  }
  const scoped = args.role === "coordination" ? null : communeId;
  for (const m of await repos.memberships.activeFor(actor.personId, now)) {
    if (m.role !== args.role || m.communeId !== scoped) await repos.memberships.end(m.id, now);
  }
  await ensureMembership(repos, actor.personId, args.role, scoped, now);
  if (args.lang) await repos.identity.updatePerson(actor.personId, { locale: args.lang, localeChosen: true });
}

function toIncoming(line: string, args: TerminalArgs): IncomingCommand {
  return {
    platform: "terminal",
    workspaceId: WORKSPACE,
    userId: args.user,
    userName: args.user,
    channel: { platform: "terminal", workspaceId: WORKSPACE, channelId: "console" },
    text: line.replace(/^\s*\/cdce\b/i, "").trim(),
  };
}

/** Runs one line and returns the printed text (used by `--once` and tests). */
export async function runOnce(line: string, args: TerminalArgs, dispatcher: Dispatcher): Promise<string> {
  const reply = await dispatcher.handle(toIncoming(line, args));
  return [renderText(reply).text, ...(await keepReplyFiles(reply, args.user))].join("\n");
}

/** How a form on the prompt ended: submitted (the reply), or left for a command typed instead, or input closed. */
type FormOutcome = { reply: Reply } | { leaveFor: string } | { closed: true };

/**
 * Asks each field of a form on the prompt, then submits it like a modal would. A line that
 * starts with `/cdce` is a command, not an answer (someone who forgot the form was open):
 * the form is left and that command is run instead.
 */
async function fillForm(reply: Reply, ask: (q: string) => Promise<string | null>, args: TerminalArgs, dispatcher: Dispatcher): Promise<FormOutcome> {
  const form = reply.form!;
  const options: Record<string, unknown> = {};
  for (const f of form.fields) {
    const raw = await ask(`${f.label}${f.required ? " *" : ""} : `);
    if (raw === null) return { closed: true };
    const answer = raw.trim();
    if (/^\/cdce\b/i.test(answer)) return { leaveFor: answer };
    if (answer) options[f.name] = answer;
  }
  return { reply: await dispatcher.handle({ ...toIncoming("", args), text: undefined, structured: { name: form.submitCommand, options } }) };
}

export async function runInteractive(
  args: TerminalArgs,
  dispatcher: Dispatcher,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; welcome: string },
): Promise<void> {
  const rl = createInterface({ input: io.input, terminal: false });
  // One iterator for prompts and form answers: it ends cleanly when the input closes.
  const lines = rl[Symbol.asyncIterator]();
  const print = (s: string) => io.output.write(`${s}\n`);
  const ask = async (q: string) => {
    io.output.write(q);
    const next = await lines.next();
    return next.done ? null : String(next.value);
  };
  print(io.welcome);
  let buttons: string[] = [];
  const show = async (r: Reply) => {
    const out = renderText(r);
    buttons = out.buttons;
    print(out.text);
    for (const line of await keepReplyFiles(r, args.user)) print(line);
  };
  // A command typed in the middle of a form, run next.
  let typedInForm: string | undefined;
  try {
    for (;;) {
      const raw = typedInForm ?? (await ask("> "));
      typedInForm = undefined;
      if (raw === null) break;
      const line = raw.trim();
      if (!line) continue;
      if (/^(quit|exit|q)$/i.test(line)) break;
      const pressed = /^\d+$/.test(line) ? buttons[Number(line) - 1] : undefined;
      const reply = await dispatcher.handle(toIncoming(pressed ?? line, args));
      await show(reply);
      if (!reply.form) continue;
      const t = translator(reply.locale);
      print(t("form.terminalHint"));
      const outcome = await fillForm(reply, ask, args, dispatcher);
      if ("closed" in outcome) break;
      if ("reply" in outcome) await show(outcome.reply);
      else {
        print(t("form.abandoned"));
        typedInForm = outcome.leaveFor;
      }
    }
  } finally {
    rl.close();
  }
}
