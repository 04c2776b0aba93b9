import { describe, expect, it } from "vitest";
import { can } from "../../src/core/permissions.js";
import type { Actor, Role } from "../../src/core/types.js";

const actor = (roles: Role[], communeIds: string[] = []): Actor => ({
  personId: "p", name: "n", platform: "terminal", workspaceId: "w", platformUserId: "u", locale: "fr", timeZone: "Europe/Brussels", roles, communeIds,
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
