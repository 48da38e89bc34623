import { constants } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** The text of a file, or why it could not be read (one moderator-readable sentence, with a position for bad bytes). */
export type ReadResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly message: string; readonly line: number; readonly column: number };

const MB = 1024 * 1024;

function fail(message: string, line = 0, column = 0): ReadResult {
  return { ok: false, message, line, column };
}

/** Whether `child` (a real path) is `parent` itself or inside it. */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown error';
}

function formatSize(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${bytes} bytes`;
}

/**
 * Reads a UTF-8 text file that must live inside `realRoot`, never throwing: symlinks leading out of
 * the root, non-regular files (FIFOs would block), files over `maxBytes` (checked with stat before
 * reading) and invalid UTF-8 are refused with a message. A BOM is dropped; CRLF becomes LF.
 *
 * @example
 * const r = await readTextFile('/srv/facts/tick-jaxa/case.yaml', '/srv/facts', 5 * 1024 * 1024);
 * if (r.ok) parse(r.text);
 */
export async function readTextFile(file: string, realRoot: string, maxBytes: number): Promise<ReadResult> {
  let real: string;
  try {
    const link = await lstat(file);
    real = await realpath(file);
    if (!isInside(real, realRoot)) {
      return fail(link.isSymbolicLink()
        ? 'file is a symbolic link to a place outside the facts folder; copy the file into the folder instead'
        : 'file lies outside the facts folder; move it inside');
    }
  } catch (error) {
    const code = errorCode(error);
    return fail(code === 'ENOENT' ? 'file not found (or a broken symbolic link); add it or fix the path' : `file cannot be opened (${code}); check its permissions`);
  }
  try {
    const info = await stat(real);
    if (!info.isFile()) return fail('is not a regular file; replace it with a plain text file');
    if (info.size > maxBytes) return fail(`file is ${formatSize(info.size)}, over the limit of ${formatSize(maxBytes)}; split or shorten it`);
    // O_NONBLOCK: if the file was swapped for a FIFO since stat, open must not wait for a writer.
    const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
    let bytes: Buffer;
    try {
      const buffer = Buffer.alloc(Math.min(maxBytes + 1, info.size + 1));
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length >= buffer.length) break;
      }
      if (length > maxBytes || length > info.size) return fail(`file grew while being read and is now over ${formatSize(maxBytes)} or changed; try again`);
      bytes = buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
    return decodeUtf8(bytes);
  } catch (error) {
    return fail(`file cannot be read (${errorCode(error)}); check its permissions`);
  }
}

/** Decodes UTF-8 strictly; on failure locates the first bad byte (line, column in characters). */
export function decodeUtf8(bytes: Uint8Array): ReadResult {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.replace(/\r\n?/g, '\n') };
  } catch {
    const bad = firstInvalidByte(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const lines = before.split(/\r\n|\r|\n/);
    const line = lines.length;
    const column = (lines[lines.length - 1] ?? '').length + 1;
    return fail(`file is not valid UTF-8 (bad byte at line ${line}, column ${column}); save it with UTF-8 encoding`, line, column);
  }
}

/** Largest prefix that decodes (as an unfinished stream) — binary search, as validity is monotone in the prefix length. */
function firstInvalidByte(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}
