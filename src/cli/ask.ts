import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { answerInCase } from '../answer/answer-in-case.js';
import { caseChoiceLine } from '../answer/render-case-choice.js';
import type { Answer } from '../answer/types.js';
import { renderAnswerAsText } from '../answer/render-text.js';
import { loadFactsDir } from '../facts/load.js';
import { formatLoadError } from '../facts/types.js';
import { buildIndex } from '../search/build-index.js';
import { loadLanguage } from '../search/language.js';
import { parseAskArgs } from './ask-args.js';

export interface AskIo {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/**
 * The `ask` command: loads the facts once, answers one query (or, with `--json` and no query,
 * every line of stdin) and prints. Returns the exit code: 0 answered (or `--help` printed), 1 facts
 * invalid, 2 usage error.
 *
 * With `--json`, stdout carries only JSON (one object per query) so it can be piped; everything
 * else goes to stderr.
 */
export async function runAsk(io: AskIo): Promise<number> {
  const parsed = parseAskArgs(io.argv, io.env);
  if (!parsed.ok) {
    io.stderr.write(`${parsed.error}\n`);
    return 2;
  }
  if ('help' in parsed) {
    // Asked for, so it is the output: stdout, and success.
    io.stdout.write(`${parsed.help}\n`);
    return 0;
  }
  const { options } = parsed;
  const loaded = await loadFactsDir(options.factsDir);
  if (!loaded.ok) {
    io.stderr.write(`The facts folder ${options.factsDir} has ${loaded.errors.length} problem(s):\n`);
    for (const error of loaded.errors) io.stderr.write(`  ${formatLoadError(error)}\n`);
    return 1;
  }
  if (options.caseId !== undefined && !loaded.factSet.cases.has(options.caseId)) {
    io.stderr.write(`unknown case "${options.caseId}"; known cases: ${[...loaded.factSet.cases.keys()].join(', ')}\n`);
    return 2;
  }
  const language = await loadLanguage();
  for (const problem of language.problems) io.stderr.write(`warning: ${problem.message}\n`);
  const index = await buildIndex(loaded.factSet, language);
  // The bot's rule: one case per answer — the one asked for, else the best-matching one (named).
  const ask = (query: string): { answer: Answer; caseLine: string } => {
    const found = answerInCase(index, query, { caseId: options.caseId, limit: options.limit });
    // The case was checked above: an unknown one here is a bug of ours, not an empty answer.
    if (!found.ok) throw new Error(`ask: case ${found.unknownCase} vanished after it was checked`);
    return { answer: found.answer, caseLine: found.choice === null ? '' : caseChoiceLine(found.choice, 'plain') };
  };

  if (options.query !== undefined) {
    const result = ask(options.query);
    const text = [renderAnswerAsText(result.answer), result.caseLine].filter((part) => part !== '').join('\n\n');
    io.stdout.write(options.json ? `${JSON.stringify(result.answer)}\n` : `${text}\n`);
    return 0;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    io.stdout.write(`${JSON.stringify(ask(line).answer)}\n`);
  }
  return 0;
}
