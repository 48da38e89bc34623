/**
 * Worker-thread entry of {@link loadFactsDirInWorker}: loads the facts folder here, off the bot's
 * event loop, then hands the result over in pieces, one per request of the main thread.
 *
 * Why pieces on request: structured-clone deserialisation of a whole 100k-fact set in one message
 * blocks the receiving thread for a long time, and Node delivers queued port messages back to back
 * in one macrotask, so pushing many batches unasked would block just the same. Waiting for a
 * `next` between pieces lets the main thread serve interactions in between.
 *
 * Facts the main thread already holds (same fingerprint, see fingerprint.ts) are not sent at all:
 * a `refs` piece says, for every fact in order, which held fact it equals. A reload that changes 1%
 * of 100k facts then sends 1k facts instead of 100k, and the main thread allocates (and later
 * collects) almost nothing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { loadFactsDir } from '../facts/load.js';
import type { Case, Fact, LoadError, Source } from '../facts/types.js';
import { fingerprintFacts, matchFingerprints } from './fingerprint.js';

/** Messages from the main thread to the load worker. */
export type WorkerRequest = { readonly type: 'next' };

/**
 * Messages from the load worker: `errors`, or `ready` and then one piece per `next`. The load's
 * warnings (problems that do not stop it) come with `errors` or with `done`.
 */
export type WorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'errors'; readonly errors: readonly LoadError[]; readonly warnings: readonly LoadError[] }
  /** A case without its sources, which follow in `sources` pieces. */
  | { readonly type: 'case'; readonly case: CaseHeader }
  | { readonly type: 'sources'; readonly caseId: string; readonly sources: readonly Source[] }
  /**
   * Per fact, in order: the position of an equal fact among the main thread's known facts, or -1
   * for a fact that follows in a `facts` piece. `fingerprints` are the new facts' own.
   */
  | { readonly type: 'refs'; readonly refs: Int32Array<ArrayBuffer>; readonly fingerprints: Uint8Array<ArrayBuffer> }
  /** The facts whose ref is -1, in order. */
  | { readonly type: 'facts'; readonly facts: readonly Fact[] }
  | {
      readonly type: 'done';
      readonly cases: number;
      readonly sources: number;
      readonly facts: number;
      readonly sent: number;
      readonly warnings: readonly LoadError[];
    };

export type CaseHeader = Omit<Case, 'sources'>;

/**
 * What {@link loadFactsDirInWorker} passes as `workerData`, checked on arrival like every other
 * boundary: a mismatch between the two sides (a field renamed in one) is then a clear error reply,
 * not a worker reading `undefined` as a folder name.
 */
const LoadWorkerDataSchema = z.object({
  root: z.string().min(1),
  options: z.object({
    maxYamlBytes: z.number().int().positive().optional(),
    maxSourceBytes: z.number().int().positive().optional(),
    maxAliasCount: z.number().int().nonnegative().optional(),
    maxDepth: z.number().int().positive().optional(),
  }),
  /** Facts per message; 0 sends them all in one (for measuring why not to). */
  batchSize: z.number().int().nonnegative(),
  /** Fingerprints of the facts the main thread holds, in the order it will resolve refs against. */
  known: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'a Uint8Array').nullable(),
  /** Source text per `sources` piece, in characters (a piece holds at least one source). */
  sourcePieceChars: z.number().int().positive(),
});

export type LoadWorkerData = z.infer<typeof LoadWorkerDataSchema>;

const isNextRequest = (message: unknown): boolean =>
  typeof message === 'object' && message !== null && 'type' in message && message.type === 'next';

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const post = (reply: WorkerReply): void => port.postMessage(reply);
  const parsed = LoadWorkerDataSchema.safeParse(workerData);
  if (!parsed.success) {
    const problem = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    post({
      type: 'errors',
      errors: [{ file: '(load worker)', line: 0, column: 0, message: `internal error: the load worker got invalid settings (${problem})` }],
      warnings: [],
    });
    port.close();
    return;
  }
  const data = parsed.data;
  const result = await loadFactsDir(data.root, data.options);
  if (!result.ok) {
    post({ type: 'errors', errors: result.errors, warnings: result.warnings });
    port.close();
    return;
  }
  const pieces: WorkerReply[] = [];
  const cases: Case[] = [...result.factSet.cases.values()];
  let sourceCount = 0;
  for (const c of cases) {
    const { sources, ...header } = c;
    pieces.push({ type: 'case', case: header });
    sourceCount += sources.size;
    let batch: Source[] = [];
    let chars = 0;
    for (const source of sources.values()) {
      if (batch.length > 0 && chars + source.text.length > data.sourcePieceChars) {
        pieces.push({ type: 'sources', caseId: c.id, sources: batch });
        batch = [];
        chars = 0;
      }
      batch.push(source);
      chars += source.text.length;
    }
    if (batch.length > 0) pieces.push({ type: 'sources', caseId: c.id, sources: batch });
  }
  const facts: readonly Fact[] = result.factSet.facts;
  const fingerprints = fingerprintFacts(facts);
  const refs = data.known === null ? new Int32Array(facts.length).fill(-1) : matchFingerprints(fingerprints, data.known);
  pieces.push({ type: 'refs', refs, fingerprints });
  const unknown = facts.filter((_, i) => refs[i] === -1);
  const size = data.batchSize > 0 ? data.batchSize : unknown.length;
  for (let start = 0; start < unknown.length; start += size) pieces.push({ type: 'facts', facts: unknown.slice(start, start + size) });
  pieces.push({
    type: 'done',
    cases: cases.length,
    sources: sourceCount,
    facts: facts.length,
    sent: unknown.length,
    warnings: result.warnings,
  });
  let next = 0;
  port.on('message', (request: unknown) => {
    if (!isNextRequest(request)) return;
    const piece = pieces[next];
    next += 1;
    // The typed arrays are moved, not copied: the worker is done with them.
    if (piece) port.postMessage(piece, piece.type === 'refs' ? [piece.refs.buffer, piece.fingerprints.buffer] : []);
    if (!piece || piece.type === 'done') port.close();
  });
  post({ type: 'ready' });
}

void main();
