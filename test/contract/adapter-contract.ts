/**
 * The adapter contract: the same `/cdce` line gives the same content on every platform.
 * Every adapter passes this one suite (model: vercel/chat's shared adapter tests).
 *
 * ## Driver interface (what a platform provides)
 *
 * ```ts
 * interface AdapterDriver {
 *   name: string;                       // "discord", "slack", "terminal"
 *   run(line: string, opts: { locale?: string }): Promise<NormalizedReply>;
 *   capabilities?: { ephemeral?: boolean };  // false: the platform has no private replies
 *   close?(): Promise<void>;            // called once after the suite
 * }
 * interface NormalizedReply { texts: string[]; buttons: string[]; ephemeral: boolean }
 * ```
 * - `run` sends `line` (what follows `/cdce`, e.g. `kit jeunes`) the way a user of the
 *   platform would (Slack: command text; Discord: the sub-command with typed options; the
 *   terminal: the typed line), as a user with no role (a plain member), whose platform
 *   language is `opts.locale` (default `fr`). The same locale may reuse the same user.
 * - `texts`: everything visible, in display order, as plain text: platform markup removed
 *   (Markdown/mrkdwn markers, `<url|label>` -> `label`, `[label](url)` -> `label`). How the
 *   text is cut into pieces does not matter: the suite compares normalized lines.
 * - `buttons`: the visible labels of the buttons, in order.
 * - `ephemeral`: whether only the caller sees the reply.
 * - Setup may happen lazily in the first `run` (the suite has generous timeouts).
 *
 * Expectations come from the message catalogues (src/core/i18n and each feature's messages), never from one platform's output.
 */
import { afterAll, describe, expect, it } from "vitest";
import { translator, type MessageKey } from "../../src/core/i18n/catalogue.js";
import type { Locale } from "../../src/core/types.js";

export interface NormalizedReply {
  texts: string[];
  buttons: string[];
  ephemeral: boolean;
}

export interface AdapterDriver {
  name: string;
  run(line: string, opts: { locale?: string }): Promise<NormalizedReply>;
  capabilities?: { ephemeral?: boolean };
  close?(): Promise<void>;
}

/** Plain text of neutral, Slack or Discord markup; whitespace collapsed. */
export function plainText(s: string): string {
  return s
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, "$2")
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, "$1")
    .replace(/^-# /gm, "")
    .replace(/[*_`~]/g, "")
    .replace(/[ \t\u00a0]+/g, " ")
    .trim();
}

/** The reply's text as normalized, non-empty lines. */
export function lines(reply: NormalizedReply): string[] {
  return reply.texts.flatMap((t) => t.split("\n")).map(plainText).filter(Boolean);
}

const joined = (reply: NormalizedReply) => lines(reply).join("\n");

/**
 * A regular expression for a catalogue message whose numbers vary: the message is
 * formatted with sentinel numbers, which then stand for any number.
 */
export function messagePattern(locale: Locale, key: MessageKey, numberParams: string[], texts: Record<string, string> = {}): RegExp {
  // Below 1,000 no locale groups digits; 901+ is plural "other" in our four languages.
  const sentinels = Object.fromEntries(numberParams.map((k, i) => [k, 901 + i]));
  const formatted = plainText(translator(locale)(key, { ...sentinels, ...texts }));
  const escaped = formatted.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(Object.values(sentinels).reduce<string>((re, n) => re.replace(String(n), "\\d+"), escaped));
}

/** Registers the contract tests for one driver. */
export function adapterContract(driver: AdapterDriver): void {
  const ephemeralKnown = driver.capabilities?.ephemeral !== false;
  const t = { fr: translator("fr"), de: translator("de") };
  const TIMEOUT = 30_000;

  describe(`adapter contract: ${driver.name}`, () => {
    afterAll(async () => {
      await driver.close?.();
    });

    it("kit jeunes: the first page of results, what was understood, and a 'more' button", async () => {
      const r = await driver.run("kit jeunes", {});
      const text = joined(r);
      const header = messagePattern("fr", "kit.results.title", ["total", "page", "pages"]);
      const m = /\(page 1\/(\d+)\)/.exec(text);
      expect(text).toMatch(header);
      expect(text).toContain(plainText(t.fr("kit.results.understood", { terms: t.fr("audience.jeunes") })));
      if (m && Number(m[1]) > 1) expect(r.buttons).toContain(t.fr("kit.more"));
      expect(text).toContain(t.fr("kit.field.audiences"));
      if (ephemeralKnown) expect(r.ephemeral).toBe(true);
    }, TIMEOUT);

    it("kit alone: the overview by audience and by theme", async () => {
      const r = await driver.run("kit", {});
      const text = joined(r);
      expect(text).toMatch(messagePattern("fr", "kit.overview.title", ["count"]));
      expect(text).toContain(t.fr("kit.overview.audiences"));
      expect(text).toContain(t.fr("kit.overview.themes"));
      expect(r.buttons).toEqual([]);
    }, TIMEOUT);

    it("aide: the commands a plain member may use", async () => {
      const r = await driver.run("aide", {});
      const text = joined(r);
      expect(text).toContain(t.fr("help.title"));
      for (const c of ["/cdce aide", "/cdce kit", "/cdce langue"]) expect(text).toContain(c);
      expect(text).not.toContain("/cdce kit ajouter");
      expect(text).not.toContain("/cdce config canal");
      if (ephemeralKnown) expect(r.ephemeral).toBe(true);
    }, TIMEOUT);

    it("kit with noise (case, spaces) gives exactly the same reply as the clean line", async () => {
      const clean = await driver.run("kit jeunes", {});
      const noisy = await driver.run("  kit    JEUNES   ", {});
      expect(lines(noisy)).toEqual(lines(clean));
      expect(noisy.buttons).toEqual(clean.buttons);
    }, TIMEOUT);

    it("an unknown command is named, with the commands that exist", async () => {
      const r = await driver.run("bidule", {});
      const text = joined(r);
      expect(text).toContain(plainText(t.fr("error.unknownCommand", { word: "bidule" })));
      expect(text).toContain("aide");
      if (ephemeralKnown) expect(r.ephemeral).toBe(true);
    }, TIMEOUT);

    it("German user: German reply and German buttons", async () => {
      const help = await driver.run("aide", { locale: "de" });
      expect(joined(help)).toContain(t.de("help.title"));
      const kits = await driver.run("kit jeunes", { locale: "de" });
      expect(joined(kits)).toMatch(messagePattern("de", "kit.results.title", ["total", "page", "pages"]));
      expect(kits.buttons).toContain(t.de("kit.more"));
    }, TIMEOUT);
  });
}
