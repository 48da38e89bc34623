/** Command-line options of `npm run ask`. */
import { ANSWER_LIMIT } from '../answer/answer.js';

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
  let json = false;
  let caseId: string | undefined;
  // The same count as /case and the console, so the same question gives the same facts everywhere.
  let limit = ANSWER_LIMIT;
  let factsDir = env.FACTS_DIR && env.FACTS_DIR.trim() !== '' ? env.FACTS_DIR : './facts';
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const takeValue = (): string | undefined => {
      const eq = arg.indexOf('=');
      if (eq !== -1) return arg.slice(eq + 1);
      i += 1;
      return argv[i];
    };
    const name = arg.split('=')[0];
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    } else if (arg === '--json') json = true;
    else if (name === '--case') {
      caseId = takeValue();
      if (!caseId) return { ok: false, error: '--case needs a case id, e.g. --case tick-jaxa' };
    } else if (name === '--limit') {
      const value = takeValue();
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 100) return { ok: false, error: `--limit needs a whole number from 1 to 100, got "${value ?? ''}"` };
      limit = n;
    } else if (name === '--facts') {
      const value = takeValue();
      if (!value) return { ok: false, error: '--facts needs a folder, e.g. --facts ./facts' };
      factsDir = value;
    } else if (arg === '--help' || arg === '-h') return { ok: true, help: ASK_USAGE };
    else if (arg.startsWith('--')) return { ok: false, error: `unknown option ${arg}\n${ASK_USAGE}` };
    else words.push(arg);
  }
  const query = words.length > 0 ? words.join(' ') : undefined;
  if (query === undefined && !json) return { ok: false, error: `no query given\n${ASK_USAGE}` };
  return { ok: true, options: { json, caseId, limit, factsDir, query } };
}
