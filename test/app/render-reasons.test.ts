/**
 * Reasons other layers give as codes — why gaps, default cases, reload on save or answers by meaning
 * are off, why a shard or replica did not answer, what is wrong in a fact file — read in Japanese
 * for a `ja` moderator, end to end: no English sentence left, only technical text (an error code,
 * a host) and the fact files' own words.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EN, JA, type Catalog } from '../../src/answer/locale/index.js';
import { assertReplyWithinLimits, type Reply } from '../../src/answer/reply.js';
import { renderReloadReport, renderStatus, type StatusView } from '../../src/app/render-admin.js';
import { gapsStatusLine, renderGapsReport } from '../../src/app/render-gaps.js';
import {
  databaseProblemText,
  gapReportProblemText,
  gapWriteText,
  gapsOffText,
  loadErrorText,
  noAnswerText,
  semanticOffText,
  settingsOffText,
  watchStoppedText,
} from '../../src/app/render-reasons.js';
import { loadFactsDir } from '../../src/facts/load.js';
import { formatLoadError, type LoadError, type LoadProblem } from '../../src/facts/types.js';
import type { DatabaseProblem } from '../../src/gaps/types.js';
import { parseWireReport, toWire } from '../../src/shard/protocol.js';
import { OTHER_REPLICAS, type LanguageProblem, type NoAnswer, type ReloadReport } from '../../src/store/types.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** Three ASCII words in a row: an English sentence (or its remains). */
const ENGLISH_RUN = /[A-Za-z]{2,}[,;:]? [A-Za-z]{2,}[,;:]? [A-Za-z]{2,}/;
/** Names kept as they are in both languages, and the technical values the cases below pass in. */
const NAMES = new Set(
  'redis sqlite casebot gaps off cache econnrefused etimedout noperm emfile enoent eio rangeerror bin tsv web'.split(' '),
);

/** The English words of `en` (3+ letters, not names) that `ja` still contains. */
function englishLeftIn(ja: string, en: string): string[] {
  const words = new Set((en.match(/[A-Za-z]{3,}/g) ?? []).map((w) => w.toLowerCase()).filter((w) => !NAMES.has(w)));
  const left = new Set((ja.match(/[A-Za-z]{3,}/g) ?? []).map((w) => w.toLowerCase()));
  return [...words].filter((w) => left.has(w));
}

const database: readonly DatabaseProblem[] = [
  { code: 'newer-schema', found: 5, supported: 4 },
  { code: 'read-only' },
  { code: 'damaged' },
  { code: 'path-blocked' },
  { code: 'not-permitted' },
  { code: 'cannot-open' },
  { code: 'disk-full' },
  { code: 'locked' },
  { code: 'other', detail: 'EIO' },
];
const vectors: LanguageProblem = { resource: 'word-vectors', detail: 'x.bin', message: 'semantic search is off: x.bin' };
const glossary: LanguageProblem = {
  resource: 'glossary',
  detail: 'g.tsv',
  message: 'Japanese questions are read word by word only: g.tsv',
};
const noAnswers: readonly NoAnswer[] = [
  { code: 'shard-silent', shard: 2, seconds: 30 },
  { code: 'shard-down', shard: 1 },
  { code: 'manager-silent', seconds: 40 },
  { code: 'replica-silent', replica: 'web-d', seconds: 30 },
  { code: 'redis-down', where: 'cache:6379', detail: 'ECONNREFUSED' },
  { code: 'redis-silent', where: 'cache:6379', detail: 'ETIMEDOUT' },
  { code: 'redis-refused', where: 'cache:6379', detail: 'NOPERM' },
];

