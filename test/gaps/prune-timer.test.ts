import { afterEach, describe, expect, it, vi } from 'vitest';
import { offGapStore } from '../../src/gaps/off-gap-store.js';
import { startPruning } from '../../src/gaps/prune-timer.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('startPruning', () => {
  it('prunes at each interval with the clock’s time, until stopped', () => {
    vi.useFakeTimers();
    const store = offGapStore({ code: 'disabled' });
    const prune = vi.spyOn(store, 'prune');
    const times = [new Date('2025-01-01T00:00:00Z'), new Date('2025-01-01T06:00:00Z')];
    let call = 0;
    const stop = startPruning(store, 1000, () => times[call++] ?? new Date(0));

    vi.advanceTimersByTime(999);
    expect(prune).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1001);
    expect(prune.mock.calls).toEqual([[times[0]], [times[1]]]);
    stop();
    vi.advanceTimersByTime(10_000);
    expect(prune).toHaveBeenCalledTimes(2);
  });
});
