/**
 * A terminal session driven through its real input and output: `runInteractive` reads
 * lines from one stream and writes to another, as on a console. `type()` sends a line and
 * returns what was printed in answer, once the terminal waits for input again (a prompt,
 * `> ` or a form's question, is the only output that does not end with a line break).
 */
import { PassThrough } from "node:stream";
import type { Dispatcher } from "../../src/core/dispatcher.js";
import type { TerminalArgs } from "../../src/platforms/terminal/args.js";
import { runInteractive } from "../../src/platforms/terminal/terminal.js";

const WAIT_MS = 15_000;

export interface Printed {
  /** Lines printed in answer, without the prompt that ends them. */
  text: string;
  /** The prompt the terminal now waits on (`> `, or a form field's question). */
  prompt: string;
}

export class TerminalSession {
  private output = "";
  private readonly input = new PassThrough();
  private readonly out = new PassThrough();
  private readonly ended: Promise<void>;
  private waiter?: () => void;

  constructor(args: TerminalArgs, dispatcher: Dispatcher) {
    this.out.setEncoding("utf8");
    this.out.on("data", (chunk: string) => {
      this.output += chunk;
      this.waiter?.();
    });
    this.ended = runInteractive(args, dispatcher, { input: this.input, output: this.out, welcome: "contract session" });
  }

  /** Waits for the first prompt. */
  async ready(): Promise<void> {
    await this.until(0);
  }

  /** Types `line` and Enter; resolves with what the terminal printed in answer. */
  async type(line: string): Promise<Printed> {
    const from = this.output.length;
    this.input.write(`${line}\n`);
    const all = await this.until(from);
    const cut = all.lastIndexOf("\n") + 1;
    return { text: all.slice(0, cut).replace(/\n$/, ""), prompt: all.slice(cut) };
  }

  /** Output from `from` on, once it ends with a prompt. */
  private until(from: number): Promise<string> {
    const done = () => this.output.length > from && !this.output.endsWith("\n");
    if (done()) return Promise.resolve(this.output.slice(from));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`terminal: no prompt within ${WAIT_MS} ms; printed: ${this.output.slice(from)}`));
      }, WAIT_MS);
      this.waiter = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(this.output.slice(from));
      };
    });
  }

  /** Closes the input (end of session) and waits for the terminal to stop. */
  async close(): Promise<void> {
    this.input.end();
    await this.ended;
  }
}
