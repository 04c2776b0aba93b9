/**
 * A clock that can be moved: it reads a start instant plus the real time elapsed since, and
 * can be held at an instant or moved forward (the terminal's demo, `--now` and
 * `/cdce demo avancer`). It never goes back: whatever was stamped with it stays in order.
 * The real time comes in as a monotonic millisecond counter (`performance.now` in the wiring),
 * so that changing the machine's wall clock does not move it either.
 */
import type { Clock } from "../types.js";

export interface SettableClock {
  /** The current instant: the clock to inject as `services.clock`. */
  readonly now: Clock;
  /** Holds the clock at `at` (later reads return `at`) until {@link resumeAt}. */
  holdAt(at: Date): void;
  /** Lets the clock run on from `at`, with the real time elapsed from this call. */
  resumeAt(at: Date): void;
  /** Whether it is held (a demo advance in progress). */
  readonly held: boolean;
}

/** Refused move: the clock would go back. */
export class ClockBackwardsError extends Error {
  constructor(readonly from: Date, readonly to: Date) {
    super(`the clock cannot go back from ${from.toISOString()} to ${to.toISOString()}`);
  }
}

export function settableClock(start: Date, elapsedMs: () => number): SettableClock {
  let base = start.getTime();
  let realAtBase = elapsedMs();
  let heldAt: number | undefined;
  const read = (): number => heldAt ?? base + Math.max(0, elapsedMs() - realAtBase);
  const forward = (at: Date): number => {
    const current = read();
    if (at.getTime() < current) throw new ClockBackwardsError(new Date(current), at);
    return at.getTime();
  };
  return {
    now: () => new Date(read()),
    holdAt(at) {
      heldAt = forward(at);
    },
    resumeAt(at) {
      base = forward(at);
      realAtBase = elapsedMs();
      heldAt = undefined;
    },
    get held() {
      return heldAt !== undefined;
    },
  };
}
