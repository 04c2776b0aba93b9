/**
 * Joining a commune: the request posted to the commune's CoPil channel (to coordination's
 * only for the network's roles) with Accept / Refuse buttons,
 * the answer sent to the person, and what accepting gives: the role (a CoPil seat in the
 * roster for the CoPil role), and the welcome journey.
 */
import type { Services } from "../../core/commands.js";
import { translator, type Translate } from "../../core/i18n/catalogue.js";
import { ensureMembership } from "../../core/identity.js";
import type { Notification, Recipient } from "../../core/notify.js";
import { can } from "../../core/permissions.js";
import { message, reply } from "../../core/reply.js";
import type { Actor } from "../../core/types.js";
import { kindLabel } from "../watch/index.js";
import { startJourney } from "./journey.js";
import { roleLabel } from "./roles.js";
import type { JoinRequest, WelcomeJourney } from "./ports.js";

/** The 8 characters people see of a request. */
export const requestRef = (id: string) => id.slice(0, 8);

/** ` pour Namur` / ` du réseau`, in a language. */
export function whereText(t: Translate, communeName: string | null): string {
  return communeName ? t("join.where.commune", { commune: communeName }) : t("join.where.network");
}

/**
 * Where a request goes: the commune's channel (its CoPil) for a role in a commune; the
 * coordination's channel only for the network's roles (coordination, an ambassador without
 * a commune), so that coordination is never asked what the commune's CoPil decides. Null
 * when no such channel is linked.
 */
export async function deciders(services: Services, request: Pick<JoinRequest, "communeId" | "role">): Promise<{ to: Recipient; who: "copil" | "coordination" } | null> {
  const to: Recipient =
    request.communeId && request.role !== "coordination" ? { kind: "purpose", purpose: "commune", communeId: request.communeId } : { kind: "purpose", purpose: "coordination" };
  if (!(await services.notifier.reaches(to))) return null;
  return { to, who: to.kind === "purpose" && to.purpose === "commune" ? "copil" : "coordination" };
}

/** The request, with its buttons, for those who decide. Names the person: the key carries their id (erasure). */
export function requestNotice(request: JoinRequest, personName: string, communeName: string | null, to: Recipient, now: Date): Notification {
  const ref = requestRef(request.id);
  return {
    key: `join:${request.id}:request:by:${request.personId}`,
    to,
    dueAt: now,
    render: (locale) => {
      const t = translator(locale);
      const group = request.copilKind ? t("join.group", { group: kindLabel(t, request.copilKind) }) : "";
      return reply(
        locale,
        [
          { type: "section", text: t("join.notice", { name: personName, role: roleLabel(t, request.role), where: whereText(t, communeName), group, ref }) },
          {
            type: "actions",
            buttons: [
              { label: t("join.button.accept"), command: `rejoindre accepter ${ref}`, style: "primary" },
              { label: t("join.button.refuse"), command: `rejoindre refuser ${ref}`, style: "danger" },
            ],
          },
        ],
        "channel",
      );
    },
  };
}

/** The answer, to the person who asked. */
export function decisionNotice(request: JoinRequest, communeName: string | null, now: Date): Notification {
  return {
    key: `join:${request.id}:decided`,
    to: { kind: "person", personId: request.personId },
    dueAt: now,
    render: (locale) => {
      const t = translator(locale);
      const params = { role: roleLabel(t, request.role), where: whereText(t, communeName) };
      const text = request.state === "accepted" ? t("join.dm.accepted", params) : t("join.dm.refused", params);
      return message(locale, request.reason ? `${text}\n${t("join.dm.reason", { reason: request.reason })}` : text, "channel");
    },
  };
}

/**
 * Whether `actor` decides `request`: the CoPil of its commune (or coordination); the
 * network's roles and coordination roles, coordination alone.
 */
export function mayDecide(actor: Pick<Actor, "memberships">, request: Pick<JoinRequest, "communeId" | "role">): boolean {
  const communeId = request.role === "coordination" ? null : request.communeId;
  return can(actor, "copil.manage", { communeId });
}

/**
 * What an accepted request gives: the role (a CoPil seat in the roster too, for the CoPil
 * role with its group), and the welcome journey of the role. Inside the caller's unit.
 */
export async function grantRequest(services: Services, request: JoinRequest, personName: string, now: Date): Promise<WelcomeJourney | null> {
  const held = await services.repos.memberships.activeFor(request.personId, now);
  const had = held.some((m) => m.role === request.role && m.communeId === request.communeId);
  await ensureMembership(services.repos, request.personId, request.role, request.communeId, now);
  if (request.role === "copil" && request.communeId) {
    const seats = await services.watch.copil.active(request.communeId, now);
    if (!seats.some((s) => s.personId === request.personId)) {
      await services.watch.copil.add({ communeId: request.communeId, name: personName, kind: request.copilKind ?? "citizen", personId: request.personId, since: now, mandateEndsOn: null });
    }
  }
  return had ? null : startJourney(services, { personId: request.personId, communeId: request.communeId, role: request.role, reason: "joined" }, now);
}
