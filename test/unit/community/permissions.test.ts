/** The permissions issue 8 adds: contributing for one's commune, modifying what one wrote. */
import { describe, expect, it } from "vitest";
import { can, canModify } from "../../../src/core/permissions.js";
import { actorMemberships } from "../../../src/core/identity.js";
import type { Actor, ActorMembership, Role } from "../../../src/core/types.js";

/** An actor holding each role in each commune given (coordination network-wide). */
const actor = (roles: Role[], communeIds: string[] = [], personId = "p1"): Actor => ({
  personId, name: "n", platform: "slack", workspaceId: "w", platformUserId: "u", locale: "fr", timeZone: "Europe/Brussels",
  ...actorMemberships(roles.flatMap((role): ActorMembership[] => (role === "coordination" ? [{ role, communeId: null }] : communeIds.map((communeId) => ({ role, communeId }))))),
});

describe("commune.contribute", () => {
  it("lets any member of the commune share for it, coordination anywhere, nobody else", () => {
    for (const role of ["copil", "elu", "agent", "benevole", "ambassadeur"] as const) {
      expect(can(actor([role], ["c1"]), "commune.contribute", { communeId: "c1" })).toBe(true);
      expect(can(actor([role], ["c1"]), "commune.contribute", { communeId: "c2" })).toBe(false);
    }
    expect(can(actor(["coordination"]), "commune.contribute", { communeId: "c2" })).toBe(true);
    expect(can(actor([], []), "commune.contribute")).toBe(false);
    expect(can(actor(["benevole"], ["c1"]), "commune.contribute")).toBe(true);
  });
});

describe("canModify", () => {
  it("lets the author and coordination edit or delete; authorless content is coordination's", () => {
    expect(canModify(actor(["benevole"], ["c1"], "p1"), { authorId: "p1" })).toBe(true);
    expect(canModify(actor(["copil"], ["c1"], "p2"), { authorId: "p1" })).toBe(false);
    expect(canModify(actor(["coordination"], [], "p3"), { authorId: "p1" })).toBe(true);
    expect(canModify(actor(["benevole"], ["c1"], "p1"), { authorId: null })).toBe(false);
    expect(canModify(actor(["coordination"]), { authorId: null })).toBe(true);
  });
});
