/**
 * Files a person gave in a modal's file input: Slack keeps them and sends their ids. The bot
 * reads each one's details with files.info (scope `files:read`), checks the size Slack states,
 * then downloads `url_private_download` with its bot token in the Authorization header (a
 * private url without the token answers Slack's sign-in page, never the file). The body is read
 * under the same cap. Never throws: a refusal names the file, for a message in the user's language.
 */
import type { webApi } from "@slack/bolt";
import type { IncomingFile } from "../../core/types.js";

/** A kit catalogue is a few hundred kB; more is a mistake, refused before it is read. */
export const MAX_SLACK_FILE_BYTES = 2 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 15_000;

export type SlackDownload = { files: IncomingFile[] } | { refused: "tooLarge"; file: string; size: number } | { refused: "failed"; file: string; reason: string };

export async function downloadSlackFiles(client: webApi.WebClient, token: string, given: ReadonlyArray<{ id: string; name?: string }>, maxBytes = MAX_SLACK_FILE_BYTES): Promise<SlackDownload> {
  const files: IncomingFile[] = [];
  for (const { id, name: shown } of given) {
    let info: { name?: string; size?: number; mimetype?: string; url_private_download?: string; url_private?: string } | undefined;
    try {
      info = (await client.files.info({ file: id })).file;
    } catch (err) {
      return { refused: "failed", file: shown ?? id, reason: `files.info: ${(err as { data?: { error?: string } }).data?.error ?? (err as Error).message}` };
    }
    const name = info?.name ?? shown ?? id;
    const url = info?.url_private_download ?? info?.url_private;
    if (!url) return { refused: "failed", file: name, reason: "no download url" };
    if ((info?.size ?? 0) > maxBytes) return { refused: "tooLarge", file: name, size: info!.size! };
    const data = await readCapped(url, token, maxBytes);
    if (data === "tooLarge") return { refused: "tooLarge", file: name, size: maxBytes + 1 };
    if (typeof data === "string") return { refused: "failed", file: name, reason: data };
    files.push({ name, ...(info?.mimetype ? { contentType: info.mimetype } : {}), data });
  }
  return { files };
}

async function readCapped(url: string, token: string, maxBytes: number): Promise<Uint8Array | "tooLarge" | string> {
  try {
    // No redirect followed: without a valid token Slack redirects to its sign-in page.
    const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, redirect: "manual", signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (res.status !== 200 || !res.body) return `download answered ${res.status}`;
    if ((res.headers.get("content-type") ?? "").startsWith("text/html")) return "download answered a web page, not the file";
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > maxBytes) return "tooLarge";
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  } catch (err) {
    return `download failed: ${(err as Error).name}`;
  }
}
