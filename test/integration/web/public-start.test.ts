/**
 * `npm start` without any chat token (the terminal) serves the public pages too when
 * PUBLIC_PORT is set, on HOST, and stops them with the terminal; the chat links name
 * PUBLIC_URL. Without PUBLIC_PORT nothing listens for them.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../helpers/local-services.js";

const dir = mkdtempSync(join(tmpdir(), "cdce-public-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function get(url: string): Promise<{ status: number; body: string } | null> {
  try {
    const r = await fetch(url);
    return { status: r.status, body: await r.text() };
  } catch {
    return null;
  }
}

describe("the public pages in the terminal mode", () => {
  it("listen on PUBLIC_PORT at HOST beside the terminal, and stop with it", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: `file:${join(dir, "bot.db")}`, PUBLIC_PORT: String(port), PUBLIC_URL: "https://cdce.example.be/", HOST: "127.0.0.1", LOG_LEVEL: "warn" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    try {
      let page: Awaited<ReturnType<typeof get>> = null;
      for (let i = 0; i < 120 && !page; i++) {
        page = await get(`http://127.0.0.1:${port}/c/namur?lang=en`);
        if (!page) await new Promise((r) => setTimeout(r, 500));
      }
      expect(page, stderr).not.toBeNull();
      expect(page!.status).toBe(200);
      expect(page!.body).toContain('<html lang="en">');
      // The poster QR code and nothing of the ops endpoints.
      expect((await get(`http://127.0.0.1:${port}/c/namur/qr.svg`))!.body).toContain("<svg");
      expect((await get(`http://127.0.0.1:${port}/healthz`))!.status).toBe(404);
    } finally {
      child.stdin.end();
      const code = await Promise.race([exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 30_000))]);
      if (code === "timeout") child.kill("SIGKILL");
      expect(code).toBe(0);
    }
    expect(await get(`http://127.0.0.1:${port}/`)).toBeNull();
  }, 120_000);
});
