/**
 * A commune's page names its partners, grouped by kind, with what they do together, in the
 * reader's language; their contact details (for the commune's members only) never appear.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { buildPublicWeb } from "../../../src/platforms/web/server.js";
import { silentLogger } from "../../../src/core/logger.js";

describe("partners on the public commune page", () => {
  let app: TestApp;
  let web: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp();
    web = await buildPublicWeb({ services: app.services, logger: silentLogger, cacheMs: 0 });
  });
  afterAll(async () => {
    await web?.close();
    await app?.close();
  });

  it("lists them by kind, without email or phone, and has no section while there are none", async () => {
    const get = async (lang: string) => (await web.inject({ url: "/c/namur", headers: { "accept-language": lang } })).body;
    expect(await get("fr")).not.toContain("Nos partenaires");
    const namur = (await app.services.repos.communes.findByName("Namur"))!;
    await app.services.community.partners.add({ communeId: namur.id, name: "Magasin du monde <Namur>", key: "magasin-du-monde-namur", kind: "commerce", together: "prête les tasses du stand", email: "contact@mdm.example", phone: "081 22 33 44" });
    await app.services.community.partners.add({ communeId: namur.id, name: "Athénée royal", key: "athenee-royal", kind: "ecole", together: null, email: null, phone: null });
    const fr = await get("fr");
    expect(fr).toContain("Nos partenaires");
    expect(fr).toContain("Commerces");
    expect(fr).toContain("Magasin du monde &lt;Namur&gt;");
    expect(fr).toContain("prête les tasses du stand");
    expect(fr).toContain("Écoles");
    expect(fr).not.toContain("contact@mdm.example");
    expect(fr).not.toContain("081 22 33 44");
    const de = await get("de");
    expect(de).toContain("Unsere Partner");
    expect(de).toContain("Geschäfte");
  });
});
