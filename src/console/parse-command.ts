import { stripControl } from '../answer/escape.js';

/** One line of console input, understood. */
export type ConsoleCommand =
  | { readonly kind: 'case'; readonly query: string; readonly private: boolean; readonly caseId?: string }
  | { readonly kind: 'default-case'; readonly caseId: string | null }
  /** `/check <text>`: the message command "Check against case facts" on typed text. */
  | { readonly kind: 'check'; readonly text: string }
  | { readonly kind: 'reload' }
  | { readonly kind: 'status' }
  | { readonly kind: 'gaps'; readonly caseId?: string; readonly days?: number }
  | { readonly kind: 'more' }
  | { readonly kind: 'back' }
  | { readonly kind: 'help' }
  | { readonly kind: 'quit' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'invalid'; readonly message: string };

/** `/case-admin`'s subcommands, as Discord offers them (src/bot/commands/case-admin.ts). */
export const ADMIN_SUBCOMMANDS = ['reload', 'status', 'gaps', 'default-case'] as const;

const WORDS: Readonly<Record<string, ConsoleCommand>> = {
  more: { kind: 'more' },
  next: { kind: 'more' },
  back: { kind: 'back' },
  prev: { kind: 'back' },
  help: { kind: 'help' },
  '?': { kind: 'help' },
  quit: { kind: 'quit' },
  exit: { kind: 'quit' },
};

/**
 * Parses a console line into a command, mirroring the slash commands.
 *
 * Accepted: `/case jaxa`, `/case query:jaxa private:true`, `/case jaxa private:true`,
 * `/case jaxa case:tick-jaxa`, `/check <message text>`, `/case-admin reload`, `/case-admin status`,
 * `/case-admin gaps [case] [days]`, `/case-admin default-case case:tick-jaxa` (without `case:` it
 * clears the default), `more`, `back`, `help`, `quit`. Any other line that
 * does not start with `/` is taken as a question, so `jaxa` alone works too.
 *
 * @example
 * parseConsoleCommand('/case query:jaxa private:true'); // { kind: 'case', query: 'jaxa', private: true }
 */
export function parseConsoleCommand(line: string): ConsoleCommand {
  const text = line.trim();
  if (text === '') return { kind: 'empty' };
  const word = WORDS[text.toLowerCase()];
  if (word !== undefined) return word;
  if (!text.startsWith('/')) return parseCaseOptions(text);

  const [name = '', ...rest] = text.split(/\s+/);
  const args = text.slice(name.length).trim();
  switch (name.toLowerCase()) {
    case '/case':
      return parseCaseOptions(args);
    case '/check':
      return args === ''
        ? { kind: 'invalid', message: 'Paste the message to check after /check, e.g. /check JAXA was hacked by Tick.' }
        : { kind: 'check', text: args };
    case '/case-admin':
      return parseAdmin(rest);
    case '/help':
      return { kind: 'help' };
    case '/quit':
    case '/exit':
      return { kind: 'quit' };
    default:
      return { kind: 'invalid', message: `Unknown command ${shown(name)}; type help to see the commands.` };
  }
}

/** `reload`, `status`, or a sentence naming the subcommands there are. */
function parseAdmin(words: readonly string[]): ConsoleCommand {
  const list = ADMIN_SUBCOMMANDS.join(', ');
  const [sub, ...extra] = words;
  if (sub === undefined) return { kind: 'invalid', message: `/case-admin needs a subcommand: ${list}.` };
  const known = ADMIN_SUBCOMMANDS.find((name) => name === sub.toLowerCase());
  if (known === undefined)
    return { kind: 'invalid', message: `Unknown subcommand ${shown(sub)} for /case-admin; the subcommands are: ${list}.` };
  if (known === 'gaps') return parseGaps(extra);
  if (known === 'default-case') {
    const [option, ...more] = extra;
    if (option === undefined) return { kind: 'default-case', caseId: null };
    const caseId = /^case:(\S+)$/i.exec(option)?.[1];
    if (caseId === undefined || more.length > 0)
      return { kind: 'invalid', message: `/case-admin default-case takes case:<id>, got ${shown(extra.join(' '))}.` };
    return { kind: 'default-case', caseId };
  }
  if (extra.length > 0) return { kind: 'invalid', message: `/case-admin ${known} takes no options, got ${shown(extra.join(' '))}.` };
  return { kind: known };
}

/** `gaps`, `gaps 7`, `gaps tick-jaxa`, `gaps tick-jaxa 7` (also `case:tick-jaxa days:7`): a number is the days. */
function parseGaps(words: readonly string[]): ConsoleCommand {
  let caseId: string | undefined;
  let days: number | undefined;
  for (const word of words) {
    const value = word.replace(/^(case|days):/i, '');
    const isDays = /^days:/i.test(word) || (!/^case:/i.test(word) && /^\d+$/.test(value));
    if (isDays) {
      if (days !== undefined || !/^\d{1,4}$/.test(value) || Number(value) < 1) {
        return { kind: 'invalid', message: `days must be a whole number of at least 1, got ${shown(word)}.` };
      }
      days = Number(value);
    } else {
      if (caseId !== undefined || value === '')
        return { kind: 'invalid', message: `/case-admin gaps takes one case and a number of days, got ${shown(words.join(' '))}.` };
      caseId = value;
    }
  }
  return { kind: 'gaps', ...(caseId === undefined ? {} : { caseId }), ...(days === undefined ? {} : { days }) };
}

/** User input echoed in a message: no control characters (it goes to a terminal), not too long. */
function shown(text: string): string {
  const clean = stripControl(text);
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

/** `jaxa private:true`, `query:jaxa private:true`, `private:true query:"jaxa launch"` … */
function parseCaseOptions(args: string): ConsoleCommand {
  let isPrivate = false;
  // `private:` counts only as a whole word, so a question about "private:" deals still works.
  const privateOption = /(?:^|\s)private:(\S*)(?=\s|$)/i;
  const match = privateOption.exec(args);
  let rest = args;
  if (match !== null) {
    const value = (match[1] ?? '').toLowerCase();
    if (value === 'true' || value === 'yes') isPrivate = true;
    else if (value !== 'false' && value !== 'no') {
      return { kind: 'invalid', message: `private must be true or false, got "${match[1] ?? ''}"` };
    }
    rest = `${args.slice(0, match.index)} ${args.slice(match.index + match[0].length)}`;
  }
  // `case:` likewise counts only as a whole word with a value: `/case jaxa case:tick-jaxa`.
  let caseId: string | undefined;
  const caseOption = /(?:^|\s)case:(\S+)(?=\s|$)/i.exec(rest);
  if (caseOption !== null) {
    caseId = caseOption[1];
    rest = `${rest.slice(0, caseOption.index)} ${rest.slice(caseOption.index + caseOption[0].length)}`;
  }
  let query = rest
    .trim()
    .replace(/^query:/i, '')
    .trim();
  if (query.length >= 2 && query.startsWith('"') && query.endsWith('"')) query = query.slice(1, -1).trim();
  if (query === '') {
    return { kind: 'invalid', message: 'Type a question after /case, e.g. /case who found the tick?' };
  }
  return caseId === undefined ? { kind: 'case', query, private: isPrivate } : { kind: 'case', query, private: isPrivate, caseId };
}
