/**
 * Child process for test/gaps/concurrency.test.ts, standing in for one shard: opens the gaps store
 * (a new file: both children may migrate it at once), says `ready`, waits for `go`, then writes as
 * fast as it can — at least `rounds` rounds, and on until told `stop` — says `started` after its
 * first round, and reports how many rounds it wrote and how many writes were kept. The parent says
 * `stop` only once both shards started, so their writes overlap however the machine schedules them.
 */
import { openGapStore } from '../../../src/gaps/open-gap-store.js';

const [file, name, roundsText] = process.argv.slice(2);
if (file === undefined || name === undefined || roundsText === undefined) throw new Error('usage: shard-writer <file> <name> <rounds>');
const rounds = Number(roundsText);
const send = (message: unknown): void => {
  process.send?.(message);
};

const store = openGapStore(file, { retentionDays: 90 });
let stopped = false;
process.on('message', (message) => {
  if (message === 'stop') stopped = true;
  else if (message === 'go') void write();
});
send({ type: 'ready', status: store.status() });

async function write(): Promise<void> {
  let kept = 0;
  let done = 0;
  const at = new Date();
  const startedAt = performance.now() + performance.timeOrigin;
  while (done < rounds || !stopped) {
    const i = done;
    // Both shards count the same question (one row) and each its own.
    if (store.recordQuestion({ caseId: 'c', guildId: 'g', query: 'Was data stolen?', kind: i % 2 === 0 ? 'unanswered' : 'weak', at }))
      kept += 1;
    if (store.recordQuestion({ caseId: 'c', guildId: 'g', query: `only ${name}`, kind: 'unanswered', at })) kept += 1;
    // A different member each round, 👎 on the same answer.
    if (
      store.recordVote({ caseId: 'c', guildId: 'g', query: 'who is wang', factIds: ['f1'], voterId: `${name}-${i}`, vote: 'down', at }).kept
    )
      kept += 1;
    // One member clicking again and again, from both shards: stays one vote.
    if (store.recordVote({ caseId: 'c', guildId: 'g', query: 'who is wang', factIds: ['f1'], voterId: 'same-member', vote: 'up', at }).kept)
      kept += 1;
    done += 1;
    if (done === 1) send({ type: 'started' });
    // Let `stop` arrive (messages are events): every round, so both shards keep interleaving.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const endedAt = performance.now() + performance.timeOrigin;
  store.close();
  send({ type: 'done', rounds: done, kept, startedAt, endedAt });
  process.disconnect?.();
}
