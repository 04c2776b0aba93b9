/**
 * `npm run doctor [-- --lang de] [-- --json]`: checks everything a deployment needs and says
 * how to fix each failure, in the reader's language (--lang, else LANG, else French).
 * Exit code 0 only when nothing needed is broken; 1 otherwise. Reads only, and never
 * prints a secret (checks name variables, not their values).
 */
import { toLocale } from "./core/i18n/catalogue.js";
import { DEFAULT_LOCALE, type Locale } from "./core/types.js";
import { doctorChecks, doctorContext } from "./doctor-checks.js";
import { exitCode, renderReport, runChecks } from "./ops/doctor/report.js";

function localeOf(argv: string[], env: NodeJS.ProcessEnv): Locale {
  const i = argv.indexOf("--lang");
  const asked = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
  return toLocale(asked) ?? toLocale(env.LC_ALL) ?? toLocale(env.LANG) ?? DEFAULT_LOCALE;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const locale = localeOf(argv, process.env);
  const ctx = doctorContext(process.env, locale, new Date());
  const outcomes = (await runChecks(doctorChecks(ctx))).filter((o) => o.findings.length > 0);
  if (argv.includes("--json")) process.stdout.write(`${JSON.stringify(outcomes, null, 2)}\n`);
  else process.stdout.write(renderReport(outcomes, locale));
  return exitCode(outcomes);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`doctor: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
