/**
 * A form on the prompt: each field asked in turn, then submitted like a modal would be.
 * A line that starts with `/cdce` is a command, not an answer (someone who forgot the form
 * was open): the form is left and that command is run instead.
 */
import type { Form } from "../../core/types.js";

/** Prints a question and reads the answer; null once the input has closed. */
export type Ask = (question: string) => Promise<string | null>;

/** How a form on the prompt ended: answered, left for a command typed instead, or input closed. */
export type FormOutcome = { options: Record<string, unknown> } | { leaveFor: string } | { closed: true };

export async function fillForm(form: Form, ask: Ask): Promise<FormOutcome> {
  const options: Record<string, unknown> = {};
  for (const f of form.fields) {
    const raw = await ask(`${f.label}${f.required ? " *" : ""} : `);
    if (raw === null) return { closed: true };
    const answer = raw.trim();
    if (/^\/cdce\b/i.test(answer)) return { leaveFor: answer };
    if (answer) options[f.name] = answer;
  }
  return { options };
}
