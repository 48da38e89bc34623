/** Gap store files in temporary folders for the app tests: each store closed and its folder removed after its test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { GapStore } from '../../src/gaps/types.js';

/**
 * Call once at the top level of a test file: it registers the cleanup.
 *
 * @example
 * const gapFiles = tempGapStores('casebot-locale-');
 * const store = gapFiles.keep(openGapStore(gapFiles.file(), { retentionDays: 90 }));
 */
export function tempGapStores(prefix: string): { file(): string; keep<T extends GapStore>(store: T): T } {
  const stores: GapStore[] = [];
  const dirs: string[] = [];
  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return {
    /** A fresh gaps file path, in a folder of its own. */
    file() {
      const dir = mkdtempSync(path.join(tmpdir(), prefix));
      dirs.push(dir);
      return path.join(dir, 'gaps.sqlite');
    },
    /** Closes `store` after the test. */
    keep(store) {
      stores.push(store);
      return store;
    },
  };
}
