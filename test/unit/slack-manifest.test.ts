import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { createRegistry } from "../../src/features/index.js";
import { BOT_SCOPES, HINT_COMMANDS, buildManifest, manifestYaml } from "../../src/platforms/slack/manifest.js";
import { SHORTCUTS } from "../../src/platforms/slack/home.js";

// js-yaml comes with the dev tooling; only this test reads YAML.
const yaml = createRequire(import.meta.url)("js-yaml") as { load(s: string): unknown };
const registry = createRegistry();

describe("Slack app manifest", () => {
  it("writes YAML that reads back as the manifest object", () => {
    for (const variant of ["socket", "http"] as const) {
      expect(yaml.load(manifestYaml(registry, { variant }))).toEqual(buildManifest(registry, { variant }));
    }
  });

  it("has one /cdce command whose short usage hint names a few everyday commands that exist", () => {
    const m = buildManifest(registry, { variant: "socket" }) as any;
    expect(m.features.slash_commands).toHaveLength(1);
    const [cmd] = m.features.slash_commands;
    expect(cmd.command).toBe("/cdce");
    const named = cmd.usage_hint.replace(/…/g, "").split("|").map((w: string) => w.trim());
    expect(named).toEqual([...HINT_COMMANDS]);
    for (const name of named) expect(registry.get(name), name).toBeDefined();
    expect(cmd.usage_hint.length).toBeLessThanOrEqual(80);
    expect(m.display_information.description.length).toBeLessThanOrEqual(140);
  });

  it("turns the Home tab on, subscribes to app_home_opened and declares the shortcuts the listeners handle", () => {
    for (const variant of ["socket", "http"] as const) {
      const m = buildManifest(registry, { variant, requestUrl: "https://bot.cdce.be/slack/events" }) as any;
      // The Messages tab stays writable: people write to the bot there in plain language.
      expect(m.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
      expect(m.settings.event_subscriptions.bot_events).toEqual(["app_home_opened", "message.im", "app_mention"]);
      expect(m.settings.event_subscriptions.request_url).toBe(variant === "http" ? "https://bot.cdce.be/slack/events" : undefined);
      expect(m.features.shortcuts).toEqual(SHORTCUTS.map((s) => ({ name: s.name, type: s.type, callback_id: s.callbackId, description: s.description })));
    }
    const names = (buildManifest(registry, { variant: "socket" }) as any).features.shortcuts.map((s: any) => `${s.type}:${s.name}`);
    expect(names).toEqual(["global:Partager une initiative", "global:Planifier un webinaire", "global:Trouver un kit", "message:Partager avec le réseau"]);
  });

  it("turns Socket Mode on with no URL, or gives HTTP its request URLs", () => {
    const socket = buildManifest(registry, { variant: "socket" }) as any;
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(socket.settings.interactivity).toEqual({ is_enabled: true });
    expect(socket.features.slash_commands[0].url).toBeUndefined();
    const http = buildManifest(registry, { variant: "http", requestUrl: "https://bot.cdce.be/slack/events" }) as any;
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.settings.interactivity).toEqual({ is_enabled: true, request_url: "https://bot.cdce.be/slack/events" });
    expect(http.features.slash_commands[0].url).toBe("https://bot.cdce.be/slack/events");
  });

  it("lets people write to the bot: a messages tab they can type in, message.im and app_mention with their scopes", () => {
    for (const variant of ["socket", "http"] as const) {
      const m = buildManifest(registry, { variant, requestUrl: "https://bot.cdce.be/slack/events" }) as any;
      expect(m.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
      expect(m.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(["message.im", "app_mention"]));
      expect(m.settings.event_subscriptions.request_url).toBe(variant === "http" ? "https://bot.cdce.be/slack/events" : undefined);
      // Slack's events reference: message.im needs im:history, app_mention app_mentions:read.
      expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["im:history", "app_mentions:read"]));
    }
  });

  it("asks for the fewest scopes, each justified in the YAML", () => {
    const m = buildManifest(registry, { variant: "http" }) as any;
    expect(m.oauth_config.scopes.bot).toEqual(["commands", "chat:write", "users:read", "channels:history", "groups:history", "im:history", "im:write", "files:read", "files:write", "app_mentions:read"]);
    expect(m.oauth_config.scopes.user).toBeUndefined();
    const text = manifestYaml(registry, { variant: "http" });
    for (const { scope, why } of BOT_SCOPES) expect(text).toContain(`- "${scope}"  # ${why}`);
  });
});
