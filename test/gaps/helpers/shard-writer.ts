/**
 * Child process for test/gaps/concurrency.test.ts, standing in for one shard: opens the gaps store
 * (a new file: both children may migrate it at once), says `ready`, waits for `go`, then writes as
 * fast as it can and reports how many writes were kept.
 */
import { openGapStore } from '../../../src/gaps/open-gap-store.js';

const [file, name, roundsText] = process.argv.slice(2);
if (file === undefined || name === undefined || roundsText === undefined) throw new Error('usage: shard-writer <file> <name> <rounds>');
const rounds = Number(roundsText);
const send = (message: unknown): void => {
  process.send?.(message);
};

const store = openGapStore(file, { retentionDays: 90 });
send({ type: 'ready', status: store.status() });
process.once('message', () => {
  let kept = 0;
  const at = new Date();
  const startedAt = performance.now() + performance.timeOrigin;
  for (let i = 0; i < rounds; i += 1) {
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
  }
  const endedAt = performance.now() + performance.timeOrigin;
  store.close();
  send({ type: 'done', kept, startedAt, endedAt });
  process.disconnect?.();
});
