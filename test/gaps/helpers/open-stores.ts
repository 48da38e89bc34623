/**
 * Child process for test/gaps/open-gap-store.test.ts: opens a gaps store at each path given (argv,
 * JSON array), tries one write, and prints what happened as one JSON line. Run as another user
 * when the tests run as root, since root ignores file permissions.
 */
import { openGapStore } from '../../../src/gaps/open-gap-store.js';

const paths: unknown = JSON.parse(process.argv[2] ?? '[]');
if (!Array.isArray(paths) || !paths.every((p): p is string => typeof p === 'string'))
  throw new Error('argv[2] must be a JSON array of paths');
const results = paths.map((file) => {
  const store = openGapStore(file, { retentionDays: 90 });
  const recorded = store.recordQuestion({ caseId: 'c', guildId: 'g', query: 'q', kind: 'unanswered', at: new Date() });
  const status = store.status();
  store.close();
  return { file, status, recorded };
});
process.stdout.write(`${JSON.stringify(results)}\n`);
