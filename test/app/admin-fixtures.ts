/** Inputs of the moderator renderers (src/app/render-admin.ts), shared by their tests. */
import type { StatusView } from '../../src/app/render-admin.js';

/** A freshly loaded bot with two facts in one case, loaded at `loadedAt`: what each status test varies. */
export function freshStatus(loadedAt: Date, overrides: Partial<StatusView> = {}): StatusView {
  return {
    facts: 2,
    cases: 1,
    caseIds: ['tick-jaxa'],
    factsByCase: [{ id: 'tick-jaxa', facts: 2 }],
    version: '0.1.0',
    loadedAt,
    lastReload: null,
    reloading: false,
    semantic: { state: 'ready', facts: 2 },
    languageProblems: [],
    uptimeSeconds: 1,
    memoryMb: { rss: 1, heapUsed: 1 },
    ...overrides,
  };
}
