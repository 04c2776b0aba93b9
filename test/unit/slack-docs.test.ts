/**
 * docs/slack.md shows what a person sees: its shortcuts table, the events the bot subscribes
 * to and the slash command's usage hint must be what the generated manifest declares, both
 * ways (nothing documented that the app lacks, nothing declared that the page leaves out).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRegistry } from "../../src/features/index.js";
import { buildManifest, usageHint } from "../../src/platforms/slack/manifest.js";

const page = readFileSync("docs/slack.md", "utf8");
const registry = createRegistry();
const manifest = buildManifest(registry, { variant: "socket" }) as {
  features: { app_home: { home_tab_enabled: boolean }; shortcuts: Array<{ name: string; type: string; callback_id: string }> };
  settings: { event_subscriptions: { bot_events: string[] } };
};

/** The section of the page under `## What a person sees and does`. */
const seen = page.split("## What a person sees and does")[1]?.split(/\n## /)[0] ?? "";

/** The shortcuts table's rows: name, where (global / message), callback id. */
const documented = [...seen.matchAll(/^\| ([^|]+?) \| (global|message) \| `([a-z_]+)` \|/gm)].map((m) => ({ name: m[1]!, type: m[2]!, callback_id: m[3]! }));

describe("docs/slack.md against the manifest", () => {
  it("has the section a person reads", () => {
    expect(seen.length).toBeGreaterThan(200);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it("documents exactly the manifest's shortcuts, with their names and kinds", () => {
    const declared = manifest.features.shortcuts.map(({ name, type, callback_id }) => ({ name, type, callback_id }));
    expect(declared.length).toBeGreaterThan(0);
    expect(documented).toEqual(expect.arrayContaining(declared));
    expect(declared).toEqual(expect.arrayContaining(documented));
    expect(documented).toHaveLength(declared.length);
  });

  it("documents exactly the events the manifest subscribes to", () => {
    const line = seen.split("**Events the bot subscribes to:**")[1]?.split("\n\n")[0] ?? "";
    const events = [...line.matchAll(/`([a-z_.]+)`/g)].map((m) => m[1]!);
    expect(events.sort()).toEqual([...manifest.settings.event_subscriptions.bot_events].sort());
  });

  it("quotes the slash command's usage hint as generated", () => {
    expect(seen).toContain(`\`${usageHint(registry)}\``);
  });
});
