import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = path.join(import.meta.dirname, '../..');
const fixture = path.join(repo, 'test/fixtures/facts/source-not-listed');

describe('npm run check-facts', () => {
  it('prints a warning for a source file case.yaml does not list, and still says OK (exit 0)', async () => {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/check-facts.ts', fixture], { cwd: repo });
    expect(stdout).toBe('OK: 2 facts in 1 case (demo)\n');
    expect(stderr).toContain('source-not-listed/demo/sources/followup.txt warning: this source file is not listed in case.yaml');
    expect(stderr).toContain('list it under sources: in case.yaml');
  });

  it('warns of an offtopic: line that reads like a question a fact answers, or that the word vectors cannot read, and still says OK', async () => {
    const lines = path.join(repo, 'test/fixtures/facts/offtopic-lines');
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/check-facts.ts', lines], { cwd: repo });
    expect(stdout).toBe('OK: 2 facts in 1 case (demo)\n');
    expect(stderr).toContain('warning: case demo, offtopic: "did the company exist" reads like a question fact company-fake answers');
    expect(stderr).toContain('warning: case demo, offtopic: "how do i cancel nitro" is ignored');
    expect(stderr).not.toContain('pizza');
  });
});
