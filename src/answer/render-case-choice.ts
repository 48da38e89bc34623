/**
 * The line that names the case an answer comes from, and the other cases that also have results,
 * so an answer never mixes cases silently (see answer-in-case.ts).
 */
import type { CaseChoice } from './answer-in-case.js';
import { sanitizeUserText, stripControl } from './escape.js';
import { EN, type Catalog } from './locale/index.js';

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
 * caseChoiceLine(sameChoice, 'markdown', JA)
 * // '-# **Harbor ransomware**（質問に最も合う事件）からの回答です。ほかにも結果があります: Tick (1)。`事件:tick-jaxa` を付けるとそちらを表示します。'
 */
export function caseChoiceLine(choice: CaseChoice, style: 'markdown' | 'plain', t: Catalog = EN): string {
  if (choice.how === 'only') return '';
  const title = (text: string): string =>
    style === 'markdown' ? sanitizeUserText(text, TITLE_MAX) : stripControl(text).slice(0, TITLE_MAX);
  const bold = (text: string): string => (style === 'markdown' ? `**${text}**` : text);
  const code = (text: string): string => (style === 'markdown' ? `\`${text.replace(/`/g, 'ˋ')}\`` : text);
  const why = choice.how === 'best-match' ? t.t('caseChoice.bestMatch') : choice.how === 'default' ? t.t('caseChoice.default') : '';
  let line = t.t('caseChoice.from', { title: bold(title(choice.title)), why });
  const shown = choice.others.slice(0, MAX_OTHERS_SHOWN);
  const first = shown[0];
  if (first !== undefined) {
    const list = shown.map((other) => `${title(other.title)} (${other.results})`).join(t.t('list.separator'));
    const more = choice.others.length > shown.length ? t.t('caseChoice.more', { count: choice.others.length - shown.length }) : '';
    const id = stripControl(first.caseId);
    // `npm run ask` takes --case; Discord the case option, named in the reader's language.
    const option = code(style === 'markdown' ? t.t('caseChoice.option', { id }) : `--case ${id}`);
    line += t.t('caseChoice.alsoIn', { list, more, hint: t.tn('caseChoice.hint', shown.length, { option }) });
  }
  return style === 'markdown' ? `-# ${line}` : line;
}
