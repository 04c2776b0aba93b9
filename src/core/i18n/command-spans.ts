/**
 * Commands quoted in messages, in the reader's words. A message may quote a command the way
 * French writes it (`/cdce config canal commune Eupen`); a German reader must read the words
 * they type (`/cdce konfig kanal commune Eupen`). The catalogue rewrites every `/cdce …` code
 * span of the de, nl and en messages from the commands' own words when it loads, so one source
 * (each command's `words` and `optionWords`) decides, for the messages written today and for
 * those added later.
 *
 * Only the words that name the command and its options are rewritten: values (commune names,
 * `copil`, dates, quoted text, `{placeholders}`) stay as written, as does everything outside
 * the code spans. A span whose head names no command is left as it is (a test lists those).
 */
import type { CommandDefinition } from "../commands.js";
import { commandWords, optionAliases, optionWord } from "../command-words.js";
import { fold } from "../fold.js";
import type { Locale } from "../types.js";

/** Finds a command by any of its words in any language (the command registry does). */
export interface CommandLookup {
  get(words: string): CommandDefinition | undefined;
}

/** A code span that quotes a command line: `` `/cdce kit jeunes` ``. */
const SPAN = /`\/cdce ([^`\n]+)`/g;

/** `name:value` or `name=value`, as the parser reads an option (src/core/parse-line.ts). */
const OPTION = /^([\p{L}_-]+)([:=])(.*)$/su;

const QUOTES = new Map([['"', '"'], ["“", "”"], ["«", "»"]]);

/**
 * The line cut into words and the spaces between them (joined back, they give the line).
 * A quoted part ("Vorname Name") and an ICU argument (`{count, plural, …}`) stay one word.
 */
function pieces(line: string): string[] {
  const out: string[] = [];
  let current = "";
  let space = false;
  let quote: string | null = null;
  let depth = 0;
  for (const ch of line) {
    const blank = /\s/.test(ch) && quote === null && depth === 0;
    if (blank !== space && current !== "") {
      out.push(current);
      current = "";
    }
    space = blank;
    current += ch;
    if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (QUOTES.has(ch)) quote = QUOTES.get(ch) ?? null;
    else if (ch === "{") depth++;
    else if (ch === "}" && depth > 0) depth--;
  }
  if (current !== "") out.push(current);
  return out;
}

const isWord = (piece: string) => !/^\s/.test(piece);

/** A word that may name a command: no placeholder, no quote. */
const plain = (word: string | undefined) => word !== undefined && !/[{}<>"“«]/.test(word);

/** One command line (what follows `/cdce `) in the words of `locale`. */
export function localizeCommandLine(line: string, locale: Locale, commands: CommandLookup): string {
  const all = pieces(line);
  const words = all.map((p, i) => ({ p, i })).filter(({ p }) => isWord(p));
  const [first, second] = words;
  if (!first || !plain(first.p)) return line;
  // Two words first, as the parser reads a line (`webinaire rejoindre` before `webinaire`).
  let def = second && plain(second.p) ? commands.get(`${first.p} ${second.p}`) : undefined;
  const headEnd = def ? second!.i : first.i;
  def ??= commands.get(first.p);
  if (!def) return line;
  const out = [...all];
  out[first.i] = commandWords(def, locale);
  for (let i = first.i + 1; i <= headEnd; i++) out[i] = "";
  const aliases = optionAliases(def);
  const free: number[] = [];
  let options = 0;
  for (const { p, i } of words) {
    if (i <= headEnd) continue;
    const m = OPTION.exec(p);
    const option = m ? aliases.get(fold(m[1]!)) : undefined;
    if (m && option) out[i] = `${optionWord(def, option, locale)}${m[2]}${m[3]}`;
    if (m) options++;
    else free.push(i);
  }
  // `aide commune modifier`: the free words name a command, shown in the reader's words too.
  const named = Object.values(def.options).some((o) => o.meta.namesCommand);
  // Only a line of nothing else: the words then go to that one option, as the parser reads it.
  if (named && options === 0 && free.length > 0 && free.every((i) => plain(all[i]))) {
    const target = commands.get(free.map((i) => all[i]).join(" "));
    if (target) {
      out[free[0]!] = commandWords(target, locale);
      for (let i = free[0]! + 1; i <= free[free.length - 1]!; i++) out[i] = "";
    }
  }
  return out.join("");
}

/** Every `/cdce …` code span of a message in the words of `locale`; the rest as written. */
export function localizeCommandSpans(text: string, locale: Locale, commands: CommandLookup): string {
  if (!text.includes("`/cdce ")) return text;
  return text.replace(SPAN, (span, line: string) => {
    const localized = localizeCommandLine(line, locale, commands);
    return localized === line ? span : `\`/cdce ${localized}\``;
  });
}
