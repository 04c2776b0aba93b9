/**
 * Files attached to a reply (a map, an export), in the terminal: written under
 * `./data/exports/<user>/` with a time stamp in the name (nothing is overwritten), and shown
 * as one line per file with its path. One folder per local user, so that erasing a person's
 * data (`/cdce moi supprimer`) deletes the files written for them too.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Reply } from "../../core/types.js";

/** Default folder, relative to the working directory (beside the SQLite file). */
export const EXPORT_DIR = path.join("data", "exports");

/** Keeps a file name to letters, digits, dot, dash and underscore: no path tricks. */
function safeName(name: string): string {
  const base = path.basename(name).replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^[.-]+/, "");
  return base || "fichier";
}

/** The folder of one local user's files. */
export function userExportDir(user: string, dir = EXPORT_DIR): string {
  return path.join(dir, safeName(user));
}

/** Writes the reply's files for `user`; returns the lines to print (`📎 data/exports/local/…`). */
export async function saveReplyFiles(reply: Reply, user: string, dir = EXPORT_DIR, now = new Date()): Promise<string[]> {
  if (!reply.files?.length) return [];
  const folder = userExportDir(user, dir);
  await mkdir(folder, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "").replace("T", "-");
  const lines: string[] = [];
  for (const f of reply.files) {
    const target = path.join(folder, `${stamp}-${safeName(f.name)}`);
    await writeFile(target, typeof f.data === "string" ? f.data : Buffer.from(f.data));
    lines.push(`📎 ${target}`);
  }
  return lines;
}

/**
 * Writes the reply's files, or, when the reply says the caller's data was just erased,
 * deletes every file written for them.
 */
export async function keepReplyFiles(reply: Reply, user: string, dir = EXPORT_DIR): Promise<string[]> {
  if (reply.callerErased) {
    await rm(userExportDir(user, dir), { recursive: true, force: true });
    return [];
  }
  return saveReplyFiles(reply, user, dir);
}
