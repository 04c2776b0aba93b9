/**
 * Child processes for tests that need real processes (crash, replicas, lease takeover):
 * started with tsx (or plain node for built JavaScript), their stdout/stderr kept as lines, waited on with timeouts, and always
 * killed at the end (`killAll`), so that vitest exits.
 */
import { spawn, type ChildProcess } from "node:child_process";

export interface Child {
  proc: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** Resolves with the first stdout line matching, or rejects after `timeoutMs` (or on exit). */
  line(match: (line: string) => boolean, timeoutMs: number, label: string): Promise<string>;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  /** Parsed pino JSON lines of stderr whose `msg` contains `text`. */
  logs(text: string): Array<Record<string, unknown>>;
}

const running = new Set<ChildProcess>();

export function startChild(entry: string, env: Record<string, string>, args: string[] = []): Child {
  // TypeScript through tsx; plain JavaScript (the built bot, as `npm start` runs it) as is.
  const loader = entry.endsWith(".ts") ? ["--import", "tsx"] : [];
  const proc = spawn(process.execPath, [...loader, entry, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(proc);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const split = (into: string[]) => {
    let rest = "";
    return (chunk: Buffer) => {
      const lines = (rest + chunk.toString("utf8")).split("\n");
      rest = lines.pop() ?? "";
      into.push(...lines);
      proc.emit("lines");
    };
  };
  proc.stdout!.on("data", split(stdout));
  proc.stderr!.on("data", split(stderr));
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => (running.delete(proc), resolve(code))));
  return {
    proc,
    stdout,
    stderr,
    exited,
    line(match, timeoutMs, label) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = stdout.find(match);
          if (found === undefined) return false;
          cleanup();
          resolve(found);
          return true;
        };
        const onExit = () => {
          cleanup();
          reject(new Error(`child exited before ${label}; stderr:\n${stderr.slice(-20).join("\n")}`));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`child: no ${label} within ${timeoutMs} ms; stderr:\n${stderr.slice(-20).join("\n")}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          proc.off("lines", check);
          proc.off("exit", onExit);
        };
        if (check()) return;
        proc.on("lines", check);
        proc.once("exit", onExit);
      });
    },
    logs(text) {
      return stderr.flatMap((l) => {
        try {
          const o = JSON.parse(l) as Record<string, unknown>;
          return typeof o.msg === "string" && o.msg.includes(text) ? [o] : [];
        } catch {
          return [];
        }
      });
    },
  };
}

/** SIGKILLs every child still running (afterAll). */
export async function killAll(): Promise<void> {
  const all = [...running];
  for (const p of all) p.kill("SIGKILL");
  await Promise.all(all.map((p) => (p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise((r) => p.once("exit", r)))));
}

/** What a process that ran to its end printed, and how it ended. */
export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node <args>` to its end with a clean environment (PATH, HOME and `env`), feeding it
 * `input` on stdin (none by default): the terminal as a person starts it.
 */
export function runNode(args: string[], env: Record<string, string>, input = ""): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
