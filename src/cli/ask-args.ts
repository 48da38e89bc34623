/** Command-line options of `npm run ask`. */
import { parseArgs } from 'node:util';
import { ANSWER_LIMIT } from '../answer/answer.js';
import { MAX_LIMIT } from '../search/fact-index.js';

export interface AskOptions {
  readonly json: boolean;
  readonly caseId: string | undefined;
  readonly limit: number;
  readonly factsDir: string;
  /** Undefined: read queries from stdin, one per line (only with --json). */
  readonly query: string | undefined;
}

export const ASK_USAGE = `Usage: npm run ask -- [--json] [--case ID] [--limit N] [--facts DIR] "query"
       npm run --silent ask -- --json < queries.txt     (one query per line, JSON Lines out)`;

/**
 * What `ask`'s arguments ask for: answering (with options), the usage (`--help`, `-h`: asked for, so
 * not an error), or nothing, with an error sentence.
 */
export type AskArgs =
  | { readonly ok: true; readonly options: AskOptions }
  | { readonly ok: true; readonly help: string }
  | { readonly ok: false; readonly error: string };

/**
 * Parses `ask`'s arguments. Returns an error sentence instead of throwing, so the caller decides
 * how to print it.
 *
 * @example
 * parseAskArgs(['--json', '--limit', '3', 'jaxa'], {}) // { ok: true, options: { json: true, limit: 3, query: 'jaxa', … } }
 * parseAskArgs(['--help'], {}) // { ok: true, help: ASK_USAGE }
 */
export function parseAskArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): AskArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        case: { type: 'string' },
        limit: { type: 'string' },
        facts: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // node:util's messages, in this CLI's words; the usage says what exists.
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    const missing = /Option '(--[a-z]+)/.exec(message)?.[1];
    const sentence = unknown !== undefined ? `unknown option ${unknown}` : missing !== undefined ? `${missing} needs a value` : message;
    return { ok: false, error: `${sentence}\n${ASK_USAGE}` };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, help: ASK_USAGE };
  if (values.case?.trim() === '') return { ok: false, error: '--case needs a case id, e.g. --case tick-jaxa' };
  if (values.facts?.trim() === '') return { ok: false, error: '--facts needs a folder, e.g. --facts ./facts' };
  // The same count as /case and the console by default, so the same question gives the same facts everywhere.
  let limit = ANSWER_LIMIT;
  if (values.limit !== undefined) {
    const n = Number(values.limit);
    if (!/^\d+$/.test(values.limit) || n < 1 || n > MAX_LIMIT)
      return { ok: false, error: `--limit needs a whole number from 1 to ${MAX_LIMIT}, got "${values.limit}"` };
    limit = n;
  }
  const factsDir = values.facts ?? (env.FACTS_DIR !== undefined && env.FACTS_DIR.trim() !== '' ? env.FACTS_DIR : './facts');
  const query = positionals.length > 0 ? positionals.join(' ') : undefined;
  if (query === undefined && !values.json) return { ok: false, error: `no query given\n${ASK_USAGE}` };
  return { ok: true, options: { json: values.json, caseId: values.case, limit, factsDir, query } };
}
