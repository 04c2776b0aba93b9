/**
 * The files of a chat-input command's attachment options. Discord uploads the file to its
 * CDN when the person sends the command and gives the interaction its resolved attachment
 * (name, size, content type, url); the bot downloads it from that url (no token needed) and
 * hands it to the core as `IncomingCommand.files`. The size Discord states is checked before
 * downloading, and the body is read with the same cap (a size that lied is not trusted).
 */
import type { IncomingFile } from "../../core/types.js";

/** A kit catalogue is a few hundred kB; more is a mistake, refused before it is read. */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
/** Discord's CDN answers in well under a second; a stuck download must not hold the reply. */
const DOWNLOAD_TIMEOUT_MS = 15_000;

/** What discord.js gives for a resolved attachment (only what is read here). */
export interface AttachmentRef {
  name: string;
  url: string;
  size: number;
  contentType?: string | null;
}

export type Downloaded = { files: IncomingFile[] } | { refused: "tooLarge"; file: string; size: number } | { refused: "failed"; file: string };

/** Downloads every attachment, or says which one could not be. Never throws. */
export async function downloadAttachments(attachments: readonly AttachmentRef[], maxBytes = MAX_ATTACHMENT_BYTES): Promise<Downloaded> {
  const files: IncomingFile[] = [];
  for (const a of attachments) {
    if (a.size > maxBytes) return { refused: "tooLarge", file: a.name, size: a.size };
    const data = await readCapped(a.url, maxBytes);
    if (data === "tooLarge") return { refused: "tooLarge", file: a.name, size: maxBytes + 1 };
    if (!data) return { refused: "failed", file: a.name };
    files.push({ name: a.name, ...(a.contentType ? { contentType: a.contentType } : {}), data });
  }
  return { files };
}

async function readCapped(url: string, maxBytes: number): Promise<Uint8Array | "tooLarge" | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!res.ok || !res.body) return undefined;
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > maxBytes) return "tooLarge";
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  } catch {
    return undefined;
  }
}
