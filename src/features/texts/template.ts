/**
 * The small template language of the ready-to-send texts. A text is lines; a line is either
 * a template or parts joined by a separator (only the parts present). In a template,
 * `{name}` is a fact and `[ … ]` an optional group. A group with a fact missing is left out
 * whole; a line with a fact missing outside any group is left out whole; a joined line keeps
 * the parts that are complete. So a missing fact never leaves words dangling ("avec .",
 * "depuis ,"), and nothing but the stored facts and the template's own words is written.
 */

/** The facts a text may use, already worded (a date formatted, a list joined). */
export type Facts = Partial<Record<FactName, string>>;
export const FACT_NAMES = ["commune", "title", "description", "since", "date", "time", "place", "partners", "link"] as const;
export type FactName = (typeof FACT_NAMES)[number];

export type Line = string | { join: string; parts: string[] };

/** A piece of output: template words, or a fact (what the tests check against the stored data). */
export interface Segment {
  text: string;
  fact?: FactName;
}

type Token = { literal: string } | { fact: FactName } | { group: Token[] };

const FACT = /^\{(\w+)\}/;

function parse(template: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let literal = "";
  const flush = () => {
    if (literal) out.push({ literal });
    literal = "";
  };
  while (i < template.length) {
    const rest = template.slice(i);
    const fact = FACT.exec(rest);
    if (fact) {
      if (!(FACT_NAMES as readonly string[]).includes(fact[1]!)) throw new Error(`unknown fact {${fact[1]}} in template "${template}"`);
      flush();
      out.push({ fact: fact[1] as FactName });
      i += fact[0].length;
    } else if (rest[0] === "[") {
      const end = rest.indexOf("]");
      if (end < 0) throw new Error(`unclosed [ in template "${template}"`);
      flush();
      out.push({ group: parse(rest.slice(1, end)) });
      i += end + 1;
    } else {
      literal += rest[0];
      i += 1;
    }
  }
  flush();
  return out;
}

const present = (facts: Facts, name: FactName) => (facts[name] ?? "").trim() !== "";

/** The segments of one template, or null when a fact it needs (outside groups) is missing. */
function renderTemplate(template: string, facts: Facts): Segment[] | null {
  const walk = (tokens: Token[]): Segment[] | null => {
    const out: Segment[] = [];
    for (const t of tokens) {
      if ("literal" in t) out.push({ text: t.literal });
      else if ("fact" in t) {
        if (!present(facts, t.fact)) return null;
        out.push({ text: facts[t.fact]!.trim(), fact: t.fact });
      } else {
        const inner = walk(t.group);
        if (inner) out.push(...inner);
      }
    }
    return out;
  };
  return walk(parse(template));
}

/** The lines of a text rendered with these facts: lines that lost a needed fact are gone. */
export function renderLines(lines: readonly Line[], facts: Facts): Segment[][] {
  const out: Segment[][] = [];
  for (const line of lines) {
    if (typeof line === "string") {
      const segs = renderTemplate(line, facts);
      if (segs && segs.some((s) => s.text.trim())) out.push(segs);
      continue;
    }
    const parts = line.parts.map((p) => renderTemplate(p, facts)).filter((s): s is Segment[] => !!s && s.some((x) => x.text.trim()));
    if (parts.length === 0) continue;
    const joined: Segment[] = [];
    parts.forEach((p, n) => {
      if (n > 0) joined.push({ text: line.join });
      joined.push(...p);
    });
    out.push(joined);
  }
  return out;
}

/** Segments as text, one line each ("" lines kept as paragraph breaks by the templates). */
export function textOf(lines: readonly Segment[][]): string {
  return lines.map((l) => l.map((s) => s.text).join("")).join("\n");
}
