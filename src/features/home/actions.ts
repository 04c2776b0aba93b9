/**
 * The actions a home offers as buttons, each a command its reader may run: decided by the one
 * permission check (src/core/permissions.ts) on the command's own declared permission, in the
 * reader's home commune for a command acting on a commune. A command this deployment does not
 * have is left out. Each button runs the command with no option: its form opens.
 */
import type { CommandRegistry } from "../../core/commands.js";
import { can } from "../../core/permissions.js";
import type { Actor, Button } from "../../core/types.js";
import type { Translate, MessageKey } from "../../core/i18n/catalogue.js";

/** Candidates, everyday actions first: the order of the buttons. */
export const HOME_ACTIONS: ReadonlyArray<{ command: string; label: MessageKey }> = [
  { command: "kit", label: "home.button.kit" },
  { command: "initiative", label: "home.button.share" },
  { command: "agenda", label: "home.button.agenda" },
  { command: "idee", label: "home.button.idea" },
  { command: "evenement creer", label: "home.button.event" },
  { command: "fom", label: "home.button.fom" },
  { command: "copil", label: "home.button.copil" },
  { command: "sondage", label: "home.button.poll" },
  { command: "webinaire planifier", label: "home.button.webinar" },
  { command: "veille", label: "home.button.watch" },
];

/** Whether `actor` may run `command` (in `communeId` when it acts on one): the chain's own check. */
export function mayRun(registry: CommandRegistry, actor: Pick<Actor, "memberships">, command: string, communeId: string | null): boolean {
  const def = registry.get(command);
  if (!def) return false;
  if (!def.permission) return true;
  return def.scope !== undefined && communeId ? can(actor, def.permission, { communeId }) : can(actor, def.permission);
}

/** The buttons of the actions `actor` may take, for their home commune. */
export function actionButtons(t: Translate, registry: CommandRegistry, actor: Pick<Actor, "memberships" | "communeIds">): Button[] {
  const home = actor.communeIds[0] ?? null;
  return HOME_ACTIONS.filter((a) => mayRun(registry, actor, a.command, home)).map((a) => ({ label: t(a.label), command: a.command }));
}

/** A board is read by everyone in its channel: only what every member may do there. */
export function boardButtons(t: Translate, registry: CommandRegistry, communeId: string | null): Button[] {
  // A plain member of the board's commune (coordination's board: a coordinator).
  const reader = { memberships: [communeId ? { role: "benevole" as const, communeId } : { role: "coordination" as const, communeId: null }] };
  return HOME_ACTIONS.filter((a) => mayRun(registry, reader, a.command, communeId)).map((a) => ({ label: t(a.label), command: a.command }));
}
