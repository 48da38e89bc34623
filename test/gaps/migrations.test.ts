import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MIGRATIONS, SCHEMA_VERSION, migrate, schemaVersion } from '../../src/gaps/migrations.js';
import { openGapStore } from '../../src/gaps/open-gap-store.js';
import { gapsOffText } from '../../src/app/render-reasons.js';

const NOW = new Date('2025-06-15T12:00:00Z');
const Named = z.object({ name: z.string() });

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'casebot-gaps-migrate-'));
  file = path.join(dir, 'gaps.sqlite');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function tablesAndIndexes(db: Database.Database): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((row) => Named.parse(row).name);
}

describe('gaps schema migrations', () => {
  it('numbers its steps 1, 2, … in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(3);
  });

  it('builds the latest schema from an empty file, in WAL mode', () => {
    const store = openGapStore(file, { retentionDays: 90, now: NOW });
    expect(store.status()).toMatchObject({ state: 'on' });
    store.close();
    const db = new Database(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(tablesAndIndexes(db)).toEqual(['asked', 'asked_by_day', 'secret', 'server_settings', 'votes', 'votes_by_time']);
    db.close();
  });

  it('upgrades a version-1 file, keeping its questions (as unanswered), votes and voter key', () => {
    const db = new Database(file);
    migrate(db, 1);
    expect(schemaVersion(db)).toBe(1);
    const key = z.object({ key: z.instanceof(Buffer) }).parse(db.prepare('SELECT key FROM secret').get()).key;
    const day = Math.floor(NOW.getTime() / 86_400_000);
    db.prepare("INSERT INTO asked VALUES ('tick-jaxa', 'g', 'was data stolen', ?, 4, ?)").run(day, NOW.getTime());
    db.close();

    const store = openGapStore(file, { retentionDays: 90, now: NOW });
    expect(store.status()).toMatchObject({ state: 'on' });
    store.recordQuestion({ caseId: 'tick-jaxa', guildId: 'g', query: 'was data stolen', kind: 'weak', at: NOW });
    const result = store.report({ days: 1, limit: 5, now: NOW });
    store.close();
    expect(result).toMatchObject({ ok: true, report: { questions: [{ query: 'was data stolen', count: 5, unanswered: 4, weak: 1 }] } });

    const after = new Database(file, { readonly: true });
    expect(schemaVersion(after)).toBe(SCHEMA_VERSION);
    expect(
      z
        .object({ key: z.instanceof(Buffer) })
        .parse(after.prepare('SELECT key FROM secret').get())
        .key.equals(key),
    ).toBe(true);
    after.close();
  });

  it('runs each step once: migrating an up-to-date file changes nothing', () => {
    const db = new Database(file);
    migrate(db);
    const key = db.prepare('SELECT key FROM secret').all();
    migrate(db);
    expect(db.prepare('SELECT key FROM secret').all()).toEqual(key);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('leaves a file from a newer casebot untouched and turns gaps off, saying why', () => {
    const db = new Database(file);
    migrate(db);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const store = openGapStore(file, { retentionDays: 90, now: NOW });
    const status = store.status();
    expect(status).toEqual({
      state: 'off',
      reason: { code: 'database', problem: { code: 'newer-schema', found: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION } },
    });
    expect(status.state === 'off' && gapsOffText(status.reason)).toBe(
      `Knowledge gaps are off: the database was written by a newer casebot (schema ${SCHEMA_VERSION + 1}, this version reads up to ${SCHEMA_VERSION}); upgrade the bot or point GAPS_DB at another file.`,
    );
    const check = new Database(file, { readonly: true });
    expect(schemaVersion(check)).toBe(SCHEMA_VERSION + 1);
    check.close();
  });
});
