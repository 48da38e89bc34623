import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openGapStore } from '../../src/gaps/open-gap-store.js';
import { openServerSettings } from '../../src/settings/server-settings.js';
import { settingsOffText } from '../../src/app/render-reasons.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'casebot-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('server settings', () => {
  it('persist the default case: a new store on the same file sees it, per server', () => {
    const file = path.join(dir, 'bot.sqlite');
    const first = openServerSettings(file);
    expect(first.status()).toEqual({ state: 'on' });
    expect(first.defaultCase('g1')).toBeNull();
    expect(first.setDefaultCase('g1', 'tick-jaxa')).toEqual({ persisted: true });
    first.close();
    const second = openServerSettings(file);
    expect(second.defaultCase('g1')).toBe('tick-jaxa');
    expect(second.defaultCase('g2')).toBeNull();
    second.setDefaultCase('g1', null);
    second.close();
    expect(openServerSettings(file).defaultCase('g1')).toBeNull();
  });

  it('share the file with the knowledge gaps, whichever opens it first', () => {
    const file = path.join(dir, 'shared.sqlite');
    const settings = openServerSettings(file);
    const gaps = openGapStore(file, { retentionDays: 30 });
    expect(gaps.status()).toMatchObject({ state: 'on' });
    settings.setDefaultCase('g1', 'harbor-ransomware');
    expect(openServerSettings(file).defaultCase('g1')).toBe('harbor-ransomware');
    gaps.close();
    settings.close();
  });

  it('off (GAPS_DB=off) or an unusable file: kept in memory, and the status says why', () => {
    const off = openServerSettings(null);
    expect(off.setDefaultCase('g1', 'tick-jaxa')).toEqual({ persisted: false });
    expect(off.defaultCase('g1')).toBe('tick-jaxa');
    const offStatus = off.status();
    expect(offStatus).toEqual({ state: 'off', reason: { code: 'disabled' } });
    expect(offStatus.state === 'off' && settingsOffText(offStatus.reason)).toBe(
      'Default cases last until the bot restarts: GAPS_DB is set to "off".',
    );
    const notADb = path.join(dir, 'junk.sqlite');
    writeFileSync(notADb, 'this is not a database, just text long enough to fill a page header '.repeat(20));
    const broken = openServerSettings(notADb);
    const brokenStatus = broken.status();
    expect(brokenStatus).toEqual({ state: 'off', reason: { code: 'database', problem: { code: 'damaged' } } });
    expect(brokenStatus.state === 'off' && settingsOffText(brokenStatus.reason)).toContain('damaged or is not a SQLite database');
    expect(broken.setDefaultCase('g1', 'x')).toEqual({ persisted: false });
  });

  it('a write that fails keeps the value in memory and turns the status off', () => {
    if (process.getuid?.() === 0) return; // root writes read-only files anyway
    const file = path.join(dir, 'ro.sqlite');
    openServerSettings(file).close();
    chmodSync(file, 0o444);
    const settings = openServerSettings(file);
    expect(settings.setDefaultCase('g1', 'tick-jaxa').persisted).toBe(false);
    expect(settings.defaultCase('g1')).toBe('tick-jaxa');
    expect(settings.status().state).toBe('off');
    settings.close();
  });
});
