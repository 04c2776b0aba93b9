/** Finding the proposal a CoPil member names, and checking they may decide on it. */
import type { Services } from "../../core/commands.js";
import { CdceError } from "../../core/errors.js";
import { requirePermission } from "../../core/permissions.js";
import type { Commune } from "../../core/ports.js";
import type { Actor } from "../../core/types.js";
import { prefixWithin } from "../../core/clip.js";
import type { Proposal } from "./ports.js";

/**
 * The proposal and its commune, once the actor is known to manage that commune (its CoPil,
 * staff, councillors, or coordination): a proposal is the commune's own business.
 */
export async function proposalToDecide(services: Services, actor: Actor, ref: string | undefined): Promise<{ proposal: Proposal; commune: Commune }> {
  const proposal = ref ? await services.actions.proposals.find(ref) : null;
  if (!proposal) throw new CdceError("proposal.unknown", "act.proposal.unknown", { ref: prefixWithin(ref ?? "", 40) || "?" });
  const commune = await services.repos.communes.get(proposal.communeId);
  if (!commune) throw new CdceError("proposal.unknown", "act.proposal.unknown", { ref: prefixWithin(ref ?? "", 40) });
  requirePermission(actor, "commune.manage", { communeId: commune.id }, ["proposal.forbidden", "act.proposal.forbidden", { commune: commune.name }]);
  return { proposal, commune };
}

/** The proposer's name, or a neutral word when they erased their data. */
export async function proposerName(services: Services, p: Proposal, fallback: string): Promise<string> {
  const person = p.proposerId ? await services.repos.identity.getPerson(p.proposerId) : null;
  return person?.name ?? fallback;
}
