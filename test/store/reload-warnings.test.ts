/**
 * Load warnings (problems that do not stop a load) on a real facts folder: the start-up load logs
 * them once, `FactStore.reload` puts them in its report whether it succeeds or fails, and the
 * moderator's `/case-admin reload` reply and `/case-admin status` show them, in English and Japanese.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLog } from '../app/fake-store.js';
import { PageSessions } from '../../src/app/page-sessions.js';
import { createCaseBot, type CaseBot } from '../../src/app/case-bot.js';
import { FactStore } from '../../src/store/fact-store.js';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/facts/valid');

let dir: string;
let factsFile: string;
let original: string;
let store: FactStore;
let bot: CaseBot;
const { lines: logged, log } = captureLog();

/** The whole text of a reply's embeds. */
const text = (reply: { readonly embeds?: readonly { readonly title?: string; readonly description?: string }[] }): string =>
  (reply.embeds ?? []).map((e) => `${e.title ?? ''}\n${e.description ?? ''}`).join('\n');

const statusField = (name: string, locale?: string): string =>
  bot.handleStatus({ locale }).embeds?.[0]?.fields?.find((f) => f.name === name)?.value ?? '';

beforeAll(async () => {
  dir = path.join(await mkdtemp(path.join(tmpdir(), 'casebot-reload-warnings-')), 'facts');
  await cp(FIXTURE, dir, { recursive: true });
  // A source file case.yaml does not list: the one warning of the first load.
  await writeFile(path.join(dir, 'demo', 'sources', 'notes.txt'), 'Nobody lists this file.');
  factsFile = path.join(dir, 'demo', 'facts.yaml');
  original = await readFile(factsFile, 'utf8');
  // No word vectors: this is about loading, and they take a while to load.
  store = await FactStore.open(dir, log, { language: { problems: [] } });
  bot = createCaseBot({ store, sessions: new PageSessions(), log, cooldownSeconds: 0, modRoleIds: [], version: 'test' });
});

afterAll(async () => {
  await rm(path.dirname(dir), { recursive: true, force: true });
});

describe('load warnings', () => {
  it('are logged once at start, one warn line each', () => {
    const lines = logged.filter((l) => l.level === 'warn');
    expect(lines).toEqual([
      {
        level: 'warn',
        obj: { warning: expect.stringMatching(/^facts\/demo\/sources\/notes\.txt this source file is not listed in case\.yaml/) },
        msg: 'facts folder warning',
      },
    ]);
  });

  it('reach the report and the reload reply of a reload that succeeds (a question on two facts, an unlisted file)', async () => {
    await writeFile(
      factsFile,
      original.replace(/^(\s+)tags: \[meeting\]$/m, '$1tags: [meeting]\n$1questions: [Who met]').concat('    questions: [who met]\n'),
    );
    const report = await store.reload('tanaka');
    expect(report.ok).toBe(true);
    expect(report.warnings?.map((w) => w.problem?.kind)).toEqual(['shared-question', 'source-not-listed']);

    const reply = text(await bot.handleReload({ by: 'tanaka' }));
    expect(reply).toContain('✅ Facts reloaded');
    expect(reply).toContain('⚠️ **2 warnings**');
    expect(reply).toMatch(/facts\/demo\/facts\.yaml:\d+ the question "who met" is on fact 'met-in-tokyo' and on fact 'company-fake'/);
    expect(reply).toContain('facts/demo/sources/notes.txt this source file is not listed in case.yaml');
    expect(statusField('Last reload')).toContain('⚠️ 2 warnings');
  });

  it('are said in Japanese to a Japanese moderator', async () => {
    const reply = text(await bot.handleReload({ by: 'tanaka', locale: 'ja' }));
    expect(reply).toContain('⚠️ **2件の警告**');
    expect(reply).toMatch(/facts\/demo\/facts\.yaml:\d+ 質問「who met」が事実「met-in-tokyo」と事実「company-fake」の両方にあります/);
    expect(reply).toContain('facts/demo/sources/notes.txt この出典ファイルは case.yaml に載っていない');
    expect(statusField('最後の再読み込み', 'ja')).toContain('⚠️ 2件の警告');
  });

  it('come with the errors of a reload that fails', async () => {
    await writeFile(factsFile, original.replace('quote: The committee met', 'quote: The board met'));
    const report = await store.reload('tanaka');
    expect(report.ok).toBe(false);
    expect(report.warnings?.map((w) => w.problem?.kind)).toEqual(['source-not-listed']);
    const reply = text(await bot.handleReload({ by: 'tanaka' }));
    expect(reply).toContain('❌ Reload failed');
    expect(reply).toContain('quote not found in source');
    expect(reply).toContain('⚠️ **1 warning**');
    expect(reply).toContain('facts/demo/sources/notes.txt this source file is not listed');
    expect(statusField('Last reload')).toMatch(/❌ Failed .* 1 problem.* ⚠️ 1 warning/);
  });

  it('are gone from the reply once fixed', async () => {
    await writeFile(factsFile, original);
    await rm(path.join(dir, 'demo', 'sources', 'notes.txt'));
    const report = await store.reload('tanaka');
    expect(report).toMatchObject({ ok: true, warnings: [] });
    expect(text(await bot.handleReload({ by: 'tanaka' }))).not.toContain('warning');
    expect(statusField('Last reload')).not.toContain('warning');
  });
});
