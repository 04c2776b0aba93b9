/**
 * Right-click (context-menu) commands: on a message, "Partager avec le réseau" opens the
 * initiative form pre-filled with the message's text and link; on a member, "Donner un
 * rôle" opens the role form with that member filled in. Each runs its registry command
 * with no option through the core, so the rights are checked where they always are (the
 * chain's permission step, before the form is shown), and the submission is that command.
 */
import { ApplicationCommandType, type LocalizationMap } from "discord.js";
import { clip } from "../../core/clip.js";

/** What a context-menu command pre-fills the form with. */
export type Prefill = Record<string, string>;

/** The message a message command was used on, as the interaction carries it. */
export interface TargetMessage {
  content: string;
  url: string;
  embedsText: string;
}

/** One context-menu command: its names, the registry command it opens, and its pre-fill. */
export interface ContextMenu {
  type: ApplicationCommandType.Message | ApplicationCommandType.User;
  /** Base (French) name: what Discord sends back. Context-menu names may hold spaces and capitals. */
  name: string;
  names: LocalizationMap;
  /** The registry command whose form opens. */
  command: string;
}

export interface MessageMenu extends ContextMenu {
  type: ApplicationCommandType.Message;
  prefill(message: TargetMessage): Prefill;
}

export interface UserMenu extends ContextMenu {
  type: ApplicationCommandType.User;
  prefill(userId: string): Prefill;
}

/** The title: the message's first line, short. */
const firstLine = (s: string) => clip(s.split("\n").find((l) => l.trim()) ?? "", 80);

export const SHARE_MESSAGE: MessageMenu = {
  type: ApplicationCommandType.Message,
  name: "Partager avec le réseau",
  names: { fr: "Partager avec le réseau", de: "Mit dem Netzwerk teilen", nl: "Delen met het netwerk", "en-GB": "Share with the network", "en-US": "Share with the network" },
  command: "initiative",
  prefill(message) {
    const text = [message.content, message.embedsText].filter((s) => s.trim()).join("\n").trim();
    return { titre: firstLine(text), description: [text, message.url].filter(Boolean).join("\n\n") };
  },
};

export const GIVE_ROLE: UserMenu = {
  type: ApplicationCommandType.User,
  name: "Donner un rôle",
  names: { fr: "Donner un rôle", de: "Eine Rolle geben", nl: "Een rol geven", "en-GB": "Give a role", "en-US": "Give a role" },
  command: "role",
  prefill: (userId) => ({ qui: `<@${userId}>` }),
};

export const CONTEXT_MENUS: readonly (MessageMenu | UserMenu)[] = [SHARE_MESSAGE, GIVE_ROLE];
