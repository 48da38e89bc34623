/**
 * The line that names the case an answer comes from, and the other cases that also have results,
 * so an answer never mixes cases silently (see answer-in-case.ts).
 */
import type { CaseChoice } from './answer-in-case.js';
import { sanitizeUserText, stripControl } from './escape.js';

/** Other cases named on the line; the rest are counted. */
const MAX_OTHERS_SHOWN = 3;
const TITLE_MAX = 80;

/**
 * One line (markdown: a small `-#` line; plain: for `npm run ask`), or '' when there is nothing to
 * say (a single case loaded). Case titles are escaped: they come from files, and could hold `@everyone`.
 *
 * @example
 * caseChoiceLine({ caseId: 'harbor', title: 'Harbor ransomware', how: 'best-match', others: [{ caseId: 'tick-jaxa', title: 'Tick', results: 1 }] }, 'markdown')
 * // '-# From **Harbor ransomware** (best match for your question). Also in: Tick (1); add `case:tick-jaxa` to see those.'
 */
export function caseChoiceLine(choice: CaseChoice, style: 'markdown' | 'plain'): string {
  if (choice.how === 'only') return '';
  const title = (text: string): string =>
    style === 'markdown' ? sanitizeUserText(text, TITLE_MAX) : stripControl(text).slice(0, TITLE_MAX);
  const bold = (text: string): string => (style === 'markdown' ? `**${text}**` : text);
  const code = (text: string): string => (style === 'markdown' ? `\`${text.replace(/`/g, 'ˋ')}\`` : text);
  const why =
    choice.how === 'best-match' ? ' (best match for your question)' : choice.how === 'default' ? " (this server's default case)" : '';
  let line = `From ${bold(title(choice.title))}${why}.`;
  const shown = choice.others.slice(0, MAX_OTHERS_SHOWN);
  if (shown.length > 0) {
    const list = shown.map((other) => `${title(other.title)} (${other.results})`).join(', ');
    const more = choice.others.length > shown.length ? `, and ${choice.others.length - shown.length} more` : '';
    const first = shown[0];
    const option = style === 'markdown' ? 'case:' : '--case ';
    const hint =
      first === undefined ? '' : `; add ${code(`${option}${stripControl(first.caseId)}`)} to see ${shown.length === 1 ? 'those' : 'one'}`;
    line += ` Also in: ${list}${more}${hint}.`;
  }
  return style === 'markdown' ? `-# ${line}` : line;
}
