/**
 * Files attached to a reply (a map, an export), in the terminal: written under
 * `./data/exports/` with a time stamp in the name (nothing is overwritten), and shown as one
 * line per file with its path.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Reply } from "../../core/types.js";

/** Default folder, relative to the working directory (beside the SQLite file). */
export const EXPORT_DIR = path.join("data", "exports");

/** Keeps a file name to letters, digits, dot, dash and underscore: no path tricks. */
function safeName(name: string): string {
  const base = path.basename(name).replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^[.-]+/, "");
  return base || "fichier";
}

/** Writes the reply's files; returns the lines to print (`📎 data/exports/…`). */
export async function saveReplyFiles(reply: Reply, dir = EXPORT_DIR, now = new Date()): Promise<string[]> {
  if (!reply.files?.length) return [];
  await mkdir(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "").replace("T", "-");
  const lines: string[] = [];
  for (const f of reply.files) {
    const target = path.join(dir, `${stamp}-${safeName(f.name)}`);
    await writeFile(target, typeof f.data === "string" ? f.data : Buffer.from(f.data));
    lines.push(`📎 ${target}`);
  }
  return lines;
}
