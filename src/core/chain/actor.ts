/**
 * Who is asking: the person behind the account (created on first use), their language and
 * the (role, commune) pairs they hold now. Accounts named as coordinators get that role on
 * their first message, so that a new Slack or Discord space has someone to give the others.
 */
import { ensureMembership, resolveActor } from "../identity.js";
import { isCoordination } from "../permissions.js";
import { translator } from "../i18n/catalogue.js";
import { defineStep } from "./context.js";

export const actor = defineStep("actor", async (ctx, next) => {
  const { incoming, deps, now } = ctx;
  let who = await resolveActor(incoming, deps.services.repos, now);
  if (!isCoordination(who) && deps.coordinators?.has(`${incoming.platform}:${incoming.workspaceId}:${incoming.userId}`)) {
    await ensureMembership(deps.services.repos, who.personId, "coordination", null, now);
    who = { ...who, memberships: [...who.memberships, { role: "coordination", communeId: null }] };
  }
  ctx.actor = who;
  ctx.locale = who.locale;
  ctx.t = translator(who.locale);
  return next();
});
