/**
 * A link never shows one address and leads to another. Neutral Markdown keeps masked links
 * (`[label](https://…)`), and Slack and Discord both render them as the label alone: typed
 * `[https://cdce.be](https://evil.example)` in an idea would show cdce.be and open
 * evil.example. A label that reads as an address (a URL, or a domain such as `cdce.be`) must
 * be the target's own address; otherwise the label is replaced by the real target. Labels
 * that are words (`Lien 1`, `Ajouter à Google Agenda`) stay.
 *
 * Every renderer applies it to the whole reply (text written by the bot, and what people
 * typed, stored before or after this rule existed).
 */
import type { Block, Reply } from "./types.js";

/**
 * A masked link as Discord's parser reads it, the widest of the three dialects: the label may
 * hold one level of brackets, the target may sit in `<…>`, hold balanced parentheses and be
 * followed by a quoted title. Slack's renderer and the terminal read a subset of it.
 */
const MASKED_LINK = /\[((?:\[[^\]\n]*\]|[^[\]\n])+)\]\(\s*<?(https?:\/\/(?:\([^\s()]*\)|[^\s()<>])+)>?(?:\s+"[^"\n]*")?\s*\)/giu;

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** A host name with a dot and a top-level label of letters: `cdce.be`, `www.evil.example`. */
const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}[\p{L}\p{N}-]*\.?(?::\d+)?(?:[/?#]\S*)?$/u;

/** Markdown emphasis, brackets and punctuation around a word of the label (`**cdce.be**,`). */
const trimWord = (w: string) => w.replace(/^[*_~`'"«“‘([<]+/u, "").replace(/[*_~`'"»”’)\]>.,;:!?]+$/u, "");

function looksLikeAddress(word: string): boolean {
  return SCHEME.test(word) || DOMAIN.test(word);
}

const bareHost = (host: string) => host.toLowerCase().replace(/^www\./, "").replace(/\.$/, "");
const pathOf = (u: URL) => `${u.pathname.replace(/\/+$/, "")}${u.search}${u.hash}`;

/** Whether an address written in a label is the target's (host, and scheme and path when written). */
function sameAddress(word: string, target: URL): boolean {
  let shown: URL;
  try {
    shown = new URL(SCHEME.test(word) ? word : `https://${word}`);
  } catch {
    return false;
  }
  if (bareHost(shown.hostname) !== bareHost(target.hostname)) return false;
  if (SCHEME.test(word) && shown.protocol !== target.protocol) return false;
  const writtenPath = /^(?:[a-z][a-z0-9+.-]*:\/\/)?[^/?#]+[/?#]./i.test(word);
  return !writtenPath || pathOf(shown) === pathOf(target);
}

/** Neutral Markdown where every masked link whose label is another address shows its real target. */
export function revealLinkTargets(md: string): string {
  if (!md.includes("](")) return md;
  return md.replace(MASKED_LINK, (whole, label: string, rawTarget: string) => {
    let target: URL;
    try {
      target = new URL(rawTarget);
    } catch {
      return whole;
    }
    const addresses = label.split(/\s+/).map(trimWord).filter(looksLikeAddress);
    if (addresses.every((a) => sameAddress(a, target))) return whole;
    // The parsed form shows the real host (an IDN look-alike appears as its xn-- name);
    // parentheses are escaped so that every dialect ends the link where it really ends.
    const href = target.href.replace(/\(/g, "%28").replace(/\)/g, "%29");
    return `[${href}](${href})`;
  });
}

function revealBlock(b: Block): Block {
  switch (b.type) {
    case "header":
    case "context":
      return { ...b, text: revealLinkTargets(b.text) };
    case "section":
      return { ...b, text: revealLinkTargets(b.text), ...(b.fields ? { fields: b.fields.map((f) => ({ label: revealLinkTargets(f.label), value: revealLinkTargets(f.value) })) } : {}) };
    default:
      return b;
  }
}

/** The reply with {@link revealLinkTargets} applied to all its text. */
export function revealReplyLinks(reply: Reply): Reply {
  return { ...reply, text: revealLinkTargets(reply.text), blocks: reply.blocks.map(revealBlock) };
}
