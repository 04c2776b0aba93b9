/**
 * The terminal platform (a `ChatPlatform`): a prompt that takes `/cdce ...` lines, hands
 * them to the core like Slack and Discord do, and prints the replies as text; `--once`
 * runs one line and ends. What the bot sends on its own (the outbox's `send`) is printed
 * too. Replies and notifications are rendered by the same function (render.ts).
 */
import { createInterface, type Interface } from "node:readline/promises";
import type { Inbound } from "../../core/inbound.js";
import type { OutboundMessage, SentMessage } from "../../core/outbound.js";
import type { ChatPlatform, DeliverOptions, FormOptions, ReplyTarget } from "../../core/platform.js";
import type { Repositories } from "../../core/ports.js";
import type { ChannelRef, Clock, Form, Reply } from "../../core/types.js";
import { translator } from "../../core/i18n/catalogue.js";
import { renderForm, renderText } from "./render.js";
import { EXPORT_DIR, keepReplyFiles } from "./files.js";
import type { TerminalArgs } from "./args.js";
import { CONSOLE, syncLocalActor, toIncoming, WORKSPACE } from "./local-actor.js";
import { fillForm, type Ask } from "./form.js";

export { syncLocalActor } from "./local-actor.js";

export interface TerminalDeps {
  inbound: Inbound;
  /** For the local person's identity (flags) and language (welcome line). */
  repos: Repositories;
  clock: Clock;
  args: TerminalArgs;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Where reply files are written (default ./data/exports). */
  exportDir?: string;
}

/** The text printed for a reply: its rendering, then one line per file written. */
async function replyText(reply: Reply, user: string, dir = EXPORT_DIR): Promise<string> {
  return [renderText(reply).text, ...(await keepReplyFiles(reply, user, dir))].join("\n");
}

/** Runs one line and returns the printed text (what `--once` prints; used by tests). */
export async function runOnce(line: string, args: TerminalArgs, inbound: Pick<Inbound, "handle">): Promise<string> {
  return replyText(await inbound.handle(toIncoming(line, args)), args.user);
}

export interface TerminalPlatform extends ChatPlatform<undefined> {
  readonly ended: Promise<void>;
}

export function createTerminalPlatform(deps: TerminalDeps): TerminalPlatform {
  const { inbound, args, output } = deps;
  const print = (s: string) => void output.write(`${s}\n`);
  const target: ReplyTarget<undefined> = { workspaceId: WORKSPACE, userId: args.user, channel: { ...CONSOLE }, via: undefined };
  let rl: Interface | undefined;
  let ask: Ask | undefined;
  let running = false;
  let finish: (outcome?: Error) => void = () => {};
  const ended = new Promise<void>((resolve, reject) => (finish = (err) => (err ? reject(err) : resolve())));
  // Button commands of the last reply, in the order printed (typing N runs one).
  let buttons: string[] = [];
  // What the form on the prompt left for the loop: a command typed instead, or the input closed.
  let leftFor: string | undefined;
  let closed = false;
  const sent = new Map<string, string>();

  /** Prints a reply (remembering its buttons), without opening its form. */
  async function show(reply: Reply): Promise<void> {
    buttons = renderText(reply).buttons;
    print(await replyText(reply, args.user, deps.exportDir));
  }

  async function openForm(form: Form, { locale }: FormOptions<undefined>): Promise<boolean> {
    if (!ask) {
      // No prompt (`--once`): the form is shown as text, with the fields to give as options.
      print(renderForm(form).join("\n"));
      return true;
    }
    const t = translator(locale);
    print(t("form.terminalHint"));
    const outcome = await fillForm(form, ask);
    if ("closed" in outcome) closed = true;
    else if ("leaveFor" in outcome) {
      print(t("form.abandoned"));
      leftFor = outcome.leaveFor;
    } else await show(await inbound.handle({ ...toIncoming("", args), text: undefined, structured: { name: form.submitCommand, options: outcome.options } }));
    return true;
  }

  async function deliver(reply: Reply, options: DeliverOptions<undefined>): Promise<void> {
    await show(reply);
    // On the prompt a form is asked field by field (its summary is printed with the reply).
    if (reply.form && ask) await openForm(reply.form, { target: options.target, locale: reply.locale });
  }

  async function session(): Promise<void> {
    for (;;) {
      const raw = leftFor ?? (await ask!("> "));
      leftFor = undefined;
      if (raw === null || closed) break;
      const line = raw.trim();
      if (!line) continue;
      if (/^(quit|exit|q)$/i.test(line)) break;
      const pressed = /^\d+$/.test(line) ? buttons[Number(line) - 1] : undefined;
      const reply = await inbound.handle(toIncoming(pressed ?? line, args));
      await deliver(reply, { target, ephemeral: false });
      if (closed) break;
    }
  }

  return {
    name: "terminal",
    platform: "terminal",
    ended,
    async start() {
      await syncLocalActor(args, deps.repos, deps.clock());
      running = true;
      if (args.once !== undefined) {
        // One line, printed exactly as `runOnce` returns it, then the platform has ended.
        const reply = await inbound.handle(toIncoming(args.once, args));
        print(await replyText(reply, args.user, deps.exportDir));
        running = false;
        finish();
        return;
      }
      const person = await deps.repos.identity.findByAccount("terminal", WORKSPACE, args.user);
      rl = createInterface({ input: deps.input, terminal: false });
      // One iterator for prompts and form answers: it ends cleanly when the input closes.
      const lines = rl[Symbol.asyncIterator]();
      ask = async (q) => {
        output.write(q);
        const next = await lines.next();
        return next.done ? null : String(next.value);
      };
      print(translator(person?.locale ?? "fr")("terminal.welcome"));
      void session().then(
        () => finish(),
        (err: unknown) => finish(err instanceof Error ? err : new Error(String(err))),
      );
      void ended.finally(() => {
        running = false;
        rl?.close();
      }).catch(() => undefined);
    },
    async stop() {
      rl?.close();
      if (running) await ended.catch(() => undefined);
    },
    isConnected: () => running,
    deliver,
    openForm,
    // What the bot sends on its own, printed as it comes (there is one local conversation).
    async send(message: OutboundMessage): Promise<SentMessage> {
      const known = sent.get(message.idempotencyKey);
      if (known) return { externalId: known };
      print(await replyText(message.reply, args.user, deps.exportDir));
      const externalId = `terminal-${sent.size + 1}`;
      sent.set(message.idempotencyKey, externalId);
      return { externalId };
    },
    async findSent(_target: ChannelRef, key: string): Promise<SentMessage | null> {
      const externalId = sent.get(key);
      return externalId ? { externalId } : null;
    },
    async openDirect(workspaceId: string): Promise<ChannelRef> {
      return { platform: "terminal", workspaceId, channelId: CONSOLE.channelId };
    },
    // Printed lines cannot be taken back.
    async remove(): Promise<void> {},
  };
}
