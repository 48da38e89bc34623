import { describe, expect, it } from 'vitest';
import { probeBlocking } from '../../src/bench/probe.js';

function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // Busy-wait: the block being measured.
  }
}

describe('probeBlocking', () => {
  it('reports the longest synchronous stretch inside async work', async () => {
    const { result, maxBlockMs, ms } = await probeBlocking(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      spin(60);
      await new Promise((resolve) => setTimeout(resolve, 5));
      spin(10);
      return 'done';
    });
    expect(result).toBe('done');
    expect(maxBlockMs).toBeGreaterThanOrEqual(55);
    expect(ms).toBeGreaterThanOrEqual(70);
  });

  it('catches a block at the very end of the work', async () => {
    const { maxBlockMs } = await probeBlocking(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      spin(40);
    });
    expect(maxBlockMs).toBeGreaterThanOrEqual(35);
  });
});