/** Every kind of reason, rendered by a catalog. */
const kinds: readonly (readonly [string, (t: Catalog) => string])[] = [
  ...database.map((p) => [`database ${p.code}`, (t: Catalog) => databaseProblemText(p, t)] as const),
  ...database.map((p) => [`gaps off: database ${p.code}`, (t: Catalog) => gapsOffText({ code: 'database', problem: p }, t)] as const),
  ...(['disabled', 'bad-retention', 'closed', 'redis-closed', 'failed'] as const).map(
    (code) => [`gaps off: ${code}`, (t: Catalog) => gapsOffText({ code }, t)] as const,
  ),
  ['gaps off: redis-down', (t) => gapsOffText({ code: 'redis-down', where: 'cache:6379', detail: 'ECONNREFUSED' }, t)],
  ['write: not-kept', (t) => gapWriteText({ code: 'not-kept', problem: { code: 'locked' } }, t)],
  ['write: not-pruned', (t) => gapWriteText({ code: 'not-pruned', problem: { code: 'disk-full' } }, t)],
  ['write: redis-vote-not-kept', (t) => gapWriteText({ code: 'redis-vote-not-kept', where: 'cache:6379' }, t)],
  ['write: redis-not-kept', (t) => gapWriteText({ code: 'redis-not-kept', detail: 'ETIMEDOUT' }, t)],
  ['write: redis-votes-not-pruned', (t) => gapWriteText({ code: 'redis-votes-not-pruned', detail: 'ETIMEDOUT' }, t)],
  ...(['bad-days', 'bad-time', 'failed'] as const).map(
    (code) => [`report: ${code}`, (t: Catalog) => gapReportProblemText({ code }, t)] as const,
  ),
  ['report: off', (t) => gapReportProblemText({ code: 'off', reason: { code: 'disabled' } }, t)],
  ['report: unreadable', (t) => gapReportProblemText({ code: 'unreadable', problem: { code: 'damaged' } }, t)],
  ['report: redis-unreadable', (t) => gapReportProblemText({ code: 'redis-unreadable', detail: 'ETIMEDOUT' }, t)],
  ['settings: disabled', (t) => settingsOffText({ code: 'disabled' }, t)],
  ['settings: no-database', (t) => settingsOffText({ code: 'no-database' }, t)],
  ['settings: database', (t) => settingsOffText({ code: 'database', problem: { code: 'read-only' } }, t)],
  ['watch: cannot-watch', (t) => watchStoppedText({ code: 'cannot-watch', errno: 'ENOENT' }, t)],
  ['watch: watch-error', (t) => watchStoppedText({ code: 'watch-error', errno: 'EMFILE' }, t)],
  ['semantic: word vectors', (t) => semanticOffText({ code: 'language', problem: vectors }, t)],
  ['semantic: glossary', (t) => semanticOffText({ code: 'language', problem: glossary }, t)],
  ['semantic: no-vectors', (t) => semanticOffText({ code: 'no-vectors' }, t)],
  ['semantic: vectors-failed', (t) => semanticOffText({ code: 'vectors-failed', error: 'RangeError' }, t)],
  ...noAnswers.map((reason) => [`no answer: ${reason.code}`, (t: Catalog) => noAnswerText(reason, t)] as const),
];

describe('reasons in Japanese', () => {
  it.each(kinds)('%s: Japanese, with none of the English words', (_, render) => {
    const en = render(EN);
    const ja = render(JA);
    expect(ja).toMatch(JAPANESE);
    expect(ja).not.toMatch(ENGLISH_RUN);
    expect(englishLeftIn(ja, en)).toEqual([]);
  });

  it('keep the English as it was', () => {
    expect(gapsOffText({ code: 'database', problem: { code: 'read-only' } })).toBe(
      'Knowledge gaps are off: the database file is read-only; make it and its folder writable by the bot and restart.',
    );
    expect(noAnswerText({ code: 'shard-down', shard: 1 })).toBe(
      'No answer from shard 1 because it is not running (it may be restarting); reload again in a minute.',
    );
    expect(noAnswerText({ code: 'replica-silent', replica: 'web-d', seconds: 2 })).toBe(
      'No answer from replica web-d within 2 s; it may have stopped or be restarting. Check its logs, then reload again.',
    );
    expect(watchStoppedText({ code: 'watch-error', errno: 'EMFILE' })).toBe('watching stopped on an error (EMFILE)');
    expect(semanticOffText({ code: 'vectors-failed', error: 'RangeError' })).toBe('computing the fact vectors failed (RangeError)');
  });

  it('show a sentence from a process of an older version as it came', () => {
    expect(noAnswerText({ code: 'text', text: 'No answer from shard 3.' }, JA)).toBe('No answer from shard 3.');
  });
});

const fixtures = path.join(import.meta.dirname, '../fixtures/facts');

