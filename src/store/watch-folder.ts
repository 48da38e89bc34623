/**
 * Change notifications for a whole folder tree (the facts folder), with editors' scratch files left
 * out. One job: turn file-system events into "this file changed" calls. Deciding when to reload is
 * watch-facts.ts's.
 */
import { readdirSync, watch as fsWatch, type Dirent } from 'node:fs';
import path from 'node:path';

/** The part of an `fs.FSWatcher` used here, so tests can hand in a fake. */
export interface FsWatcher {
  close(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * `fs.watch` as used here: `filename` is relative to `dir` (null when the platform does not say).
 * Throws like `fs.watch` (e.g. `ERR_FEATURE_UNAVAILABLE_ON_PLATFORM` for `recursive`).
 */
export type WatchFn = (dir: string, options: { readonly recursive: boolean }, listener: (filename: string | null) => void) => FsWatcher;

/**
 * Node's `fs.watch`, never keeping the process alive by itself (`persistent: false`): the bot's
 * connection or the console's input does that, and shutdown need not wait for the watcher.
 */
export const nodeWatch: WatchFn = (dir, { recursive }, listener) =>
  fsWatch(dir, { recursive, persistent: false }, (_event, filename) => listener(filename));

export interface WatchFolderOptions {
  /** Called with the changed path relative to the folder (`tick-jaxa/facts.yaml`), or null when unknown. */
  readonly onChange: (file: string | null) => void;
  /** Called once when watching stops on an error (the folder was removed, a watch limit was hit). */
  readonly onError: (error: Error) => void;
  /** Default {@link nodeWatch}. */
  readonly watch?: WatchFn;
  /**
   * Whether to try one `recursive: true` watch first. Default: on macOS and Windows only, where it is
   * native. Node's recursive watch on Linux is emulated with one watch per file, and loses a file once
   * an editor saves it by renaming a temp file over it (nodejs/node#52879; seen on Node 20.20: the
   * next saves went unnoticed), so there one watch per folder is used.
   */
  readonly recursive?: boolean;
}

export interface FolderWatch {
  /**
   * `recursive`: one watcher for the tree. `per-folder`: one watcher per folder (Linux, or where
   * `fs.watch` has no `recursive`); new folders are picked up when their parent reports a change.
   */
  readonly mode: 'recursive' | 'per-folder';
  close(): void;
}

/** How deep the per-folder fallback looks: facts/<case>/sources/<subfolder> and a level of slack. */
const MAX_DEPTH = 4;

/**
 * Whether a path names an editor's scratch file rather than a file a moderator saved: dotfiles and
 * anything in a dot-folder (`.facts.yaml.swp`, emacs' `.#facts.yaml` lock, `.git/`), backups ending
 * in `~`, emacs' `#facts.yaml#`, vim's `4913` write probe, JetBrains' `___jb_tmp___`, and
 * `.swp`/`.swo`/`.swx`/`.tmp` files. The loader reads none of them, so they never trigger a reload.
 *
 * @example
 * isScratchFile('tick-jaxa/.facts.yaml.swp') // true
 * isScratchFile('tick-jaxa/facts.yaml')      // false
 */
export function isScratchFile(file: string): boolean {
  const parts = file.split(/[\\/]/).filter((part) => part !== '');
  const name = parts.at(-1) ?? '';
  if (parts.some((part) => part.startsWith('.'))) return true;
  return (
    name.endsWith('~') ||
    /^#.*#$/.test(name) ||
    name === '4913' ||
    /___jb_(tmp|old)___$/.test(name) ||
    /\.(swp|swo|swx|swpx|tmp)$/i.test(name)
  );
}

/**
 * Watches `dir` and everything under it: one `recursive: true` watch where that is native (macOS,
 * Windows), else one watch per folder (see {@link WatchFolderOptions.recursive}); a platform that
 * refuses `recursive` also gets one per folder.
 *
 * @throws the `fs.watch` error when `dir` itself cannot be watched (missing, no permission).
 * @example
 * const watch = watchFolder('./facts', { onChange: (file) => console.log(file), onError: console.error });
 * process.once('SIGTERM', () => watch.close());
 */
export function watchFolder(dir: string, options: WatchFolderOptions): FolderWatch {
  const watch = options.watch ?? nodeWatch;
  let failed = false;
  const fail = (error: Error, close: () => void): void => {
    if (failed) return;
    failed = true;
    close();
    options.onError(error);
  };
  const report = (file: string | null): void => {
    if (!failed && (file === null || !isScratchFile(file))) options.onChange(file);
  };

  if (!(options.recursive ?? (process.platform === 'darwin' || process.platform === 'win32')))
    return watchEachFolder(dir, watch, report, fail);
  let recursive: FsWatcher;
  try {
    recursive = watch(dir, { recursive: true }, report);
  } catch (error) {
    if (!isUnsupported(error)) throw error;
    return watchEachFolder(dir, watch, report, fail);
  }
  const close = (): void => recursive.close();
  recursive.on('error', (error) => fail(error, close));
  return { mode: 'recursive', close };
}

function isUnsupported(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM';
}

/**
 * One non-recursive watcher per folder, re-scanned when a folder reports a change. A folder's watch
 * reports its files by name, so a file replaced by a rename is still seen on its next save.
 */
function watchEachFolder(
  dir: string,
  watch: WatchFn,
  report: (file: string | null) => void,
  fail: (error: Error, close: () => void) => void,
): FolderWatch {
  const watchers = new Map<string, FsWatcher>();
  let closed = false;
  const close = (): void => {
    closed = true;
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
  const add = (relative: string): void => {
    if (closed || watchers.has(relative)) return;
    const watcher = watch(path.join(dir, relative), { recursive: false }, (filename) => {
      report(filename === null ? null : path.join(relative, filename));
      // A new or removed subfolder shows up as a change of its parent.
      rescan();
    });
    watcher.on('error', (error) => {
      // A watched subfolder that was removed; the root's own errors stop the watch.
      if (relative === '') fail(error, close);
      else forget(relative);
    });
    watchers.set(relative, watcher);
  };
  const forget = (relative: string): void => {
    watchers.get(relative)?.close();
    watchers.delete(relative);
  };
  // Synchronous: a facts folder has a few folders per case, listed in well under a millisecond, and
  // the watch is complete when this returns.
  const rescan = (): void => {
    if (closed) return;
    const found = new Set(folders(dir));
    for (const relative of found) {
      try {
        add(relative);
      } catch {
        // Gone again between the listing and the watch; the next change settles it.
      }
    }
    for (const relative of [...watchers.keys()]) if (relative !== '' && !found.has(relative)) forget(relative);
  };
  // The root first and outside the try: a missing folder throws here, as the recursive watch does.
  add('');
  rescan();
  return { mode: 'per-folder', close };
}

/** Every folder under `root` (relative, `''` for the root), skipping dot-folders, down to {@link MAX_DEPTH}. */
function folders(root: string, relative = '', depth = 0): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(path.join(root, relative), { withFileTypes: true });
  } catch {
    return [];
  }
  const found = [relative];
  if (depth >= MAX_DEPTH) return found;
  for (const entry of entries) {
    if (entry.isDirectory() && !entry.name.startsWith('.')) found.push(...folders(root, path.join(relative, entry.name), depth + 1));
  }
  return found;
}
