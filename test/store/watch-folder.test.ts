/** Folder watching on the real file system: what is reported, what is ignored, and the fallback. */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isScratchFile, nodeWatch, watchFolder, type FolderWatch, type WatchFn } from '../../src/store/watch-folder.js';

const root = mkdtempSync(path.join(tmpdir(), 'casebot-watch-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let open: FolderWatch | undefined;
afterEach(() => open?.close());

/** A fresh facts-like tree: demo/case.yaml, demo/facts.yaml, demo/sources/report.txt. */
function tree(): string {
  const dir = mkdtempSync(path.join(root, 'facts-'));
  mkdirSync(path.join(dir, 'demo', 'sources'), { recursive: true });
  for (const file of ['demo/case.yaml', 'demo/facts.yaml', 'demo/sources/report.txt']) writeFileSync(path.join(dir, file), 'x\n');
  return dir;
}

async function until(condition: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const settle = (ms = 300): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function start(dir: string, watch?: WatchFn): { changes: (string | null)[]; errors: Error[]; watch: FolderWatch } {
  const changes: (string | null)[] = [];
  const errors: Error[] = [];
  const folder = watchFolder(dir, {
    onChange: (file) => changes.push(file),
    onError: (error) => errors.push(error),
    ...(watch === undefined ? {} : { watch }),
  });
  open = folder;
  return { changes, errors, watch: folder };
}

describe('isScratchFile', () => {
  it.each([
    'demo/.facts.yaml.swp',
    'demo/facts.yaml.swp',
    'demo/facts.yaml.swo',
    'demo/facts.yaml~',
    'demo/.#facts.yaml',
    'demo/#facts.yaml#',
    'demo/4913',
    'demo/facts.yaml___jb_tmp___',
    'demo/facts.yaml.tmp',
    '.git/index',
    'demo/.hidden/notes.txt',
    '.DS_Store',
  ])('ignores %s', (file) => expect(isScratchFile(file)).toBe(true));

  it.each(['demo/facts.yaml', 'demo/facts-2024.yaml', 'demo/case.yaml', 'demo/sources/report.txt', 'demo', 'demo\\sources\\report.txt'])(
    'reports %s',
    (file) => expect(isScratchFile(file)).toBe(false),
  );
});

describe('watchFolder on this machine', () => {
  it('watches each folder on Linux (recursive only where native), reporting saves in case folders and sources/', async () => {
    const dir = tree();
    const { changes, watch } = start(dir);
    expect(watch.mode).toBe(process.platform === 'darwin' || process.platform === 'win32' ? 'recursive' : 'per-folder');
    writeFileSync(path.join(dir, 'demo', 'facts.yaml'), 'y\n');
    writeFileSync(path.join(dir, 'demo', 'sources', 'report.txt'), 'y\n');
    await until(() => changes.includes(path.join('demo', 'sources', 'report.txt')));
    expect(changes).toContain(path.join('demo', 'facts.yaml'));
  });

  it('still sees a file saved in place after an editor replaced it by renaming a temp file over it', async () => {
    // Node 20's recursive watch on Linux goes deaf to such a file (nodejs/node#52879).
    const dir = tree();
    const file = path.join(dir, 'demo', 'facts.yaml');
    const { changes } = start(dir);
    writeFileSync(`${file}.tmp`, 'replaced\n');
    renameSync(`${file}.tmp`, file);
    await until(() => changes.includes(path.join('demo', 'facts.yaml')));
    await settle(100);
    changes.length = 0;
    writeFileSync(file, 'saved again\n');
    await until(() => changes.includes(path.join('demo', 'facts.yaml')));
  });

  it('uses one recursive watch when asked to', async () => {
    const dir = tree();
    const changes: (string | null)[] = [];
    const folder = watchFolder(dir, { onChange: (file) => changes.push(file), onError: () => undefined, recursive: true });
    open = folder;
    expect(folder.mode).toBe('recursive');
    writeFileSync(path.join(dir, 'demo', 'sources', 'report.txt'), 'y\n');
    await until(() => changes.includes(path.join('demo', 'sources', 'report.txt')));
  });

  it('reports nothing for editor scratch files', async () => {
    const dir = tree();
    const { changes } = start(dir);
    writeFileSync(path.join(dir, 'demo', '.facts.yaml.swp'), 'x');
    writeFileSync(path.join(dir, 'demo', 'facts.yaml~'), 'x');
    writeFileSync(path.join(dir, 'demo', '4913'), 'x');
    await settle();
    expect(changes).toEqual([]);
  });

  it('throws when the folder does not exist (the caller reports it)', () => {
    expect(() => watchFolder(path.join(root, 'missing'), { onChange: () => undefined, onError: () => undefined })).toThrow(/ENOENT/);
    expect(() => watchFolder(path.join(root, 'missing'), { onChange: () => undefined, onError: () => undefined, recursive: true })).toThrow(
      /ENOENT/,
    );
  });
});

describe('watchFolder where recursive watching is not supported', () => {
  /** fs.watch as on a platform without `recursive` (Node on Linux before 20, AIX). */
  const withoutRecursive: WatchFn = (dir, options, listener) => {
    if (options.recursive)
      throw Object.assign(new TypeError('The feature watch recursively is unavailable on the current platform'), {
        code: 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
      });
    return nodeWatch(dir, options, listener);
  };

  it('falls back to one watch per folder and still sees saves in subfolders', async () => {
    const dir = tree();
    const changes: (string | null)[] = [];
    const folder = watchFolder(dir, {
      onChange: (file) => changes.push(file),
      onError: () => undefined,
      watch: withoutRecursive,
      recursive: true,
    });
    open = folder;
    expect(folder.mode).toBe('per-folder');
    writeFileSync(path.join(dir, 'demo', 'sources', 'report.txt'), 'y\n');
    await until(() => changes.includes(path.join('demo', 'sources', 'report.txt')));
  });

  it('picks up a case folder created after the start', async () => {
    const dir = tree();
    const { changes } = start(dir, withoutRecursive);
    mkdirSync(path.join(dir, 'harbor', 'sources'), { recursive: true });
    await settle(300);
    writeFileSync(path.join(dir, 'harbor', 'sources', 'notice.txt'), 'x\n');
    await until(() => changes.includes(path.join('harbor', 'sources', 'notice.txt')));
  });

  it('rethrows other errors of fs.watch', () => {
    const denied: WatchFn = () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    expect(() => watchFolder(tree(), { onChange: () => undefined, onError: () => undefined, watch: denied, recursive: true })).toThrow(
      /EACCES/,
    );
    expect(() => watchFolder(tree(), { onChange: () => undefined, onError: () => undefined, watch: denied, recursive: false })).toThrow(
      /EACCES/,
    );
  });
});
