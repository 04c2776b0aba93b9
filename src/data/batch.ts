/**
 * Gathers calls made within a few milliseconds into one database statement. The outbox
 * records every post twice (before: `sending`; after: `sent`); when a reminder goes to many
 * channels at once, hundreds of such updates come in the same instant and, one statement
 * each, queue behind each other on the connection: gathered, they cost a few statements.
 */
export class MicroBatch<T, R> {
  private items: Array<{ item: T; resolve(r: R): void; reject(e: unknown): void }> = [];
  private timer: NodeJS.Timeout | undefined;

  /**
   * @param run writes the items in one go and tells each item's result.
   * @param o.delayMs how long the first item of a batch waits for others.
   * @param o.maxSize a batch this big is written at once.
   */
  constructor(
    private readonly run: (items: T[]) => Promise<(item: T) => R>,
    private readonly o: { delayMs: number; maxSize: number },
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.items.push({ item, resolve, reject });
      if (this.items.length >= this.o.maxSize) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.o.delayMs);
    });
  }

  /** Writes what is waiting now. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.items;
    this.items = [];
    if (batch.length === 0) return;
    try {
      const result = await this.run(batch.map((b) => b.item));
      for (const b of batch) b.resolve(result(b.item));
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  }
}
