/** The event a task command names, and the check that the caller may organise it. */
import type { Services } from "../../core/commands.js";
import { CdceError } from "../../core/errors.js";
import { PermissionDenied } from "../../core/permissions.js";
import type { Actor } from "../../core/types.js";
import { eventByCode, type CdceEvent } from "../events/index.js";
import { canOrganise } from "./tasks.js";

/** A local event of a commune (network webinars have no tasks here). */
export async function localEvent(services: Services, code: string | undefined): Promise<CdceEvent> {
  const event = await eventByCode(services, code);
  if (event.kind !== "local" || !event.communeId) throw new CdceError("task.not_local", "task.notLocal", { title: event.title });
  return event;
}

export async function communeName(services: Services, event: CdceEvent): Promise<string> {
  return (event.communeId ? (await services.repos.communes.get(event.communeId))?.name : undefined) ?? "?";
}

/** Refuses, naming who may, unless the actor organises the event. */
export async function assertOrganiser(services: Services, actor: Actor, event: CdceEvent): Promise<void> {
  if (await canOrganise(services, actor, event)) return;
  throw new PermissionDenied("task.forbidden", "task.forbidden", { commune: await communeName(services, event), title: event.title });
}
