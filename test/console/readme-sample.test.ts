/**
 * The README's console sample is what the console prints: its `> ` lines are run through the real
 * `npm start` (piped, in a fresh clone's layout) and every other line is compared with the output.
 * Nothing here freezes a reply: when answers render differently, this fails until the README shows
 * the new output.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runPiped } from '../e2e/helpers/main-process.js';

const ELLIPSIS = '…';

/** The first ```text block after the heading, as lines. */
function sampleUnder(markdown: string, heading: string): string[] {
  const at = markdown.indexOf(heading);
  if (at === -1) throw new Error(`README has no heading ${heading}`);
  const open = markdown.indexOf('```text\n', at);
  const close = markdown.indexOf('\n```', open + 1);
  if (open === -1 || close === -1) throw new Error(`no text block under ${heading}`);
  return markdown.slice(open + '```text\n'.length, close).split('\n');
}

/**
 * A sample line stands for an output line when equal (ignoring trailing spaces), or, ending in
 * `…`, when the output line starts with the rest.
 */
function lineMatches(sample: string, actual: string): boolean {
  const a = actual.trimEnd();
  const s = sample.trimEnd();
  if (s === a) return true;
  return s.endsWith(ELLIPSIS) && a.startsWith(s.slice(0, -ELLIPSIS.length));
}

/**
 * Whether the sample matches the whole output, a line that is only `…` standing for any number of
 * output lines. Returns -1 on a match, else the sample line the furthest attempt stopped at.
 */
function mismatchAt(sample: readonly string[], actual: readonly string[]): number {
  const failed = new Set<string>();
  let furthest = 0;
  const match = (i: number, j: number): boolean => {
    const key = `${i}:${j}`;
    if (failed.has(key)) return false;
    furthest = Math.max(furthest, i);
    let ok: boolean;
    if (i === sample.length) ok = j === actual.length;
    else if (sample[i]?.trim() === ELLIPSIS) ok = match(i + 1, j) || (j < actual.length && match(i, j + 1));
    else ok = j < actual.length && lineMatches(sample[i] ?? '', actual[j] ?? '') && match(i + 1, j + 1);
    if (!ok) failed.add(key);
    return ok;
  };
  return match(0, 0) ? -1 : furthest;
}

describe('mismatchAt', () => {
  const output = ['a', 'bcd', 'e', 'f', 'g'];
  it('takes … lines for any run of lines and a trailing … for the rest of a line', () => {
    expect(mismatchAt(['a', 'b…', '…', 'g'], output)).toBe(-1);
    expect(mismatchAt(['a', 'bcd', 'e', 'f', 'g'], output)).toBe(-1);
    expect(mismatchAt(['…'], output)).toBe(-1);
  });
  it('points at the first sample line that has no counterpart', () => {
    expect(mismatchAt(['a', 'x…', '…'], output)).toBe(1);
    expect(mismatchAt(['a', '…', 'h'], output)).toBe(2);
    // Lines the sample does not account for at the end are a difference too.
    expect(mismatchAt(['a', 'bcd'], output)).toBe(2);
  });
});

describe('README console sample', () => {
  it('is what `npm start` prints for its commands', async () => {
    const sample = sampleUnder(readFileSync(path.join(ROOT, 'README.md'), 'utf8'), '### Try it now (console mode)');
    const commands = sample.filter((line) => line.startsWith('> ')).map((line) => line.slice(2));
    expect(commands.length).toBeGreaterThan(0);
    const { code, stdout, stderr } = await runPiped(`${commands.join('\n')}\n`, {}, { copyFacts: true });
    expect(code, stderr).toBe(0);
    const actual = stdout.replace(/\n$/, '').split('\n');
    const at = mismatchAt(sample, actual);
    // On a difference, show the README line and the real output to copy from.
    expect(at === -1 ? '' : `README line «${sample[at] ?? '(end of sample)'}» has no counterpart; the console printed:\n${stdout}`).toBe(
      '',
    );
  }, 60_000);
});
