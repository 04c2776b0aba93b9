/**
 * What a citizen typed, made safe to keep: plain text only (tags removed, then any angle
 * bracket left), no control characters, Unicode normalised, mass mentions defused, spaces
 * trimmed. Whatever a form sends that is not one string (an array from a repeated field, an
 * object) is not a value.
 */
export function oneString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function plainText(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<\/?[a-z!?/][^>]*>?/gi, " ")
    .replace(/[<>]/g, " ")
    .replace(/\r\n?/g, "\n")
    // C0/C1 controls, bidi overrides and zero-width characters, except the line feed and the tab.
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    .replace(/@(everyone|here|channel)\b/gi, "@\u2060$1")
    .replace(/[ \t]+/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
