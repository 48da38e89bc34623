/**
 * Decides when long work yields to the event loop: after `chunkSize` steps or {@link SLICE_MS},
 * whichever comes first. Callers write `if (slicer.due()) await slicer.pause()`: the check
 * allocates nothing, where an `await` per step allocated a promise per fact — hundreds of
 * thousands per reload, for the garbage collector to chase.
 */
export const SLICE_MS = 4;

export class Slicer {
  private started = performance.now();
  private count = 0;

  constructor(
    private readonly signal: AbortSignal | undefined,
    private readonly chunkSize: number = Number.POSITIVE_INFINITY,
  ) {}

  /** Whether the current slice is used up; throws the signal's reason once aborted. */
  due(): boolean {
    this.signal?.throwIfAborted();
    this.count++;
    // The clock is read every step: a step (analysing a fact) costs tens of microseconds, sometimes
    // a millisecond (Intl.Segmenter on a long Japanese passage), the clock call well under one.
    return this.count >= this.chunkSize || performance.now() - this.started >= SLICE_MS;
  }

  /** Yields to the event loop (`setImmediate`) and starts a new slice. */
  async pause(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.started = performance.now();
    this.count = 0;
    this.signal?.throwIfAborted();
  }
}
