/**
 * A link whose visible text is one address and whose target another shows its real target,
 * on Slack, Discord and the terminal: an idea typed with `[https://cdce.be](https://evil.example)`
 * is listed by `/cdce idees`, and each renderer's output is checked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/test-app.js";
import { run, textOf } from "../../helpers/run.js";
import { renderReply as renderSlack } from "../../../src/platforms/slack/render.js";
import { renderReply as renderDiscord } from "../../../src/platforms/discord/render.js";
import { CustomIdStore } from "../../../src/platforms/discord/custom-ids.js";
import { renderText } from "../../../src/platforms/terminal/render.js";
import type { Reply } from "../../../src/core/types.js";

let app: TestApp;
let listed: Reply;
const COPIL = { user: "copil-namur", role: "copil", commune: "Namur" } as const;
const TYPED = [
  "Voir [https://cdce.be](https://evil.example/login)",
  "Inscription sur [www.cdce.be](https://evil.example/form)",
  "Le guide [cdce.be/guide](<https://evil.example/guide>)",
  "Notre [page CDCE](https://cdce.be/outils) reste telle quelle",
];

beforeAll(async () => {
  app = await createTestApp();
  for (const idea of TYPED) expect(textOf(await run(app, `idee ${idea}`, COPIL))).not.toContain("Quelque chose s’est mal passé");
  listed = await run(app, "idees", COPIL);
  expect(textOf(listed)).toContain("evil.example");
});
afterAll(async () => {
  await app?.close();
});

/** Every link (label, target) in a Slack message: `<url|label>`. */
const slackLinks = (json: string) => [...json.matchAll(/<(https?:[^|>]+)\|([^>]+)>/g)].map((m) => ({ target: m[1]!, label: m[2]! }));
/** Every masked link in Discord Markdown: `[label](url)`. */
const markdownLinks = (text: string) => [...text.matchAll(/\[([^\]]+)\]\(<?(https?:[^)>\s]+)>?\)/g)].map((m) => ({ label: m[1]!, target: m[2]! }));

function expectHonest(links: { label: string; target: string }[]) {
  const evil = links.filter((l) => l.target.includes("evil.example"));
  expect(evil.length).toBeGreaterThanOrEqual(3);
  for (const l of evil) expect(l.label, JSON.stringify(l)).toContain("evil.example");
  for (const l of links) expect(l.label.includes("cdce.be") && !new URL(l.target).hostname.endsWith("cdce.be"), JSON.stringify(l)).toBe(false);
  // A label made of words stays a masked link.
  expect(links).toContainEqual({ label: "page CDCE", target: "https://cdce.be/outils" });
}

describe("masked links", () => {
  it("on Slack the label of a link to evil.example is evil.example", () => {
    const json = JSON.stringify(renderSlack(listed)).replace(/\\"/g, '"');
    expectHonest(slackLinks(json));
  });

  it("on Discord too", () => {
    const messages = renderDiscord(listed, new CustomIdStore(10));
    const text = messages.flatMap((m) => [m.content ?? "", ...(m.embeds ?? []).flatMap((e) => [e.description ?? "", ...(e.fields ?? []).map((f) => f.value)])]).join("\n");
    expectHonest(markdownLinks(text));
  });

  it("in the terminal the address shown is the target", () => {
    const { text } = renderText(listed);
    expect(text).not.toMatch(/cdce\.be[^\s<]* <https:\/\/evil/);
    expect(text).toContain("https://evil.example/login");
  });
});
