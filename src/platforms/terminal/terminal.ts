/**
 * The terminal platform (a `ChatPlatform`): a prompt that takes `/cdce ...` lines, hands
 * them to the core like Slack and Discord do, and prints the replies as text (a
 * conversation.ts); `--once` runs one line and ends, followed by what that line queued.
 *
 * It has channels (the network's, coordination's, one per commune: channels.ts) and a direct
 * inbox per local user. What the bot sends on its own comes through the outbox like on Slack
 * and Discord (src/terminal-runtime.ts runs it), and is printed as it arrives under a header
 * saying where it landed (`» #réseau`, `» DM`); the outbox's record of it is what
 * `/cdce boite` lists. Another local user's direct messages are kept for them, not printed.
 */
import type { Inbound } from "../../core/inbound.js";
import { DeliveryError, type OutboundMessage, type SentMessage } from "../../core/outbound.js";
import type { OutboxEntry } from "../../core/notify.js";
import type { ChatPlatform } from "../../core/platform.js";
import type { Repositories } from "../../core/ports.js";
import { DEFAULT_LOCALE, type ChannelRef, type Clock, type Locale } from "../../core/types.js";
import { translator } from "../../core/i18n/catalogue.js";
import type { TerminalArgs } from "./args.js";
import { syncLocalActor, toIncoming, WORKSPACE } from "./local-actor.js";
import { Conversation, replyText } from "./conversation.js";
import { plain } from "./render.js";
import { directChannel, directOwner, linkDefaultChannels } from "./channels.js";
import { whereLanded } from "../../features/inbox/index.js";

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
  /** Line editing on the prompt (default: when input and output are a console). */
  tty?: boolean;
  /** After a `--once` line: what it queued (outbox rows created since), listed with where they go. */
  queuedBetween?(since: Date, until: Date, limit: number): Promise<OutboxEntry[]>;
}

/** A target with its direct inbox's owner as `userId` (the outbox keeps it; a DM channel alone says it too). */
function asLanded(target: ChannelRef & { userId?: string }): ChannelRef & { userId?: string } {
  const owner = target.userId ?? directOwner(target.channelId);
  return owner ? { ...target, userId: owner } : target;
}

/** The header printed above a message the bot sent on its own. */
export function landedHeader(target: ChannelRef & { userId?: string }): string {
  return `» ${whereLanded(target)}`;
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
  const conversation = new Conversation({ inbound, args, output: deps.output, exportDir: deps.exportDir, tty: deps.tty });
  let running = false;
  let finish: (err?: Error) => void = () => {};
  const ended = new Promise<void>((resolve, reject) => (finish = (err) => (err ? reject(err) : resolve())));
  // main.ts awaits it once every platform has started: a failure before then is not "unhandled".
  ended.catch(() => undefined);
  const sent = new Map<string, string>();
  const localPerson = async () => {
    const person = await deps.repos.identity.findByAccount("terminal", WORKSPACE, args.user);
    return { locale: person?.locale ?? DEFAULT_LOCALE, timeZone: person?.timeZone ?? "Europe/Brussels" };
  };

  /**
   * Like a server refusing a post: a message for another workspace, or for a channel the
   * terminal does not have (unlinked since it was queued), can never land (permanent); a
   * database that does not answer the check may answer later (transient).
   */
  async function checkTarget(target: ChannelRef & { userId?: string }): Promise<void> {
    if (target.workspaceId !== WORKSPACE) throw new DeliveryError("permanent", `terminal: no workspace "${target.workspaceId}" here`);
    if (target.userId) return;
    let link;
    try {
      link = await deps.repos.channels.find("terminal", target.workspaceId, target.channelId);
    } catch (err) {
      throw new DeliveryError("transient", "terminal: channel check failed", undefined, { cause: err });
    }
    if (!link) throw new DeliveryError("permanent", `terminal: unknown channel "${target.channelId}"`);
  }

  return {
    name: "terminal",
    platform: "terminal",
    ended,
    async start() {
      await syncLocalActor(args, deps.repos, deps.clock());
      await linkDefaultChannels(deps.repos);
      running = true;
      if (args.once !== undefined) {
        // One line, printed as `runOnce` returns it, then what it queued; then the platform has ended.
        const since = deps.clock();
        await conversation.show(await inbound.handle(toIncoming(args.once, args)));
        // Between the command's start and its end on this process's clock: rows another process
        // stamped later (a demo clock moved further there) are not this command's.
        const queued = deps.queuedBetween ? queuedText(await deps.queuedBetween(since, deps.clock(), QUEUED_SHOWN), await localPerson(), deps.clock()) : "";
        if (queued) conversation.print(queued);
        running = false;
        finish();
        return;
      }
      const welcome = translator((await localPerson()).locale)("terminal.welcome");
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
    // What the bot sends on its own, printed as it arrives under where it landed; another
    // local user's direct messages are theirs (`/cdce boite` as them), not printed here.
    async send(message: OutboundMessage): Promise<SentMessage> {
      const known = sent.get(message.idempotencyKey);
      if (known) return { externalId: known };
      const target = asLanded(message.target);
      await checkTarget(target);
      if (!target.userId || target.userId === args.user) {
        conversation.notify(`${landedHeader(target)}\n${await replyText(message.reply, args.user, deps.exportDir)}`);
      }
      const externalId = `terminal-${sent.size + 1}`;
      sent.set(message.idempotencyKey, externalId);
      return { externalId };
    },
    async findSent(_target: ChannelRef, key: string): Promise<SentMessage | null> {
      const externalId = sent.get(key);
      return externalId ? { externalId } : null;
    },
    async openDirect(workspaceId: string, userId: string): Promise<ChannelRef> {
      return { platform: "terminal", workspaceId, channelId: directChannel(userId) };
    },
    // Printed lines cannot be taken back.
    async remove(): Promise<void> {},
  };
}

/** The most rows listed after a `--once` line. */
const QUEUED_SHOWN = 20;

/** What a `--once` line queued, one line each: where it goes, when, and what (empty when nothing). */
export function queuedText(entries: readonly OutboxEntry[], who: { locale: Locale; timeZone: string }, now: Date): string {
  if (entries.length === 0) return "";
  const t = translator(who.locale);
  const format = new Intl.DateTimeFormat(who.locale, { dateStyle: "short", timeStyle: "short", timeZone: who.timeZone });
  const lines = entries.map((e) => {
    const where = e.target.platform === "terminal" ? landedHeader(e.target) : `${e.target.platform} ${whereLanded(e.target)}`;
    // Due at once (an announcement) or later (a reminder).
    const when = e.dueAt.getTime() <= now.getTime() ? "now" : format.format(e.dueAt);
    return `  ${t("terminal.queuedItem", { where, when, summary: plain(e.summary).replace(/\*\*/g, "") })}`;
  });
  return [t("terminal.queued", { count: entries.length }), ...lines].join("\n");
}
