import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFactsDir } from '../../src/facts/load.js';

// A big generated set (not committed): the loader's fast path must give what the full YAML parser gives.
const FACTS_PER_FILE = 2500;
const LINES_PER_FACT = 6;
const SENTENCES = Array.from({ length: 300 }, (_, i) => `Witness ${i} said the company didn’t exist — “really” in ${1900 + i}.`);

function factYaml(n: number, quote: string, id = `fact-${n}`): string {
  return [
    `  - id: ${id}`,
    `    text: Fact number ${n} says   something about case ${n % 7}.  # a comment`,
    '    cite:',
    '      - source: report',
    `        quote: "${quote.replace(/"/g, '\\"')}"`,
    `    tags: [tag-${n % 5}, 'it''s']`,
    '',
  ].join('\n');
}

let root: string;

async function writeFolder(name: string, facts: (n: number) => string): Promise<string> {
  const dir = path.join(root, name, 'big');
  await mkdir(path.join(dir, 'sources'), { recursive: true });
  await writeFile(path.join(dir, 'sources', 'report.txt'), `${SENTENCES.join(' ')}\n`);
  await writeFile(path.join(dir, 'case.yaml'), 'id: big\ntitle: Big case\nsummary: >-\n  A generated case.\nsources:\n  - id: report\n    title: Report\n    file: sources/report.txt\n');
  for (const [f, start] of [[1, 0], [2, FACTS_PER_FILE]] as const) {
    let text = '# generated\nfacts:\n';
    for (let n = start; n < start + FACTS_PER_FILE; n += 1) text += facts(n);
    await writeFile(path.join(dir, `facts-${f}.yaml`), text);
  }
  return path.join(root, name);
}

/** 1-based line of fact n's `- id:` line in its file (two header lines, then six lines per fact). */
const lineOf = (n: number): number => 3 + (n % FACTS_PER_FILE) * LINES_PER_FACT;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'casebot-big-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('loadFactsDir: a big generated set', () => {
  it('loads 5k facts with their lines, collapsed text, folded quotes and tags', async () => {
    const dir = await writeFolder('valid', (n) => factYaml(n, SENTENCES[n % SENTENCES.length] ?? ''));
    const result = await loadFactsDir(dir);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
    const { facts } = result.factSet;
    expect(facts).toHaveLength(2 * FACTS_PER_FILE);
    expect(facts[2600]).toEqual({
      id: 'fact-2600', caseId: 'big', text: 'Fact number 2600 says something about case 3.',
      citations: [{ source: 'report', quote: SENTENCES[2600 % SENTENCES.length], sourceText: SENTENCES[2600 % SENTENCES.length], position: { first: (2600 % SENTENCES.length) + 1, last: (2600 % SENTENCES.length) + 1, of: SENTENCES.length } }],
      tags: ['tag-0', "it's"], questions: [], file: 'valid/big/facts-2.yaml', line: lineOf(2600),
    });
    expect(facts.map((f) => f.line)).toEqual(facts.map((_, n) => lineOf(n)));
  });

  it('reports mistakes in the middle of a big file at their line and column', async () => {
    const dir = await writeFolder('broken', (n) => {
      if (n === 1234) return factYaml(n, 'Witness 12 said the company did not exist.');
      if (n === 3456) return factYaml(n, SENTENCES[0] ?? '', 'fact-17');
      if (n === 4000) return factYaml(n, SENTENCES[0] ?? '').replace('    tags:', '    tgas:');
      return factYaml(n, SENTENCES[n % SENTENCES.length] ?? '');
    });
    const result = await loadFactsDir(dir);
    if (result.ok) throw new Error('loaded without errors');
    expect(result.errors.map((e) => [e.file, e.line, e.column])).toEqual([
      ['broken/big/facts-1.yaml', lineOf(1234) + 4, 16],
      ['broken/big/facts-2.yaml', lineOf(3456), 9],
      ['broken/big/facts-2.yaml', lineOf(4000) + 5, 5],
    ]);
    const [quote, duplicate, unknown] = result.errors.map((e) => e.message);
    expect(quote).toBe(`quote not found in source "report"; it differs from the closest sentence: "did not" should be "didn’t"; add "“really” in 1912" after "exist". The sentence is "${SENTENCES[12] ?? ''}"`);
    expect(duplicate).toContain(`fact id 'fact-17' is already used at broken/big/facts-1.yaml:${lineOf(17)}:9`);
    expect(unknown).toBe("unknown field 'tgas' — did you mean 'tags'?");
  });
});
