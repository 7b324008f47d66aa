/** At most `limit` callers run at once; the others wait their turn in order. */
export class Permits {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The permit passes straight to the next caller, so `running` stays the same.
      if (next) next();
      else this.running--;
    }
  }
}
