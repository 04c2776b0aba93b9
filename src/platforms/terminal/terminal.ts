/**
 * The terminal platform (a `ChatPlatform`): a prompt that takes `/cdce ...` lines, hands
 * them to the core like Slack and Discord do, and prints the replies as text (a
 * conversation.ts); `--once` runs one line and ends. What the bot sends on its own (the
 * outbox's `send`) is printed too, rendered as replies are.
 */
import type { Inbound } from "../../core/inbound.js";
import type { OutboundMessage, SentMessage } from "../../core/outbound.js";
import type { ChatPlatform } from "../../core/platform.js";
import type { Repositories } from "../../core/ports.js";
import type { ChannelRef, Clock } from "../../core/types.js";
import { translator } from "../../core/i18n/catalogue.js";
import type { TerminalArgs } from "./args.js";
import { CONSOLE, syncLocalActor, toIncoming, WORKSPACE } from "./local-actor.js";
import { Conversation, replyText } from "./conversation.js";

export { syncLocalActor } from "./local-actor.js";
export { runInteractive } from "./conversation.js";

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

/** Runs one line and returns the printed text (what `--once` prints; used by tests). */
export async function runOnce(line: string, args: TerminalArgs, inbound: Pick<Inbound, "handle">): Promise<string> {
  return replyText(await inbound.handle(toIncoming(line, args)), args.user);
}

export interface TerminalPlatform extends ChatPlatform<undefined> {
  readonly ended: Promise<void>;
}

export function createTerminalPlatform(deps: TerminalDeps): TerminalPlatform {
  const { inbound, args } = deps;
  const conversation = new Conversation({ inbound, args, output: deps.output, exportDir: deps.exportDir });
  let running = false;
  let finish: (err?: Error) => void = () => {};
  const ended = new Promise<void>((resolve, reject) => (finish = (err) => (err ? reject(err) : resolve())));
  // main.ts awaits it once every platform has started: a failure before then is not "unhandled".
  ended.catch(() => undefined);
  const sent = new Map<string, string>();

  return {
    name: "terminal",
    platform: "terminal",
    ended,
    async start() {
      await syncLocalActor(args, deps.repos, deps.clock());
      running = true;
      if (args.once !== undefined) {
        // One line, printed as `runOnce` returns it; then the platform has ended.
        await conversation.show(await inbound.handle(toIncoming(args.once, args)));
        running = false;
        finish();
        return;
      }
      const person = await deps.repos.identity.findByAccount("terminal", WORKSPACE, args.user);
      const welcome = translator(person?.locale ?? "fr")("terminal.welcome");
      void conversation.run(deps.input, welcome).then(
        () => ((running = false), finish()),
        (err: unknown) => ((running = false), finish(err instanceof Error ? err : new Error(String(err)))),
      );
    },
    async stop() {
      conversation.stop();
      if (running) await ended.catch(() => undefined);
    },
    isConnected: () => running,
    deliver: (reply) => conversation.deliver(reply),
    openForm: (form, { locale }) => conversation.openForm(form, locale),
    // What the bot sends on its own, printed as it comes (there is one local conversation).
    async send(message: OutboundMessage): Promise<SentMessage> {
      const known = sent.get(message.idempotencyKey);
      if (known) return { externalId: known };
      conversation.print(await replyText(message.reply, args.user, deps.exportDir));
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
