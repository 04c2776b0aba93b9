/**
 * One conversation on the console: lines read from an input stream go to the core, replies
 * are printed to an output stream, a reply's buttons are run by typing their number, and a
 * form is asked field by field. The terminal platform (terminal.ts) holds one; without a
 * prompt (`--once`) it only prints.
 */
import { clearLine, cursorTo } from "node:readline";
import { createInterface, type Interface } from "node:readline/promises";
import type { Inbound } from "../../core/inbound.js";
import type { Form, Locale, Reply } from "../../core/types.js";
import { translator } from "../../core/i18n/catalogue.js";
import { renderForm, renderText } from "./render.js";
import { EXPORT_DIR, keepReplyFiles } from "./files.js";
import type { TerminalArgs } from "./args.js";
import { isCommandLine, toIncoming, toPlainMessage } from "./local-actor.js";
import { frontDoorCommand } from "../../core/inbound.js";
import { fillForm, type Ask } from "./form.js";

export interface ConversationDeps {
  inbound: Pick<Inbound, "handle">;
  args: TerminalArgs;
  output: NodeJS.WritableStream;
  /** Where reply files are written (default ./data/exports). */
  exportDir?: string;
  /**
   * Line editing by readline (echo, cursor, history), so that a message printed while someone
   * types leaves their line intact. Default: when input and output are a console (TTY).
   */
  tty?: boolean;
}

/** The text printed for a reply (or a notification): its rendering, then one line per file written. */
export async function replyText(reply: Reply, user: string, dir = EXPORT_DIR): Promise<string> {
  return [renderText(reply).text, ...(await keepReplyFiles(reply, user, dir))].join("\n");
}

export class Conversation {
  private ask: Ask | undefined;
  private close: (() => void) | undefined;
  // Button commands of the last reply, in the order printed (typing N runs one).
  private buttons: string[] = [];
  // What a form on the prompt left for the loop: a command typed instead, or the input closed.
  private leftFor: string | undefined;
  private closed = false;
  // Set while a question (`> ` or a form's) waits for its answer: what arrives then is printed
  // above it, and the question is asked again with what was typed so far.
  private waiting: Interface | undefined;

  constructor(private readonly d: ConversationDeps) {}

  print(text: string): void {
    this.d.output.write(`${text}\n`);
  }

  /**
   * Prints what arrived on its own (a reminder, an announcement) without breaking the line
   * being typed: on a console the prompt line is cleared, the message printed, then the prompt
   * and the typed text drawn again (readline keeps them); without a console, the message
   * goes on its own lines and the prompt is written again.
   */
  notify(text: string): void {
    const rl = this.waiting;
    if (!rl) return this.print(text);
    const out = this.d.output;
    if (rl.terminal) {
      clearLine(out, 0);
      cursorTo(out, 0);
      out.write(`${text}\n`);
      rl.prompt(true);
    } else {
      out.write(`\n${text}\n${rl.getPrompt()}`);
    }
  }

  /** Prints a reply (remembering its buttons), without opening its form. */
  async show(reply: Reply): Promise<void> {
    this.buttons = renderText(reply).buttons;
    this.print(await replyText(reply, this.d.args.user, this.d.exportDir));
  }

  /** A reply, then its form asked on the prompt (the form's summary is printed with the reply). */
  async deliver(reply: Reply): Promise<void> {
    await this.show(reply);
    if (reply.form && this.ask) await this.openForm(reply.form, reply.locale);
  }

  /** Asks the form field by field and submits it; without a prompt, prints it. */
  async openForm(form: Form, locale: Locale): Promise<boolean> {
    if (!this.ask) {
      this.print(renderForm(form).join("\n"));
      return true;
    }
    const t = translator(locale);
    this.print(t("form.terminalHint"));
    const outcome = await fillForm(form, this.ask);
    if ("closed" in outcome) this.closed = true;
    else if ("leaveFor" in outcome) {
      this.print(t("form.abandoned"));
      this.leftFor = outcome.leaveFor;
    } else {
      const structured = { name: form.submitCommand, options: outcome.options };
      // Shown, not delivered: a form given back (nothing filled in) is not asked again.
      await this.show(await this.d.inbound.handle({ ...toIncoming("", this.d.args), text: undefined, structured }));
    }
    return true;
  }

  /** Reads and runs lines until the input closes or the person quits. */
  async run(input: NodeJS.ReadableStream, welcome: string): Promise<void> {
    const tty = this.d.tty ?? (!!(input as { isTTY?: boolean }).isTTY && !!(this.d.output as { isTTY?: boolean }).isTTY);
    const rl = createInterface({ input, output: this.d.output, terminal: tty });
    this.close = () => rl.close();
    // One iterator for prompts and form answers: it ends cleanly when the input closes.
    const lines = rl[Symbol.asyncIterator]();
    this.ask = async (q) => {
      rl.setPrompt(q);
      rl.prompt();
      this.waiting = rl;
      try {
        const next = await lines.next();
        return next.done ? null : String(next.value);
      } finally {
        this.waiting = undefined;
      }
    };
    this.print(welcome);
    try {
      for (;;) {
        const raw = this.leftFor ?? (await this.ask("> "));
        this.leftFor = undefined;
        if (raw === null || this.closed) break;
        const line = raw.trim();
        if (!line) continue;
        if (/^(quit|exit|q)$/i.test(line)) break;
        const pressed = /^\d+$/.test(line) ? this.buttons[Number(line) - 1] : undefined;
        // A button's number or a `/cdce` line is a command; anything else is written to the
        // bot in plain language, and the front door answers it.
        const incoming = pressed !== undefined || isCommandLine(line) ? toIncoming(pressed ?? line, this.d.args) : frontDoorCommand(toPlainMessage(line, this.d.args));
        await this.deliver(await this.d.inbound.handle(incoming));
        if (this.closed) break;
      }
    } finally {
      rl.close();
      this.ask = undefined;
    }
  }

  /** Ends a running `run` (its pending read ends as a closed input). */
  stop(): void {
    this.close?.();
  }
}

/**
 * A whole session on `io`: the welcome line, then lines until the input closes or `quit`.
 * The local person must already match the flags (syncLocalActor).
 */
export function runInteractive(args: TerminalArgs, inbound: Pick<Inbound, "handle">, io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; welcome: string }): Promise<void> {
  return new Conversation({ inbound, args, output: io.output }).run(io.input, io.welcome);
}
