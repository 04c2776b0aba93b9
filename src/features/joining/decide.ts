/**
 * Accepting or refusing a join request (the buttons under it, or typed): only those who
 * decide it (see mayDecide); once, even when two CoPil members click together (the decision
 * is a conditional update); the person is told the answer privately.
 */
import type { CommandContext } from "../../core/commands.js";
import { CdceError } from "../../core/errors.js";
import { PermissionDenied } from "../../core/permissions.js";
import { message } from "../../core/reply.js";
import type { Reply } from "../../core/types.js";
import { prefixWithin } from "../../core/clip.js";
import { decisionNotice, grantRequest, mayDecide, whereText } from "./requests.js";
import { roleLabel } from "./roles.js";
import type { JoinRequest } from "./ports.js";

type Ctx = Pick<CommandContext<unknown>, "actor" | "t" | "locale" | "now" | "services">;

/** The request a typed or clicked reference names. */
export async function requestByRef(ctx: Ctx, ref: string | undefined): Promise<JoinRequest> {
  const r = (ref ?? "").trim();
  const found = r ? await ctx.services.joining.requests.findByPrefix(r) : [];
  if (found.length !== 1) throw new CdceError("join.not_found", "join.notFound", { ref: prefixWithin(r, 40) || "?" });
  return found[0]!;
}

export async function decide(ctx: Ctx, ref: string | undefined, state: "accepted" | "refused", reason: string | null): Promise<Reply> {
  const { actor, t, locale, now, services } = ctx;
  const request = await requestByRef(ctx, ref);
  const commune = request.communeId ? await services.repos.communes.get(request.communeId) : null;
  if (!mayDecide(actor, request)) {
    throw commune && request.role !== "coordination"
      ? new PermissionDenied("join.forbidden", "join.forbidden", { commune: commune.name })
      : new PermissionDenied("join.forbidden", "join.forbidden.network");
  }
  const decided = await services.joining.requests.decide(request.id, state, reason, now);
  if (!decided) return message(locale, t("join.decidedAlready", { state: t(request.state === "accepted" ? "join.state.accepted" : request.state === "refused" ? "join.state.refused" : "join.state.pending") }));
  const person = await services.repos.identity.getPerson(decided.personId);
  const name = person?.name ?? "?";
  // The answer is queued before the first welcome message, so that it is posted first.
  const told = (await services.notifier.enqueue(decisionNotice(decided, commune?.name ?? null, now))).queued > 0;
  if (state === "accepted") await grantRequest(services, decided, name, now);
  const params = { name, role: roleLabel(t, decided.role), where: whereText(t, commune?.name ?? null) };
  const head = state === "accepted" ? t("join.accepted", params) : t("join.refused", params);
  return message(locale, `${head} ${t(told ? "join.told" : "join.untold")}`);
}
