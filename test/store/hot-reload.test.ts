/**
 * Hot reload end to end on a real folder: the real file watcher, the real FactStore reload, and
 * `/case-admin status` as the moderators' commands render it.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLog } from '../app/fake-store.js';
import { PageSessions } from '../../src/app/page-sessions.js';
import { createCaseBot, type CaseBot } from '../../src/app/case-bot.js';
import { FactStore } from '../../src/store/fact-store.js';
import { WATCHER_NAME, watchFacts, type FactsWatcher } from '../../src/store/watch-facts.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/facts/valid', import.meta.url));
const DEBOUNCE_MS = 150;

const dir = mkdtempSync(path.join(tmpdir(), 'casebot-hot-reload-'));
const factsFile = path.join(dir, 'demo', 'facts.yaml');
const original = readFileSync(path.join(FIXTURE, 'demo', 'facts.yaml'), 'utf8');
const { lines: logged, log } = captureLog();

let store: FactStore;
let watcher: FactsWatcher;
let bot: CaseBot;
const reloads: string[] = [];

const withFact = (id: string, quote: string): string =>
  `${original}  - id: ${id}\n    text: Mr. Sato signed on 3 May.\n    cite:\n      - source: report\n        quote: ${quote}\n`;

/** Waits for the watcher to reload (or not), then for the quiet period to pass with no further reload. */
async function settled(expectedReloads: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (reloads.length < expectedReloads && Date.now() < deadline) await sleep(25);
  await watcher.idle();
  await sleep(DEBOUNCE_MS * 4);
  await watcher.idle();
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const statusField = (name: string): string => bot.handleStatus().embeds?.[0]?.fields?.find((f) => f.name === name)?.value ?? '';

beforeAll(async () => {
  cpSync(FIXTURE, dir, { recursive: true });
  // No word vectors: this is about reloading, and they take a while to load.
  store = await FactStore.open(dir, log, { language: { problems: [] } });
  watcher = watchFacts({
    dir,
    reload: (by) => {
      reloads.push(by);
      return store.reload(by);
    },
    log,
    debounceMs: DEBOUNCE_MS,
  });
  store.reportWatch(watcher);
  bot = createCaseBot({ store, sessions: new PageSessions(), log, cooldownSeconds: 0, modRoleIds: [], version: 'test' });
});

afterAll(() => {
  watcher.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('FACTS_WATCH on a real folder', () => {
  it('shows in /case-admin status that a save reloads', () => {
    expect(statusField('Reload on save')).toContain(`On: a save reloads ${DEBOUNCE_MS} ms after the last change`);
    expect(statusField('Last reload')).toContain('None since start');
  });

  it('turns a burst of five writes (an editor saving twice, a temp file renamed over) into one reload', async () => {
    expect(store.status().facts).toBe(2);
    writeFileSync(factsFile, original);
    writeFileSync(factsFile, withFact('sato-signed', 'Mr. Sato signed'));
    writeFileSync(`${factsFile}.tmp`, withFact('sato-signed', 'Mr. Sato signed the contract on 3 May.'));
    renameSync(`${factsFile}.tmp`, factsFile);
    writeFileSync(factsFile, withFact('sato-signed', 'Mr. Sato signed the contract on 3 May.'));
    await settled(1);

    expect(reloads).toEqual([WATCHER_NAME]);
    expect(store.status().facts).toBe(3);
    expect(store.current().factSet.facts.map((f) => f.id)).toContain('sato-signed');
    expect(statusField('Last reload')).toMatch(/✅ .* by file watcher: \+1 added/);
  });

  it('keeps serving the previous facts on a broken save, logs its errors, and status shows the failure', async () => {
    reloads.length = 0;
    const before = store.current();
    writeFileSync(factsFile, withFact('sato-signed', 'Mr. Sato signed the contract in June.'));
    await settled(1);

    expect(reloads).toEqual([WATCHER_NAME]);
    expect(store.current()).toBe(before);
    expect(statusField('Last reload')).toMatch(/❌ Failed .* by file watcher: 1 problem, still serving 3 facts/);
    const warning = logged.find((l) => l.level === 'warn' && (l.msg?.includes('do not load') ?? false));
    expect(JSON.stringify(warning?.obj)).toMatch(/demo\/facts\.yaml:\d+:\d+ quote not found/);
    expect((await bot.handleCase({ query: 'Sato signed', private: true, userId: '1', moderator: false, interactionId: 'i' })).outcome).toBe(
      'answered',
    );
  });

  it('does not reload for editor scratch files', async () => {
    reloads.length = 0;
    writeFileSync(path.join(dir, 'demo', '.facts.yaml.swp'), 'scratch');
    writeFileSync(path.join(dir, 'demo', 'facts.yaml~'), 'backup');
    writeFileSync(path.join(dir, 'demo', '4913'), '');
    rmSync(path.join(dir, 'demo', '4913'));
    await settled(0);
    expect(reloads).toEqual([]);
  });

  it('stops on close: later saves do nothing and status says off', async () => {
    watcher.close();
    writeFileSync(factsFile, original);
    await settled(0);
    expect(reloads).toEqual([]);
    expect(statusField('Reload on save')).toContain('Off');
  });
});
