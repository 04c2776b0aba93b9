/**
 * The core's side of the platform port: what a `ChatPlatform` is given at construction to
 * hand over what its users do (commands, clicks, form submissions, typing in an option).
 * Replies leave it complete: a form carries what a platform needs to show it (each field's
 * longest answer, the line to type instead), so no platform looks a command up itself.
 */
import type { Services } from "./commands.js";
import type { Dispatcher } from "./dispatcher.js";
import type { PlatformUsers } from "./platform-users.js";
import type { PlatformCalendars } from "./calendar.js";
import { createSuggestions, type SuggestHooks, type Suggestion, type SuggestSource } from "./suggest.js";
import type { ChannelRef, Form, IncomingCommand, Locale, Platform, Reply } from "./types.js";

/**
 * The command behind the plain-language front door (src/features/door): a message written to
 * the bot goes through the same chain as a command (who, language, rights, logs), as this
 * hidden sub-command with the text as its one option.
 */
export const FRONT_DOOR_COMMAND = "porte";
/** Longest message the front door reads; the rest of a pasted essay is not needed to place it. */
export const FRONT_DOOR_MAX = 1000;

/** A message written to the bot in plain language: a direct message, or a mention in a channel. */
export interface PlainMessage {
  platform: Platform;
  workspaceId: string;
  userId: string;
  userName?: string;
  platformLocale?: string;
  platformTimeZone?: string;
  /** Where it was written (the DM or the channel of the mention). */
  channel?: ChannelRef;
  /** The text, the bot's own mention removed. */
  text: string;
}

/** The front door's command for a message, as any platform hands it to the dispatcher. */
export function frontDoorCommand(m: PlainMessage): IncomingCommand {
  const { text, ...who } = m;
  return { ...who, structured: { name: FRONT_DOOR_COMMAND, options: { message: [...text].slice(0, FRONT_DOOR_MAX).join("") } } };
}

export interface Inbound {
  /** Runs a command, a click (its `/cdce` line) or a submitted form; never throws for the user's mistakes. */
  handle(incoming: IncomingCommand): Promise<Reply>;
  /** Answers a message written in plain language (a DM, a mention): the closest commands, kits. */
  converse(message: PlainMessage): Promise<Reply>;
  /** Whether a command handed in now would wait for its turn (a platform may acknowledge first). */
  busy(): boolean;
  /** Suggestions while someone types (src/core/suggest.ts). */
  suggest(source: SuggestSource, query: string, locale: Locale): Promise<Suggestion[]>;
  /** Loads what suggestions read from memory; a platform calls it once connected. */
  warm(): Promise<void>;
  /** Where a platform says who its users are (for `/cdce role`). */
  readonly users: PlatformUsers;
  /** Where a platform with a calendar (Discord) says how many people are interested in an event. */
  readonly calendars?: PlatformCalendars;
}

export interface InboundOptions {
  dispatcher: Dispatcher;
  services: Services;
  suggestHooks?: SuggestHooks;
}

export function createInbound({ dispatcher, services, suggestHooks }: InboundOptions): Inbound {
  const suggestions = createSuggestions(services, dispatcher.registry, suggestHooks);
  const complete = (form: Form, locale: Locale): Form => {
    const def = dispatcher.registry.get(form.submitCommand);
    if (!def) return form;
    return {
      ...form,
      usage: form.usage ?? def.usage[locale] ?? def.usage.fr,
      fields: form.fields.map((f) => {
        const max = f.max ?? def.options[f.name]?.meta.max;
        return max === undefined ? f : { ...f, max };
      }),
    };
  };
  return {
    async handle(incoming) {
      const reply = await dispatcher.handle(incoming);
      return reply.form ? { ...reply, form: complete(reply.form, reply.locale) } : reply;
    },
    converse: (m) => dispatcher.handle(frontDoorCommand(m)),
    busy: () => dispatcher.busy?.() ?? false,
    suggest: (source, query, locale) => suggestions.suggest(source, query, locale),
    warm: () => suggestions.warm(),
    users: dispatcher.users,
    ...(services.calendars ? { calendars: services.calendars } : {}),
  };
}
