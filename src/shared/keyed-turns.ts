/**
 * Runs work one at a time per key, in the order it was asked for; different keys run side by side. A
 * key is forgotten once its last work has settled, so the map holds only keys with work under way.
 */
export class KeyedTurns {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(work);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, settled);
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work under way or waiting. */
  get size(): number {
    return this.tails.size;
  }
}
