import { describe, expect, it } from "vitest";
import { revealLinkTargets, revealReplyLinks } from "../../src/core/links.js";
import { message } from "../../src/core/reply.js";

describe("links show their real target", () => {
  it("a label that is another address is replaced by the target", () => {
    expect(revealLinkTargets("Voir [https://cdce.be](https://evil.example) !")).toBe("Voir [https://evil.example/](https://evil.example/) !");
    expect(revealLinkTargets("[cdce.be](https://evil.example/login)")).toBe("[https://evil.example/login](https://evil.example/login)");
    expect(revealLinkTargets("[**www.cdce.be**](https://cdce.be.evil.example)")).toBe("[https://cdce.be.evil.example/](https://cdce.be.evil.example/)");
    expect(revealLinkTargets("[site officiel : cdce.be](https://evil.example)")).toBe("[https://evil.example/](https://evil.example/)");
    expect(revealLinkTargets("[https://cdce.be/kits](https://cdce.be/phish)")).toBe("[https://cdce.be/phish](https://cdce.be/phish)");
    expect(revealLinkTargets("[http://cdce.be](https://cdce.be)")).toBe("[https://cdce.be/](https://cdce.be/)");
  });

  it("a look-alike host shows as its real (xn--) name", () => {
    // The target's "с" is Cyrillic.
    const host = new URL("https://cdсe.be").hostname;
    expect(host).toMatch(/^xn--/);
    expect(revealLinkTargets("[cdce.be](https://cdсe.be)")).toBe(`[https://${host}/](https://${host}/)`);
  });

  it("catches the forms Discord also reads: angle brackets, a title, brackets in the label, parentheses in the target", () => {
    expect(revealLinkTargets("[cdce.be](<https://evil.example>)")).toBe("[https://evil.example/](https://evil.example/)");
    expect(revealLinkTargets('[cdce.be](https://evil.example "CDCE")')).toBe("[https://evil.example/](https://evil.example/)");
    expect(revealLinkTargets("[[cdce.be]](https://evil.example)")).toBe("[https://evil.example/](https://evil.example/)");
    expect(revealLinkTargets("[cdce.be](https://evil.example/a_(b))")).toBe("[https://evil.example/a_%28b%29](https://evil.example/a_%28b%29)");
  });

  it("keeps labels that are words, and addresses that are the target's own", () => {
    for (const md of [
      "[Lien 1](https://cdce.be/outils/visuels-elus)",
      "[Ajouter à Google Agenda](https://calendar.google.com/calendar/render?action=TEMPLATE)",
      "[cdce.be](https://www.cdce.be/outils)",
      "[https://cdce.be/](https://cdce.be)",
      "[www.cdce.be/outils](https://cdce.be/outils/)",
      "[Fair-O-Mètre 2.0 : le guide](https://cdce.be/guide)",
      "plain https://evil.example and `[cdce.be](x)` code",
    ]) {
      expect(revealLinkTargets(md), md).toBe(md);
    }
  });

  it("applies to every text of a reply", () => {
    const r = message("fr", "[cdce.be](https://evil.example)");
    r.blocks.push({ type: "section", text: "x", fields: [{ label: "Site", value: "[cdce.be](https://evil.example)" }] }, { type: "context", text: "[cdce.be](https://evil.example)" });
    const out = JSON.stringify(revealReplyLinks({ ...r, text: "[cdce.be](https://evil.example)" }));
    expect(out).not.toContain("[cdce.be]");
    expect(out.match(/\[https:\/\/evil\.example\/\]/g)).toHaveLength(4);
  });
});
