/**
 * The explicit list of sub-commands. Adding a command = one file + one line here.
 * The registry throws at start if two commands claim the same word.
 */
import { CommandRegistry, type CommandDefinition } from "../src/core/commands.js";
import aide from "./aide.js";
import kit from "./kit.js";
import kitAjouter from "./kit-ajouter.js";
import langue from "./langue.js";
import role from "./role.js";
import configCanal from "./config-canal.js";
import adminEnvois from "./admin-envois.js";
import { EVENT_COMMANDS } from "./events.js";
import { COMMUNITY_COMMANDS } from "./community.js";
import { WATCH_COMMANDS } from "./watch.js";

export const COMMANDS: readonly CommandDefinition<any>[] = [aide, kit, kitAjouter, langue, configCanal, role, adminEnvois, ...EVENT_COMMANDS, ...COMMUNITY_COMMANDS, ...WATCH_COMMANDS];

export function createRegistry(): CommandRegistry {
  return new CommandRegistry(COMMANDS);
}
