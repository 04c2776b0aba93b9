/**
 * The words people use for days, in French, German, Dutch and English: month and weekday
 * names, ordinals ("premier", "letzter", "laatste", "last"), and the words that push a
 * weekday forward ("prochain", "kommenden", "aanstaande", "next") or back ("dernier",
 * "letzten", "vorige", "last"). Input is already lower case (normalizeInput); accented and
 * plain spellings are both listed because people type both.
 */

const MONTH_WORDS: Record<number, string[]> = {
  1: ["janvier", "janv", "januar", "jänner", "jaenner", "januari", "january", "jan"],
  2: ["février", "fevrier", "févr", "fevr", "februar", "februari", "february", "feb", "febr"],
  3: ["mars", "märz", "maerz", "marz", "mär", "maart", "mrt", "march", "mar"],
  4: ["avril", "avr", "april", "apr"],
  5: ["mai", "mei", "may"],
  6: ["juin", "juni", "june", "jun"],
  7: ["juillet", "juil", "juli", "july", "jul"],
  8: ["août", "aout", "august", "augustus", "aug"],
  9: ["septembre", "september", "sept", "sep"],
  10: ["octobre", "oktober", "october", "oct", "okt"],
  11: ["novembre", "november", "nov"],
  12: ["décembre", "decembre", "déc", "dec", "dezember", "dez", "december"],
};

/** Weekdays as luxon numbers them: 1 = Monday ... 7 = Sunday. */
const WEEKDAY_WORDS: Record<number, string[]> = {
  1: ["lundi", "montag", "maandag", "monday", "lun", "mo", "ma", "mon"],
  2: ["mardi", "dienstag", "dinsdag", "tuesday", "di", "tue", "tues"],
  3: ["mercredi", "mittwoch", "woensdag", "wednesday", "mer", "mi", "wo", "wed"],
  4: ["jeudi", "donnerstag", "donderdag", "thursday", "jeu", "do", "thu", "thur", "thurs"],
  5: ["vendredi", "freitag", "vrijdag", "friday", "ven", "fr", "vr", "fri"],
  6: ["samedi", "samstag", "sonnabend", "zaterdag", "saturday", "sam", "sa", "za", "sat"],
  7: ["dimanche", "sonntag", "zondag", "sunday", "dim", "so", "zo", "sun"],
};
// ("mar" is March before it is mardi: "mar 12" reads as 12 March.)

/** 1..4 for "the first...fourth", -1 for "the last". */
const ORDINAL_WORDS: Record<number, string[]> = {
  1: ["premier", "première", "premiere", "1er", "1re", "erster", "ersten", "erste", "1.", "eerste", "first", "1st"],
  2: ["deuxième", "deuxieme", "second", "seconde", "2e", "2ème", "zweiter", "zweiten", "zweite", "2.", "tweede", "2nd"],
  3: ["troisième", "troisieme", "3e", "3ème", "dritter", "dritten", "dritte", "3.", "derde", "third", "3rd"],
  4: ["quatrième", "quatrieme", "4e", "4ème", "vierter", "vierten", "vierte", "4.", "vierde", "fourth", "4th"],
  [-1]: ["dernier", "dernière", "derniere", "letzter", "letzten", "letzte", "laatste", "last"],
};

/** Before or after a weekday: the next one to come. */
const NEXT_WORDS = [
  "prochain", "prochaine", "qui vient",
  "nächsten", "nächster", "nächste", "naechsten", "naechste", "kommenden", "kommender", "kommende",
  "volgende", "aanstaande", "komende",
  "next", "coming", "this coming",
];

/** "ce mardi", "diesen Dienstag", "deze dinsdag", "this Tuesday": the next one, or today's (then asked). */
const THIS_WORDS = ["ce", "diesen", "dieser", "diese", "deze", "this"];

/** Before or after a weekday: the one that has gone. */
const PAST_WORDS = [
  "dernier", "dernière", "derniere", "passé", "passe",
  "letzten", "letzter", "letzte", "vergangenen", "vergangener", "vorigen", "voriger", "vorige",
  "afgelopen", "vorige", "jongstleden", "laatste",
  "last", "past", "previous",
];

/** An alternation of the words, longest first so that "mars" wins over "mar". */
function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}

function lookup(table: Record<number, string[]>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [n, words] of Object.entries(table)) for (const w of words) map.set(w, Number(n));
  return map;
}

// Letters of the four languages count as word characters, so `\b` would cut "märz" badly:
// these guards stand for a word boundary that knows accented letters.
export const WORD_START = "(?<![\\p{L}\\d])";
export const WORD_END = "(?![\\p{L}\\d])";

export const MONTH_RE = `(${alternation(Object.values(MONTH_WORDS).flat())})\\.?`;
export const WEEKDAY_RE = `(${alternation(Object.values(WEEKDAY_WORDS).flat())})\\.?`;
export const ORDINAL_RE = `(${alternation(Object.values(ORDINAL_WORDS).flat())})`;
export const NEXT_RE = `(${alternation(NEXT_WORDS)})`;
export const THIS_RE = `(${alternation(THIS_WORDS)})`;
export const PAST_RE = `(${alternation(PAST_WORDS)})`;

const MONTHS = lookup(MONTH_WORDS);
const WEEKDAYS = lookup(WEEKDAY_WORDS);
const ORDINALS = lookup(ORDINAL_WORDS);

export const monthOf = (word: string): number | undefined => MONTHS.get(word.replace(/\.$/, ""));
export const weekdayOf = (word: string): number | undefined => WEEKDAYS.get(word.replace(/\.$/, ""));
export const ordinalOf = (word: string): number | undefined => ORDINALS.get(word);
