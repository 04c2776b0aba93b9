/**
 * Polls open to citizens on the public pages: their address there, the QR code for posters,
 * the answer of someone without an account, and the results as CSV for the CoPil.
 */
import type { Services } from "../../core/commands.js";
import { CdceError } from "../../core/errors.js";
import type { ReplyFile } from "../../core/types.js";
import type { Poll, Tally } from "./ports.js";
import { isOpen } from "./render.js";

/** `https://ville.example/s/<id>` (base without trailing slash). */
export const publicPollUrl = (base: string, pollId: string) => `${base}/s/${encodeURIComponent(pollId)}`;

/** The QR code of a link, as a PNG file for a poster (qrcode is loaded on the first one only). */
export async function qrPngFile(url: string, name: string): Promise<ReplyFile> {
  const { default: QRCode } = await import("qrcode");
  const data = await QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 512 });
  return { name, contentType: "image/png", data: new Uint8Array(data) };
}

/** One answer from the public pages; refuses a closed or private poll and a choice out of range. */
export async function answerPublicPoll(services: Services, pollId: string, choice: number): Promise<Poll> {
  const poll = await services.community.polls.get(pollId);
  const now = services.clock();
  if (!poll || !poll.isPublic) throw new CdceError("poll.not_found", "poll.error.notFound", { ref: "?" });
  if (!isOpen(poll, now)) throw new CdceError("poll.closed", "poll.error.closed", { question: poll.question.slice(0, 80) });
  if (!Number.isInteger(choice) || choice < 0 || choice >= poll.choices.length) throw new CdceError("poll.bad_choice", "poll.error.badChoice", { max: poll.choices.length });
  await services.community.polls.addAnonymousVote(poll.id, choice, now);
  return poll;
}

/** A cell that a spreadsheet will not read as a formula (=, +, -, @ first), quoted as RFC 4180 asks. */
function cell(value: string | number): string {
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The results as CSV: one line per choice (number, label, votes, percent), then the total. */
export function resultsCsv(poll: Poll, tally: Tally, headers: { choice: string; label: string; votes: string; percent: string; total: string }): string {
  const lines = [[headers.choice, headers.label, headers.votes, headers.percent].map(cell).join(",")];
  poll.choices.forEach((label, i) => {
    const n = tally.counts[i] ?? 0;
    lines.push([i + 1, label, n, tally.total ? Math.round((n / tally.total) * 1000) / 10 : 0].map(cell).join(","));
  });
  lines.push([cell(headers.total), "", tally.total, 100].join(","));
  return `${lines.join("\r\n")}\r\n`;
}
