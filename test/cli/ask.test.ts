import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ANSWER_LIMIT } from '../../src/answer/answer.js';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ASK_USAGE, parseAskArgs } from '../../src/cli/ask-args.js';
import { runAsk } from '../../src/cli/ask.js';

async function ask(argv: string[], stdinText = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await runAsk({ argv, env: {}, stdin: Readable.from([stdinText]), stdout, stderr });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

describe('parseAskArgs', () => {
  it('reads options in both --opt value and --opt=value forms', () => {
    const parsed = parseAskArgs(['--json', '--limit=3', '--case', 'tick-jaxa', 'who', 'is', 'kato'], { FACTS_DIR: '/x' });
    expect(parsed).toEqual({ ok: true, options: { json: true, limit: 3, caseId: 'tick-jaxa', factsDir: '/x', query: 'who is kato' } });
  });

  it('rejects a bad limit and unknown options with a sentence', () => {
    expect(parseAskArgs(['--limit', '0', 'x'], {})).toMatchObject({ ok: false, error: expect.stringContaining('--limit') });
    expect(parseAskArgs(['--frobnicate', 'x'], {})).toMatchObject({
      ok: false,
      error: expect.stringContaining('unknown option --frobnicate'),
    });
    expect(parseAskArgs(['x', '--limit'], {})).toMatchObject({ ok: false, error: expect.stringContaining('--limit needs a value') });
  });

  it('holds --limit to what one search returns (50), instead of capping it silently', () => {
    expect(parseAskArgs(['--limit', '50', 'x'], {})).toMatchObject({ ok: true, options: { limit: 50 } });
    expect(parseAskArgs(['--limit=51', 'x'], {})).toMatchObject({ ok: false, error: expect.stringContaining('from 1 to 50, got "51"') });
    expect(parseAskArgs(['--limit', '2.5', 'x'], {})).toMatchObject({ ok: false });
  });

  it('reads --help and -h as a request for the usage, wherever they stand', () => {
    for (const argv of [['--help'], ['-h'], ['--json', '--help'], ['jaxa', '-h']]) {
      expect(parseAskArgs(argv, {}), argv.join(' ')).toEqual({ ok: true, help: ASK_USAGE });
    }
  });

  it('needs a query unless --json reads stdin', () => {
    expect(parseAskArgs([], {}).ok).toBe(false);
    expect(parseAskArgs(['--json'], {})).toMatchObject({ ok: true, options: { query: undefined } });
  });
});

describe('runAsk', () => {
  it('answers from one case, as /case does: the best match named, or the --case asked for', async () => {
    const facts = fileURLToPath(new URL('../fixtures/facts/two-cases', import.meta.url));
    const best = await ask(['--facts', facts, 'was data stolen']);
    expect(best.stdout).toContain('No personal data of port workers was stolen.');
    expect(best.stdout).not.toContain('Kato');
    expect(best.stdout).toContain('From Harbor ransomware (test fixture) (best match for your question). Also in:');
    expect(best.stdout).toContain('add --case tick-jaxa to see those.');
    const asked = await ask(['--facts', facts, '--json', '--case', 'tick-jaxa', 'was data stolen']);
    const parsed: unknown = JSON.parse(asked.stdout);
    expect(parsed).toMatchObject({ results: [{ case: 'tick-jaxa', id: 'no-data-leak-or-damage' }] });
  });

  it('prints exactly one JSON object with the documented shape, best first', async () => {
    const { code, stdout } = await ask(['--json', 'jaxa']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] ?? '') as {
      query: string;
      results: {
        id: string;
        case: string;
        text: string;
        score: number;
        sources: { quote: string; sentence: { first: number; last: number; of: number } | null; title: string; url: string | null }[];
        matched: string[];
      }[];
      suggestions: string[];
    };
    expect(result.query).toBe('jaxa');
    // The same facts /case pages through (every fact naming JAXA), not the first 5 of them.
    const pages = await ask(['jaxa']);
    expect(result.results.length).toBeGreaterThan(5);
    expect(result.results.length).toBeLessThanOrEqual(ANSWER_LIMIT);
    expect(pages.stdout.split('\n')[0]).toBe(`${result.results.length} results for “jaxa”`);
    const scores = result.results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const r of result.results) {
      expect(r.case).toBe('tick-jaxa');
      expect(r.sources[0]?.quote.length).toBeGreaterThan(20);
      expect(r.sources[0]?.url).toBeNull();
      // The source's own sentence (its typographic quotes), and where it is in the source.
      const where = r.sources[0]?.sentence;
      expect(where?.first).toBeGreaterThanOrEqual(1);
      expect(where?.last).toBeLessThanOrEqual(where?.of ?? 0);
      // Matched words as the fact writes them: names of JAXA, never a stem.
      for (const word of r.matched) expect(r.text).toContain(word);
    }
    expect(result.results[0]?.matched.length).toBeGreaterThan(0);
  });

  it('shows the source’s own sentence, where it is and who published it, though the quote was typed with straight quotes', async () => {
    const facts = path.join(import.meta.dirname, '../fixtures/facts/published-source');
    const { code, stdout } = await ask(['--facts', facts, 'harbour fire department']);
    expect(code).toBe(0);
    expect(stdout).toContain('> “The Harbour Fire Department said nobody was hurt — the building was empty.”');
    expect(stdout).toContain(
      '— Warehouse fire at the harbour, Harbour Gazette, 2024-05-01 <https://gazette.example/2024/05/01/warehouse-fire> · sentence 2 of 4',
    );
    // Two facts rest on that sentence: it is quoted once.
    expect(stdout.split('nobody was hurt — the building').length - 1).toBe(1);
    expect(stdout).toContain('2. The warehouse was empty when the fire broke out.\n   ↑ the same source sentence as quoted under 1.');
  });

  it('answers one JSON line per stdin line, in order, with --limit', async () => {
    const { code, stdout } = await ask(['--json', '--limit', '2'], 'jaxa\npizza recipe\nwang wenbin\n');
    expect(code).toBe(0);
    const objects = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { query: string; results: unknown[] });
    expect(objects.map((o) => o.query)).toEqual(['jaxa', 'pizza recipe', 'wang wenbin']);
    expect(objects[0]?.results.length).toBe(2);
    expect(objects[1]?.results).toEqual([]);
  });

  it('prints a readable answer without --json', async () => {
    const { code, stdout } = await ask(['kato']);
    expect(code).toBe(0);
    expect(stdout).toContain('Kato');
    expect(stdout).toContain('tick-jaxa/');
  });

  it('reports an invalid facts folder with located errors and exit code 1', async () => {
    const { code, stderr } = await ask(['--facts', 'test/fixtures/facts/quote-not-in-source', 'x']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/\.yaml:\d+:\d+ quote not found/);
  });

  it('rejects an unknown case', async () => {
    const { code, stderr } = await ask(['--case', 'nope', 'x']);
    expect(code).toBe(2);
    expect(stderr).toContain('tick-jaxa');
  });

  it('prints the usage on stdout and exits 0 for --help (asked for, not a mistake)', async () => {
    const { code, stdout, stderr } = await ask(['--help']);
    expect(code).toBe(0);
    expect(stdout).toBe(`${ASK_USAGE}\n`);
    expect(stderr).toBe('');
  });
});

describe('npm run ask -- --help', () => {
  it('exits 0 with the usage, as a process', () => {
    // What `npm run ask -- --help` runs: npm drops the `--` and passes `--help` to the script.
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ask.ts', '--help'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Usage: npm run ask --');
  });
});
