/**
 * The adapter contract for the terminal: lines go through `runOnce`, as `--once` does,
 * for a local user with the `benevole` role (a plain member) in the requested language.
 * The terminal has no private replies: the `ephemeral` checks do not apply.
 */
import { runOnce, syncLocalActor } from "../../src/platforms/terminal/terminal.js";
import type { TerminalArgs } from "../../src/platforms/terminal/args.js";
import type { Locale } from "../../src/core/types.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { adapterContract, type NormalizedReply } from "./adapter-contract.js";

/** `  [1] Plus de kits  → /cdce kit jeunes page:2` */
const BUTTON = /^\s*\[\d+\] (.+?) {2}→ \/cdce /;

/** Terminal text -> normalized reply: headers `== x ==`, context `(x)`, dividers `--`. */
function normalizeTerminal(text: string): NormalizedReply {
  const texts: string[] = [];
  const buttons: string[] = [];
  for (const line of text.split("\n")) {
    const b = BUTTON.exec(line);
    if (b) buttons.push(b[1]!);
    else if (line.trim() === "--") continue;
    else texts.push(line.replace(/^== (.*) ==$/, "$1").replace(/^\s*\((.*)\)$/, "$1"));
  }
  return { texts, buttons, ephemeral: false };
}

let app: TestApp | undefined;
const synced = new Set<string>();

adapterContract({
  name: "terminal",
  capabilities: { ephemeral: false },
  async run(line, { locale = "fr" }) {
    app ??= await createTestApp();
    const args: TerminalArgs = { role: "benevole", user: `contract-${locale}`, lang: locale as Locale, terminal: true };
    if (!synced.has(args.user)) {
      await syncLocalActor(args, app.services.repos, app.services.clock());
      synced.add(args.user);
    }
    return normalizeTerminal(await runOnce(line, args, app.dispatcher));
  },
  async close() {
    await app?.close();
  },
});