/** Fact files with one common mistake each, and the kind the loader must give it. */
const broken: readonly (readonly [string, LoadProblem['kind']])[] = [
  ['yaml-syntax', 'yaml-syntax'],
  ['duplicate-key', 'yaml-duplicate-key'],
  ['missing-field', 'missing-field'],
  ['wrong-type', 'wrong-type'],
  ['unknown-field', 'unknown-field'],
  ['text-too-long', 'too-long'],
  ['quote-not-in-source', 'quote-not-found'],
  ['quote-invented', 'quote-not-found'],
  ['duplicate-fact-id', 'duplicate-id'],
  ['unknown-source-id', 'unknown-source'],
  ['missing-source-file', 'source-file-not-found'],
];

async function errorsOf(name: string): Promise<readonly LoadError[]> {
  const result = await loadFactsDir(path.join(fixtures, name));
  if (result.ok) throw new Error(`${name} loaded without errors`);
  return result.errors;
}

/** The text without the files' own words (in 「」 or quotes) and code spans. */
function ourWords(text: string): string {
  return text
    .replace(/「[^」]*」/g, '「」')
    .replace(/`[^`]*`/g, '``')
    .replace(/"[^"]*"/g, '""');
}

describe('fact-file problems in Japanese', () => {
  it.each(broken)('%s: file, line and column, then what is wrong in Japanese', async (name, kind) => {
    const errors = await errorsOf(name);
    const error = errors.find((e) => e.problem?.kind === kind);
    expect(error, JSON.stringify(errors)).toBeDefined();
    if (error === undefined) return;
    const ja = loadErrorText(error, JA);
    const where = `${error.file}:${error.line}${error.column > 0 ? `:${error.column}` : ''} `;
    expect(ja.startsWith(where)).toBe(true);
    const said = ourWords(ja.slice(where.length));
    expect(said).toMatch(JAPANESE);
    expect(said).not.toMatch(ENGLISH_RUN);
    // English replies keep the loader's own sentence, unchanged.
    expect(loadErrorText(error, EN)).toBe(formatLoadError(error));
  });

  it('says the warnings (an unlisted source file, a question on two facts) in Japanese too', async () => {
    const result = await loadFactsDir(path.join(fixtures, 'source-not-listed'));
    const unlisted = result.warnings.find((w) => w.problem?.kind === 'source-not-listed');
    expect(unlisted, JSON.stringify(result.warnings)).toBeDefined();
    if (unlisted === undefined) return;
    expect(loadErrorText(unlisted, JA)).toBe(
      'source-not-listed/demo/sources/followup.txt この出典ファイルは case.yaml に載っていないため、どの事実からも引用できません。case.yaml の sources: に追加する（id:、title:、file: sources/followup.txt）か、ファイルを削除してください。',
    );
    expect(loadErrorText(unlisted, EN)).toBe(formatLoadError(unlisted));
    const shared: LoadError = {
      file: 'f/facts.yaml',
      line: 9,
      column: 0,
      message: "the question \"who did it\" is on fact 'a' and on fact 'b'; keep it only on the fact that answers it",
      problem: { kind: 'shared-question', question: 'who did it', first: 'a', second: 'b' },
    };
    expect(loadErrorText(shared, JA)).toBe(
      'f/facts.yaml:9 質問「who did it」が事実「a」と事実「b」の両方にあります。答えになる事実にだけ残してください。',
    );
  });

  it('names the closest sentence of the source when a quote nearly matches one', async () => {
    const [error] = await errorsOf('quote-not-in-source');
    const closest = error?.problem?.kind === 'quote-not-found' ? error.problem.closest : undefined;
    expect(closest).toBeDefined();
    expect(error && loadErrorText(error, JA)).toContain(`最も近い文: 「${closest ?? ''}」`);
  });

  it('shows the English message where the loader gave no kind', () => {
    const error: LoadError = { file: 'f/facts.yaml', line: 1, column: 1, message: 'the YAML is nested too deeply' };
    expect(loadErrorText(error, JA)).toBe('f/facts.yaml:1:1 the YAML is nested too deeply');
  });
});

const at = new Date(Date.UTC(2025, 2, 2, 12));

function allText(reply: Reply): string {
  return [
    reply.content ?? '',
    ...(reply.embeds ?? []).flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      e.footer?.text ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ].join('\n');
}

describe('whole moderator replies in Japanese', () => {
  it('status: gaps, answers by meaning, reload on save, all off, each with its reason in Japanese', () => {
    const status: StatusView = {
      facts: 27,
      cases: 1,
      caseIds: ['tick-jaxa'],
      factsByCase: [{ id: 'tick-jaxa', facts: 27 }],
      version: '0.1.0',
      loadedAt: at,
      lastReload: {
        ok: false,
        at,
        by: 'file watcher',
        durationMs: 5,
        errors: [],
        noAnswer: { code: 'shard-down', shard: 1 },
        servingFacts: 27,
      },
      reloading: false,
      watch: { state: 'stopped', reason: { code: 'cannot-watch', errno: 'ENOENT' } },
      semantic: { state: 'off', reason: { code: 'language', problem: vectors } },
      languageProblems: [vectors, glossary],
      uptimeSeconds: 60,
      memoryMb: { rss: 100, heapUsed: 50 },
      gaps: { state: 'off', reason: { code: 'database', problem: { code: 'read-only' } } },
    };
    const reply = renderStatus(status, JA);
    assertReplyWithinLimits(reply);
    const text = allText(reply);
    expect(ourWords(text)).not.toMatch(ENGLISH_RUN);
    expect(text).toContain('データベースファイルが読み取り専用です');
    expect(text).toContain('フォルダーを監視できませんでした（ENOENT）');
    expect(text).toContain('保存時の自動再読み込み');
    expect(
      gapsStatusLine({ state: 'on', retentionDays: 9, lastWriteError: { code: 'not-kept', problem: { code: 'locked' } } }, JA),
    ).not.toMatch(ENGLISH_RUN);
    expect(renderStatus({ ...status, watch: { state: 'elsewhere', by: 'shard-manager' } }, JA).embeds?.[0]?.fields?.[4]?.value).toBe(
      '✅ オン: シャードマネージャーがフォルダーを監視し、すべてのシャードを再読み込みします。',
    );
  });

  it('reload: every shard or replica that did not answer, and the fact-file problems, in Japanese', async () => {
    const silent = noAnswers.map((noAnswer, i): ReloadReport => ({
      ok: false,
      at,
      by: 'mod',
      durationMs: 1,
      errors: [],
      noAnswer,
      servingFacts: 27,
      shard: i,
    }));
    const others: ReloadReport = {
      ok: false,
      at,
      by: 'mod',
      durationMs: 1,
      errors: [],
      noAnswer: noAnswers[4],
      servingFacts: null,
      replica: OTHER_REPLICAS,
    };
    const errors = (await Promise.all(broken.slice(0, 6).map(([name]) => errorsOf(name)))).flat();
    const failed: ReloadReport = { ok: false, at, by: 'mod', durationMs: 1, errors, servingFacts: 27 };
    const reply = renderReloadReport([...silent, failed], JA);
    assertReplyWithinLimits(reply);
    expect(ourWords(allText(reply))).not.toMatch(ENGLISH_RUN);
    expect(renderReloadReport(others, JA).embeds?.[0]?.title).toBe('⚠️ 応答なし。（ほかのレプリカ）');
  });

  it('gaps: a report that cannot be read says why in Japanese', () => {
    const reply = renderGapsReport(
      { ok: false, reason: { code: 'unreadable', problem: { code: 'locked' } } },
      { days: 7, scope: 'server' },
      JA,
    );
    expect(reply.content).toBe('未回答のレポートを読み込めませんでした: 別のプロセスがデータベースを長くロックしていました。');
  });
});

describe('reasons on the wire between shards and replicas', () => {
  it('keep their codes, and a sentence from an older version is shown as sent', () => {
    const error: LoadError = { file: 'f', line: 1, column: 2, message: 'm', problem: { kind: 'missing-field', field: { name: 'quote' } } };
    const report: ReloadReport = { ok: false, at, by: 'mod', durationMs: 1, errors: [error], noAnswer: noAnswers[0], servingFacts: 1 };
    expect(parseWireReport(JSON.parse(JSON.stringify(toWire(report))))).toEqual(report);
    const older = {
      ...toWire(report),
      noAnswer: 'No answer from shard 2 within 30 s',
      errors: [{ ...error, problem: { kind: 'from-the-future' } }],
    };
    expect(parseWireReport(older)).toMatchObject({
      noAnswer: { code: 'text', text: 'No answer from shard 2 within 30 s' },
      errors: [{ file: 'f', line: 1, column: 2, message: 'm' }],
    });
    const parsed = parseWireReport(older);
    expect(parsed?.ok === false && parsed.errors[0]?.problem).toBeUndefined();
  });
});
