/**
 * npm 11 warns about every dependency whose install scripts `package.json` has not decided on
 * (`allowScripts`), and says it will block them. Every such dependency in the lockfile must be
 * decided, so `npm ci` stays quiet and behaves the same on every npm version (README, Quick start).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const ROOT = new URL('../../', import.meta.url);

const lockfile = z.object({
  packages: z.record(z.string(), z.object({ hasInstallScript: z.boolean().optional() })),
});
const manifest = z.object({ allowScripts: z.record(z.string(), z.boolean()).optional() });

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, ROOT), 'utf8'));
}

describe('install scripts of dependencies', () => {
  it('are each approved or denied in package.json allowScripts', () => {
    const withScripts = Object.entries(lockfile.parse(readJson('package-lock.json')).packages)
      .filter(([, entry]) => entry.hasInstallScript === true)
      .map(([location]) => location.replace(/^.*node_modules\//, ''));
    expect(withScripts).toContain('esbuild');
    const decided = Object.keys(manifest.parse(readJson('package.json')).allowScripts ?? {});
    for (const name of withScripts) expect(decided, `${name} has install scripts`).toContain(name);
  });
});
