/**
 * The features of the bot, the one list to edit when a feature is added. The command
 * registry, the scheduler's jobs, the message catalogue and the help all come from here.
 * The order is the order of the help.
 */
import { CommandRegistry, type AnyCommand } from "../core/commands.js";
import type { JobDefinition } from "../core/jobs.js";
import type { ChangeHook } from "../core/chain/context.js";
import { addMessages, quoteCommandsFrom } from "../core/i18n/catalogue.js";
import network from "./network/feature.js";
import kits from "./kits/feature.js";
import events from "./events/feature.js";
import initiatives from "./initiatives/feature.js";
import polls from "./polls/feature.js";
import ideas from "./ideas/feature.js";
import tools from "./tools/feature.js";
import privacy from "./privacy/feature.js";
import watch from "./watch/feature.js";
import outbox from "./outbox/feature.js";
import demo from "./demo/feature.js";
import inbox from "./inbox/feature.js";
import imports from "./imports/feature.js";
import door from "./door/feature.js";
import home from "./home/feature.js";
import calendarFeeds from "./calendar-feeds/feature.js";

export const FEATURES = [network, home, kits, imports, events, calendarFeeds, initiatives, polls, ideas, tools, privacy, watch, outbox, inbox, demo, door] as const;

// The kernel's catalogue gets the features' messages from here, the one list of features.
addMessages(FEATURES.flatMap((f) => f.messages ?? []));

export const COMMANDS: readonly AnyCommand[] = FEATURES.flatMap((f) => f.commands);

// Commands quoted in German, Dutch and English messages show that reader's words for them.
quoteCommandsFrom(new CommandRegistry(COMMANDS));

export const JOBS: readonly JobDefinition[] = FEATURES.flatMap((f) => f.jobs ?? []);

/** Every feature's hook after a change (a home or a board to refresh). */
export const CHANGE_HOOKS: readonly ChangeHook[] = FEATURES.flatMap((f) => (f.changed ? [f.changed] : []));

/** The registry of every feature's commands; throws at start if two claim the same word. */
export function createRegistry(): CommandRegistry {
  return new CommandRegistry(COMMANDS);
}
