/**
 * Two shard processes writing one gaps database at once (real processes, as under ShardingManager):
 * both migrate the new file at the same moment, then write as fast as they can, on the same rows.
 * Every write must be kept and every count exact.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openGapStore } from '../../src/gaps/open-gap-store.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const WRITER = fileURLToPath(new URL('./helpers/shard-writer.ts', import.meta.url));
const ROUNDS = 300;

// The reason comes along, so that a shard that could not open the file says why (it failed once under load).
const Ready = z.object({ type: z.literal('ready'), status: z.object({ state: z.string(), reason: z.unknown().optional() }) });
const Started = z.object({ type: z.literal('started') });
const Done = z.object({ type: z.literal('done'), rounds: z.number(), kept: z.number(), startedAt: z.number(), endedAt: z.number() });

const dir = mkdtempSync(path.join(tmpdir(), 'casebot-gaps-shards-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill();
  rmSync(dir, { recursive: true, force: true });
});

function nextMessage<T>(child: ChildProcess, schema: z.ZodType<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`writer exited with ${String(code)} before answering`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      const parsed = schema.safeParse(message);
      if (parsed.success) resolve(parsed.data);
      else reject(new Error(`unexpected message from writer: ${JSON.stringify(message)}`));
    });
  });
}

describe('gaps database shared by two shard processes', () => {
  it('keeps every write of two processes writing at once, with exact counts', async () => {
    const file = path.join(dir, 'data', 'gaps.sqlite');
    const shards = ['shard0', 'shard1'].map((name) => {
      const child = fork(WRITER, [file, name, String(ROUNDS)], {
        cwd: root,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      children.push(child);
      return { child, ready: nextMessage(child, Ready) };
    });
    for (const { ready } of shards) expect((await ready).status).toEqual({ state: 'on' });

    // Both start writing at once, and write on until both have started: their writes overlap.
    const started = shards.map(({ child }) => nextMessage(child, Started));
    for (const { child } of shards) child.send('go');
    await Promise.all(started);
    const done = shards.map(({ child }) => nextMessage(child, Done));
    for (const { child } of shards) child.send('stop');
    const [first, second] = await Promise.all(done);
    if (first === undefined || second === undefined) throw new Error('two writers expected');
    expect(first.rounds).toBeGreaterThanOrEqual(ROUNDS);
    expect(second.rounds).toBeGreaterThanOrEqual(ROUNDS);
    expect([first.kept, second.kept]).toEqual([first.rounds * 4, second.rounds * 4]);
    // The two bursts of writes overlapped in time: each started before the other ended.
    expect(first.startedAt).toBeLessThan(second.endedAt);
    expect(second.startedAt).toBeLessThan(first.endedAt);

    const store = openGapStore(file, { retentionDays: 90 });
    const result = store.report({ caseId: 'c', guildId: 'g', days: 2, limit: 10 });
    store.close();
    if (!result.ok) throw new Error(JSON.stringify(result.reason));
    const questions = Object.fromEntries(result.report.questions.map((q) => [q.query, [q.count, q.unanswered, q.weak]]));
    // Round i of a shard records "was data stolen" as unanswered for even i, weak for odd i.
    const even = (rounds: number): number => Math.ceil(rounds / 2);
    expect(questions).toEqual({
      'was data stolen': [
        first.rounds + second.rounds,
        even(first.rounds) + even(second.rounds),
        first.rounds - even(first.rounds) + second.rounds - even(second.rounds),
      ],
      'only shard0': [first.rounds, first.rounds, 0],
      'only shard1': [second.rounds, second.rounds, 0],
    });
    // Every member's 👎 from both shards, and the member who clicked 👍 from both shards once.
    expect(result.report.answers.map((a) => [a.query, a.down, a.up])).toEqual([['who is wang', first.rounds + second.rounds, 1]]);
  });
});
