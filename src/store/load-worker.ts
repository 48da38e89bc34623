/**
 * Worker-thread entry of {@link loadFactsDirInWorker}: loads the facts folder here, off the bot's
 * event loop, then hands the result over in pieces, one per request of the main thread.
 *
 * Why pieces on request: structured-clone deserialisation of a whole 100k-fact set in one message
 * blocks the receiving thread for a long time, and Node delivers queued port messages back to back
 * in one macrotask, so pushing many batches unasked would block just the same. Waiting for a
 * `next` between pieces lets the main thread serve interactions in between.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadFactsDir } from '../facts/load.js';
import type { LoadOptions } from '../facts/load.js';
import type { Case, Fact, LoadError } from '../facts/types.js';

/** Messages from the main thread to the load worker. */
export type WorkerRequest = { readonly type: 'next' };

/** Messages from the load worker: `errors`, or `ready` and then one piece per `next`. */
export type WorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'errors'; readonly errors: readonly LoadError[] }
  | { readonly type: 'case'; readonly case: Case }
  | { readonly type: 'facts'; readonly facts: readonly Fact[] }
  | { readonly type: 'done'; readonly cases: number; readonly facts: number };

/** What {@link loadFactsDirInWorker} passes as `workerData`. */
export interface LoadWorkerData {
  readonly root: string;
  readonly options: LoadOptions;
  /** Facts per message; 0 sends them all in one (for measuring why not to). */
  readonly batchSize: number;
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const data = workerData as LoadWorkerData;
  const post = (reply: WorkerReply): void => port.postMessage(reply);
  const result = await loadFactsDir(data.root, data.options);
  if (!result.ok) {
    post({ type: 'errors', errors: result.errors });
    port.close();
    return;
  }
  const pieces: WorkerReply[] = [];
  const cases: Case[] = [...result.factSet.cases.values()];
  // One case per piece: sources carry the full document texts, megabytes at 100k facts.
  for (const c of cases) pieces.push({ type: 'case', case: c });
  const facts: readonly Fact[] = result.factSet.facts;
  const size = data.batchSize > 0 ? data.batchSize : facts.length;
  for (let start = 0; start < facts.length; start += size) pieces.push({ type: 'facts', facts: facts.slice(start, start + size) });
  pieces.push({ type: 'done', cases: cases.length, facts: facts.length });
  let next = 0;
  port.on('message', (request: WorkerRequest) => {
    if (request.type !== 'next') return;
    const piece = pieces[next];
    next += 1;
    if (piece) post(piece);
    if (!piece || piece.type === 'done') port.close();
  });
  post({ type: 'ready' });
}

void main();
