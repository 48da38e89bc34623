/** Polls `check` every 20 ms until it is true; fails after `timeoutMs` naming `what`. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A logger that keeps its lines, for assertions on what was logged and how often. */
export function recordingLog() {
  const lines: { level: 'info' | 'warn' | 'error'; obj: object; msg: string }[] = [];
  return {
    lines,
    info: (obj: object, msg?: string) => void lines.push({ level: 'info', obj, msg: msg ?? '' }),
    warn: (obj: object, msg?: string) => void lines.push({ level: 'warn', obj, msg: msg ?? '' }),
    error: (obj: object, msg?: string) => void lines.push({ level: 'error', obj, msg: msg ?? '' }),
  };
}
