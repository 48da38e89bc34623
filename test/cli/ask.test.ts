import { spawnSync } from 'node:child_process';
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
    expect(parseAskArgs(['--frobnicate', 'x'], {})).toMatchObject({ ok: false, error: expect.stringContaining('unknown option --frobnicate') });
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
  it('prints exactly one JSON object with the documented shape, best first', async () => {
    const { code, stdout } = await ask(['--json', 'jaxa']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] ?? '') as { query: string; results: { id: string; case: string; score: number; sources: { quote: string; title: string; url: string | null }[]; matched: string[] }[]; suggestions: string[] };
    expect(result.query).toBe('jaxa');
    expect(result.results.length).toBeGreaterThan(0);
    expect(result.results.length).toBeLessThanOrEqual(5);
    const scores = result.results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const r of result.results) {
      expect(r.case).toBe('tick-jaxa');
      expect(r.sources[0]?.quote.length).toBeGreaterThan(20);
      expect(r.sources[0]?.url).toBeNull();
    }
    expect(result.results[0]?.matched.length).toBeGreaterThan(0);
  });

  it('answers one JSON line per stdin line, in order, with --limit', async () => {
    const { code, stdout } = await ask(['--json', '--limit', '2'], 'jaxa\npizza recipe\nwang wenbin\n');
    expect(code).toBe(0);
    const objects = stdout.trim().split('\n').map((line) => JSON.parse(line) as { query: string; results: unknown[] });
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
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ask.ts', '--help'], { cwd: root, encoding: 'utf8', timeout: 20_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Usage: npm run ask --');
  });
});
