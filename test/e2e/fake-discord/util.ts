/** Small helpers shared by the fake's REST and gateway halves. */
import { EventEmitter, once } from 'node:events';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isRecordArray(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.every(isRecord);
}

export function stringField(value: Record<string, unknown> | undefined, key: string): string | undefined {
  const field = value?.[key];
  return typeof field === 'string' ? field : undefined;
}

export function numberField(value: Record<string, unknown> | undefined, key: string): number | undefined {
  const field = value?.[key];
  return typeof field === 'number' ? field : undefined;
}

/**
 * Resolves with the first non-undefined result of `check`, re-checking whenever `emitter` emits `event`;
 * rejects after `timeoutMs` with `describe()` in the message.
 */
export async function waitUntil<T>(
  emitter: EventEmitter,
  event: string,
  check: () => T | undefined,
  timeoutMs: number,
  describe: () => string,
): Promise<T> {
  const first = check();
  if (first !== undefined) return first;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    for (;;) {
      try {
        await once(emitter, event, { signal: controller.signal });
      } catch {
        throw new Error(`fake-discord: timed out after ${timeoutMs} ms waiting for ${describe()}`);
      }
      const found = check();
      if (found !== undefined) return found;
    }
  } finally {
    clearTimeout(timer);
  }
}
