import { describe, expect, it } from "vitest";
import { can } from "../../src/core/permissions.js";
import { actorMemberships } from "../../src/core/identity.js";
import type { Actor, ActorMembership, Role } from "../../src/core/types.js";

/** An actor holding each role in each commune given (coordination network-wide). */
const actor = (roles: Role[], communeIds: string[] = []): Actor => ({
  personId: "p", name: "n", platform: "terminal", workspaceId: "w", platformUserId: "u", locale: "fr", timeZone: "Europe/Brussels",
  ...actorMemberships(roles.flatMap((role): ActorMembership[] => (role === "coordination" ? [{ role, communeId: null }] : communeIds.map((communeId) => ({ role, communeId }))))),
});

describe("can()", () => {
  it("lets coordination do everything", () => {
    for (const p of ["kit.manage", "channels.configure", "network.admin", "commune.manage"] as const) expect(can(actor(["coordination"]), p)).toBe(true);
  });
  it("keeps network actions for coordination", () => {
    for (const role of ["copil", "elu", "agent", "benevole", "ambassadeur"] as const) {
      expect(can(actor([role], ["c1"]), "kit.manage")).toBe(false);
      expect(can(actor([role], ["c1"]), "network.admin")).toBe(false);
    }
  });
  it("lets CoPil members manage their own commune only", () => {
    expect(can(actor(["copil"], ["c1"]), "commune.manage", { communeId: "c1" })).toBe(true);
    expect(can(actor(["copil"], ["c1"]), "commune.manage", { communeId: "c2" })).toBe(false);
    expect(can(actor(["benevole"], ["c1"]), "commune.manage", { communeId: "c1" })).toBe(false);
    expect(can(actor(["copil"], []), "commune.manage")).toBe(false);
  });
  it("keeps the CoPil roster to the commune's CoPil members and coordination (issue 7)", () => {
    expect(can(actor(["coordination"]), "copil.manage", { communeId: "c1" })).toBe(true);
    expect(can(actor(["copil"], ["c1"]), "copil.manage", { communeId: "c1" })).toBe(true);
    expect(can(actor(["copil"], ["c1"]), "copil.manage", { communeId: "c2" })).toBe(false);
    for (const role of ["agent", "elu", "benevole", "ambassadeur"] as const) expect(can(actor([role], ["c1"]), "copil.manage", { communeId: "c1" })).toBe(false);
    expect(can(actor(["copil"], ["c1"]), "copil.manage")).toBe(true);
    expect(can(actor(["copil"], []), "copil.manage")).toBe(false);
  });
});

describe("rights by (role, commune) pairs", () => {
  const pairs = (...held: Array<[Role, string | null]>): Actor => ({
    personId: "p", name: "n", platform: "terminal", workspaceId: "w", platformUserId: "u", locale: "fr", timeZone: "Europe/Brussels",
    ...actorMemberships(held.map(([role, communeId]) => ({ role, communeId }))),
  });
  it("never lets a role held in one commune act in another where a lesser role is held", () => {
    const mixed = pairs(["copil", "eupen"], ["benevole", "namur"]);
    expect(can(mixed, "commune.manage", { communeId: "eupen" })).toBe(true);
    expect(can(mixed, "copil.manage", { communeId: "eupen" })).toBe(true);
    expect(can(mixed, "commune.manage", { communeId: "namur" })).toBe(false);
    expect(can(mixed, "copil.manage", { communeId: "namur" })).toBe(false);
    expect(can(mixed, "commune.contribute", { communeId: "namur" })).toBe(true);
    expect(can(mixed, "commune.contribute", { communeId: "jette" })).toBe(false);
  });
  it("gives nothing for a commune role held without a commune, or a target without one", () => {
    expect(can(pairs(["copil", null]), "commune.manage", { communeId: "namur" })).toBe(false);
    expect(can(pairs(["copil", null]), "commune.manage")).toBe(false);
    expect(can(pairs(["copil", "namur"]), "commune.manage", { communeId: null })).toBe(false);
    expect(can(pairs(["coordination", null]), "commune.manage", { communeId: null })).toBe(true);
  });
});
