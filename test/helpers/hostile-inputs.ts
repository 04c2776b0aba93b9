/**
 * Classes of hostile input for the fuzz test, generated from the command registry so that a
 * new command or option is covered without editing the test: every Object.prototype key in
 * every word position and option, lone surrogates, bidi overrides, masked links, numbers in
 * hex or with an exponent, and dates far ahead.
 */
import type { CommandDefinition } from "../../src/core/commands.js";
import type { IncomingCommand } from "../../src/core/types.js";

export type HostileClass = "prototype keys" | "lone surrogates" | "bidi" | "masked links" | "hex and exponent numbers" | "far dates";

export interface HostileCase {
  cls: HostileClass;
  /** The command it aims at (undefined: the command word itself is hostile). */
  command?: CommandDefinition;
  /** The option it aims at, when one. */
  option?: string;
  /** What was typed, for failure messages. */
  shown: string;
  input: Pick<IncomingCommand, "text" | "structured">;
}

/** Every own key of Object.prototype: `constructor`, `__proto__`, `toString`, `hasOwnProperty`... */
export const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype);

export const LONE_SURROGATES = ["a\uD800b", "\uDC00", "Stand \uD83D"];
export const BIDI = ["moc.\u202Elive\u202C", "\u2066x\u2069 \u202Ay\u202B"];
export const MASKED_LINKS = ["[https://cdce.be](https://evil.example/a)", "[cdce.be](<https://evil.example/b>)"];
export const ODD_NUMBERS = ["0x10", "1e3", "1E2", "0b11", "0o7", "1_0", ".5e1", "2.0", "Infinity"];
export const FAR_DATES = ["12/03/2031 14h", "3000-01-01 10:00", "1/1/9999 9h-10h", "2029-06-01 9h-12h"];

const quote = (v: string) => `"${v.replace(/"/g, "")}"`;
const text = (line: string) => ({ text: line });
const structured = (name: string, options: Record<string, unknown>) => ({ structured: { name, options } });

/** An options object whose only key is `key`, as a platform's JSON gives it (`__proto__` stays an own key). */
const ownKey = (key: string, value: string): Record<string, unknown> => JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value)}}`);

/** Positional options (filled by bare words, before the rest option) of a command. */
function positionalCount(def: CommandDefinition): number {
  const names = Object.keys(def.options);
  const rest = names.findIndex((n) => def.options[n]?.meta.rest);
  return rest === -1 ? names.length : rest + 1;
}

function* prototypeKeys(defs: readonly CommandDefinition[]): Generator<HostileCase> {
  for (const key of PROTOTYPE_KEYS) {
    yield { cls: "prototype keys", shown: key, input: text(key) };
    yield { cls: "prototype keys", shown: `${key} kit`, input: text(`${key} kit`) };
    for (const def of defs) {
      // The word in each position a bare word can take, the others filled with the same key.
      for (let n = 1; n <= Math.max(1, positionalCount(def)); n++) {
        const line = `${def.name} ${Array(n).fill(key).join(" ")}`;
        yield { cls: "prototype keys", command: def, shown: line, input: text(line) };
      }
      for (const option of Object.keys(def.options)) {
        const line = `${def.name} ${option}:${key}`;
        yield { cls: "prototype keys", command: def, option, shown: line, input: text(line) };
      }
      yield { cls: "prototype keys", command: def, shown: `${def.name} ${key}:x`, input: text(`${def.name} ${key}:x`) };
      yield { cls: "prototype keys", command: def, shown: `${def.name} {${key}: "x"}`, input: structured(def.name, ownKey(key, "x")) };
    }
  }
}

/** A value of a class in every option of every command (typed, and structured), and as a free word. */
function* valuesEverywhere(cls: HostileClass, values: readonly string[], defs: readonly CommandDefinition[]): Generator<HostileCase> {
  for (const value of values) {
    for (const def of defs) {
      yield { cls, command: def, shown: `${def.name} ${value}`, input: text(`${def.name} ${value}`) };
      for (const option of Object.keys(def.options)) {
        const line = `${def.name} ${option}:${quote(value)}`;
        yield { cls, command: def, option, shown: line, input: text(line) };
        yield { cls, command: def, option, shown: `${def.name} {${option}}`, input: structured(def.name, { [option]: value }) };
      }
    }
  }
}

function* oddNumbers(defs: readonly CommandDefinition[]): Generator<HostileCase> {
  for (const def of defs) {
    for (const [option, spec] of Object.entries(def.options)) {
      if (spec.meta.kind !== "int" && option !== "capacite") continue;
      for (const n of ODD_NUMBERS) yield { cls: "hex and exponent numbers", command: def, option, shown: `${def.name} ${option}:${n}`, input: text(`${def.name} ${option}:${n}`) };
    }
  }
}

/** Far dates in the options that take a date, on the commands that plan something. */
function* farDates(defs: readonly CommandDefinition[]): Generator<HostileCase> {
  const base: Record<string, string> = {
    "webinaire planifier": 'titre:"Loin" theme:gouvernance',
    "evenement creer": 'type:stand titre:"Loin" lieu:"Place"',
    "webinaire serie": 'titre:"Loin" theme:gouvernance',
  };
  for (const def of defs) {
    if (!Object.hasOwn(base, def.name) || !Object.hasOwn(def.options, "debut")) continue;
    for (const when of FAR_DATES) {
      const line = `${def.name} ${base[def.name]} debut:${quote(when)}`;
      yield { cls: "far dates", command: def, option: "debut", shown: line, input: text(line) };
    }
  }
}

/** Every hostile case, class by class. */
export function* hostileCases(defs: readonly CommandDefinition[]): Generator<HostileCase> {
  yield* prototypeKeys(defs);
  yield* valuesEverywhere("lone surrogates", LONE_SURROGATES, defs);
  yield* valuesEverywhere("bidi", BIDI, defs);
  yield* valuesEverywhere("masked links", MASKED_LINKS, defs);
  yield* oddNumbers(defs);
  yield* farDates(defs);
}
