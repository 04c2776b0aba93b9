/**
 * The answers an adapter still owes: each command or click is acked at once and its work
 * continues here. A clean stop, and tests that read a whole reply, wait until none is left.
 */
export class InFlight {
  private readonly work = new Set<Promise<unknown>>();

  /** Keeps `work` until it settles; returns it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.work.add(work);
    const forget = () => void this.work.delete(work);
    work.then(forget, forget);
    return work;
  }

  get size(): number {
    return this.work.size;
  }

  /** Waits for the work in flight, including work that starts meanwhile (hence the loop); false on timeout. */
  async whenIdle(timeoutMs = 10_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.work.size && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((resolve) => (timer = setTimeout(resolve, deadline - Date.now())));
      await Promise.race([Promise.allSettled([...this.work]), timeout]);
      clearTimeout(timer);
    }
    return this.work.size === 0;
  }
}
