/**
 * A `/cdce` line as a Discord user would send it: the top-level command and sub-command
 * where the registration put it (`/cdce kit`, `/cdce-admin canal`, `/cdce initiative voir`),
 * with typed options read from the line the way the core reads it. A command Discord does
 * not know is sent as a stale registration would send it.
 */
import type { CommandRegistry } from "../../../src/core/commands.js";
import { assignTokens, tokenize } from "../../../src/core/parse-line.js";
import { pathOf } from "../../../src/platforms/discord/layout.js";
import { layoutOf } from "../../../src/platforms/discord/registration.js";
import type { FakeDiscord, InteractionRecord } from "./fake-discord.js";
import { sendCommand, type Who } from "./interactions.js";

/** Where a registry command is on Discord: `cdce kit`, `cdce-admin canal`, `cdce moi exporter`; undefined when not registered (hidden). */
export function discordPath(registry: CommandRegistry, command: string): string | undefined {
  const slot = layoutOf(registry).slots.find((s) => s.command === command);
  return slot ? pathOf(slot) : undefined;
}

export function sendLine(fake: FakeDiscord, registry: CommandRegistry, line: string, who: Who): InteractionRecord {
  const tokens = tokenize(line.trim());
  const two = tokens.length > 1 ? registry.get(`${tokens[0]} ${tokens[1]}`) : undefined;
  const def = two ?? registry.get(tokens[0] ?? "aide");
  if (!def) return sendCommand(fake, `cdce ${tokens[0] ?? ""}`, {}, who, { stale: true });
  const path = discordPath(registry, def.name);
  if (!path) throw new Error(`"${def.name}" has no Discord command (hidden: reached by buttons only)`);
  // As many words as named the command: a one-word alias of a two-word command (`idees`) names it alone.
  const rest = tokens.slice(two ? 2 : 1);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(assignTokens(rest, def.options).values)) {
    if (value === undefined || value === "") continue;
    values[name] = def.options[name]?.meta.kind === "int" ? Number(value) : String(value);
  }
  return sendCommand(fake, path, values, who);
}
