/** A commune's local partners and what they are credited on; Prisma implementation in src/data/repositories/partners.ts. */
import type { PartnerKind } from "./vocabulary.js";

export interface Partner {
  id: string;
  communeId: string;
  name: string;
  /** slugify(name): one partner per commune and name. */
  key: string;
  kind: PartnerKind;
  /** What the commune and the partner do together. */
  together: string | null;
  /** Contact details: shown to the commune's members only. */
  email: string | null;
  phone: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewPartner = Pick<Partner, "communeId" | "name" | "key" | "kind" | "together" | "email" | "phone">;
export type PartnerPatch = Partial<Pick<Partner, "kind" | "together" | "email" | "phone">>;

/** What a partner may be credited on. */
export const TARGET_KINDS = ["initiative", "event"] as const;
export type PartnerTarget = { kind: (typeof TARGET_KINDS)[number]; id: string };

export interface PartnerRepository {
  /** The new partner, or null when the commune already has one by that name (key). */
  add(p: NewPartner): Promise<Partner | null>;
  update(id: string, patch: PartnerPatch): Promise<Partner>;
  remove(id: string): Promise<boolean>;
  /** A commune's partners, by name. */
  list(communeId: string): Promise<Partner[]>;
  find(communeId: string, key: string): Promise<Partner | null>;
  /** True when the link is new. */
  link(partnerId: string, target: PartnerTarget): Promise<boolean>;
  unlink(partnerId: string, target: PartnerTarget): Promise<boolean>;
  /** The partners credited on an initiative or event, by name. */
  linkedTo(target: PartnerTarget): Promise<Partner[]>;
  /** What a partner is credited on. */
  targetsOf(partnerId: string): Promise<PartnerTarget[]>;
  /** How many initiatives and events each partner is credited on. */
  linkCounts(partnerIds: readonly string[]): Promise<Map<string, number>>;
}
