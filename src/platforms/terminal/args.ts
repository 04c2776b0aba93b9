/** Command-line flags of the terminal mode: who you are, and one-shot lines. */
import { parseArgs } from "node:util";
import { LOCALES, ROLES, type Locale, type Role } from "../../core/types.js";
import { parseDemoNow } from "./demo-now.js";

export interface TerminalArgs {
  role: Role;
  commune?: string;
  lang?: Locale;
  user: string;
  once?: string;
  /** Force the terminal even when platform tokens are set. */
  terminal: boolean;
  /** `--now`: the instant the demo clock starts at (terminal demo only, see demo-now.ts). */
  now?: Date;
}

export function parseTerminalArgs(argv: string[]): TerminalArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: "string", default: "coordination" },
      commune: { type: "string" },
      lang: { type: "string" },
      user: { type: "string", default: "local" },
      once: { type: "string" },
      terminal: { type: "boolean", default: false },
      now: { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
  const role = values.role as Role;
  if (!ROLES.includes(role)) throw new Error(`--role must be one of: ${ROLES.join(", ")}`);
  const lang = values.lang as Locale | undefined;
  if (lang && !LOCALES.includes(lang)) throw new Error(`--lang must be one of: ${LOCALES.join(", ")}`);
  const now = values.now === undefined ? undefined : parseDemoNow(values.now);
  return { role, commune: values.commune, lang, user: values.user ?? "local", once: values.once, terminal: !!values.terminal, now };
}
