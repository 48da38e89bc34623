/**
 * Property-based tests of the query path (search, autocomplete, answer, render) against the real
 * case: any string a Discord user can type must be answered without throwing, within Discord's
 * limits, and without letting the user's text ping anyone or flood the reply.
 */
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { pageCount, renderAnswerPage, renderNoMatch } from '../../src/answer/render-answer.js';
import { replyLimitViolations, type Reply } from '../../src/answer/reply.js';
import type { Answer } from '../../src/answer/types.js';
import { sessionButtonIds } from '../../src/app/page-sessions.js';
import { loadFactsDir } from '../../src/facts/load.js';
import type { Case, Fact, FactSet, Source } from '../../src/facts/types.js';
import { FactIndex } from '../../src/search/fact-index.js';
import { buildIndex } from '../../src/search/build-index.js';
import { loadLanguage } from '../../src/search/language.js';
import { LONG, PING_PATTERNS, fuzzSeed } from './fuzz-config.js';

const FACTS = path.join(import.meta.dirname, '../../facts');
/** Generated queries per property; the properties below add up to ≥ 10 000 under FUZZ=1. */
const RUNS = {
  mixed: LONG ? 7_000 : 200,
  words: LONG ? 2_500 : 70,
  huge: LONG ? 600 : 30,
  options: LONG ? 1_000 : 30,
  hostileFacts: LONG ? 500 : 20,
};
/** The header echoes at most 100 characters of the query (escaping can add a few). */
const MAX_ECHO_LINE = 200;
const SESSION = 'k3J9_aQx';

let index: FactIndex;
/** Words of the real facts (texts, tags, aliases), for queries that actually hit. */
let factWords: string[];
let caseTitles: Map<string, string>;

beforeAll(async () => {
  const result = await loadFactsDir(FACTS);
  if (!result.ok) throw new Error(`the real facts do not load: ${JSON.stringify(result.errors)}`);
  // The index the bot serves: words, meaning (word vectors, related words) and the Japanese glossary.
  const language = await loadLanguage();
  if (language.problems.length > 0) throw new Error(language.problems.map((p) => p.message).join('; '));
  index = await buildIndex(result.factSet, language);
  if (index.vectors === undefined) throw new Error('the fuzzed index must search by meaning too');
  const words = new Set<string>();
  for (const fact of result.factSet.facts) {
    for (const w of `${fact.text} ${fact.tags.join(' ')}`.split(/[^\p{L}\p{N}'’-]+/u)) if (w.length > 1) words.add(w);
  }
  for (const c of result.factSet.cases.values()) for (const group of c.aliases) for (const name of group) words.add(name);
  factWords = [...words].sort();
  caseTitles = new Map([...result.factSet.cases.values()].map((c) => [c.id, c.title]));
});

// ---------------------------------------------------------------------------------------------
// Arbitraries

const STOP_ONLY = ['the', 'of', 'and', 'what', 'is', 'who', 'did', 'tell', 'me', 'about', 'a', 'was', 'were', 'how'];
const PROTO = ['__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'then', 'length'];
const MARKDOWN = [
  '**',
  '__',
  '`',
  '```',
  '> ',
  '>>> ',
  '[x](https://evil)',
  '[jaxa](https://evil.example/x)',
  '||spoiler||',
  '~~',
  '# ',
  '-# ',
  '\\',
  '*',
  '_',
  ')',
  '(',
  '<https://evil>',
  'https://evil.example',
];
const MENTIONS = [
  '@everyone',
  '@here',
  '@EVERYONE',
  '<@123>',
  '<@!123>',
  '<@&456>',
  '<#789>',
  '</case:123>',
  '<:emoji:123>',
  '<a:x:1>',
  '@@everyone',
  '<<@123>>',
  '@\u200beveryone',
  '@every\u0000one',
];
const INVISIBLE = [
  '\u202e',
  '\u202d',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u034f',
];
const CONTROL = [
  '\u0000',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u000b',
  '\u000c',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const controlChar = fc
  .integer({ min: 0, max: 0x9f })
  .filter((c) => c < 0x20 || c >= 0x7f)
  .map((c) => String.fromCharCode(c));

/** A word of the real facts with 0–2 typos (insert, delete, replace, swap, case change). */
function typoWord(): fc.Arbitrary<string> {
  const edit = fc.tuple(
    fc.constantFrom('ins', 'del', 'rep', 'swap', 'case'),
    fc.nat(),
    fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzé’ 0'),
  );
  return fc.tuple(fc.constantFrom(...factWords), fc.array(edit, { maxLength: 2 })).map(([word, edits]) => {
    let w = word;
    for (const [kind, at, ch] of edits) {
      const i = w.length === 0 ? 0 : at % w.length;
      if (kind === 'ins') w = w.slice(0, i) + ch + w.slice(i);
      else if (kind === 'del') w = w.slice(0, i) + w.slice(i + 1);
      else if (kind === 'rep') w = w.slice(0, i) + ch + w.slice(i + 1);
      else if (kind === 'swap' && i + 1 < w.length) w = w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2);
      else w = at % 2 === 0 ? w.toUpperCase() : w.toLowerCase();
    }
    return w;
  });
}

/** One piece of a query: nasty syntax, invisible characters, real words, random Unicode. */
function token(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: typoWord() },
    { weight: 2, arbitrary: fc.constantFrom(...STOP_ONLY) },
    { weight: 1, arbitrary: fc.constantFrom(...PROTO) },
    { weight: 2, arbitrary: fc.constantFrom(...MARKDOWN) },
    { weight: 2, arbitrary: fc.constantFrom(...MENTIONS) },
    { weight: 1, arbitrary: fc.constantFrom(...INVISIBLE) },
    { weight: 1, arbitrary: fc.constantFrom(...CONTROL) },
    { weight: 1, arbitrary: controlChar },
    { weight: 1, arbitrary: loneSurrogate },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 99_999_999_999 }).map(String) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  );
}

const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '\t', '\u3000', '\u00a0', '-', '/', '.', '?', ',');

/** Queries built from tokens, so that mentions, markdown and real words meet in one string. */
function tokenQuery(maxTokens: number): fc.Arbitrary<string> {
  return fc.array(fc.tuple(token(), separator), { maxLength: maxTokens }).map((parts) => parts.map(([t, s]) => t + s).join(''));
}

/** Any query: mostly token mixes, plus raw random strings of every kind. */
function mixedQuery(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: tokenQuery(12) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 100 }) },
    {
      weight: 1,
      arbitrary: fc.string({
        unit: fc.oneof(loneSurrogate, controlChar, fc.constantFrom(...INVISIBLE, '@', '<', '>', '#', '&', '!', '*', '_', '`', '\\')),
        maxLength: 60,
      }),
    },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...STOP_ONLY), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')) },
    { weight: 1, arbitrary: fc.constantFrom(...PROTO) },
  );
}

/** Queries of 1 000–6 000 characters: a random string, or a repeated piece (mentions, words, markdown). */
function hugeQuery(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', minLength: 1000, maxLength: 6000 }),
    fc
      .tuple(tokenQuery(6), fc.integer({ min: 1000, max: 6000 }))
      .map(([piece, n]) => (piece.length === 0 ? 'x' : piece).repeat(Math.ceil(n / Math.max(1, piece.length))).slice(0, n)),
    fc
      .tuple(fc.constantFrom(...MENTIONS, ...MARKDOWN, '@everyone ', '<@123> ', 'jaxa ', 'the '), fc.integer({ min: 1000, max: 6000 }))
      .map(([piece, n]) => piece.repeat(Math.ceil(n / piece.length)).slice(0, n)),
  );
}

// ---------------------------------------------------------------------------------------------
// The properties, as plain checks (each throws with a readable message)

function replyTexts(reply: Reply): string[] {
  const texts: string[] = [];
  if (reply.content !== undefined) texts.push(reply.content);
  for (const embed of reply.embeds ?? []) {
    for (const t of [embed.title, embed.description, embed.footer?.text, embed.author?.name, embed.url]) if (t !== undefined) texts.push(t);
    for (const field of embed.fields ?? []) texts.push(field.name, field.value);
  }
  for (const row of reply.components ?? [])
    for (const button of row.components) if ('label' in button && button.label !== undefined) texts.push(button.label);
  return texts;
}

function checkReply(reply: Reply, what: string): void {
  const violations = replyLimitViolations(reply);
  if (violations.length > 0) throw new Error(`${what} breaks Discord limits: ${violations.join('; ')}`);
  for (const text of replyTexts(reply)) {
    for (const pattern of PING_PATTERNS) {
      const m = pattern.exec(text);
      if (m) throw new Error(`${what} contains a live mention ${JSON.stringify(m[0])} in ${JSON.stringify(text.slice(0, 300))}`);
    }
  }
}

/** A lone surrogate cannot be encoded as UTF-8: Discord refuses a payload containing one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** From a well-formed query (all Discord can send), every text we send back must be well-formed too. */
function checkWellFormed(query: string, texts: readonly string[], what: string): void {
  if (LONE_SURROGATE.test(query)) return;
  for (const text of texts)
    if (LONE_SURROGATE.test(text)) throw new Error(`${what} has a lone surrogate (cut emoji?): ${JSON.stringify(text.slice(0, 300))}`);
}

/** The header (answer pages) or first line (no match) quotes the query; it must stay short. */
function checkEcho(reply: Reply, what: string): void {
  const line = (reply.content ?? '').split('\n')[0] ?? '';
  if (line.length > MAX_ECHO_LINE)
    throw new Error(`${what} echoes ${line.length} characters of the query: ${JSON.stringify(line.slice(0, 300))}`);
}

function checkAutocomplete(query: string): void {
  for (const caseId of [undefined, 'tick-jaxa']) {
    const choices = index.autocomplete(query, caseId === undefined ? {} : { caseId });
    if (choices.length > 25) throw new Error(`autocomplete gave ${choices.length} choices`);
    for (const c of choices) {
      if (c.name.length < 1 || c.name.length > 100)
        throw new Error(`autocomplete choice name of ${c.name.length} characters: ${JSON.stringify(c.name)}`);
      if (c.value.length < 1 || c.value.length > 100)
        throw new Error(`autocomplete choice value of ${c.value.length} characters: ${JSON.stringify(c.value)}`);
    }
    checkWellFormed(
      query,
      choices.flatMap((c) => [c.name, c.value]),
      'autocomplete choice',
    );
    if (new Set(choices.map((c) => c.value)).size !== choices.length)
      throw new Error(`autocomplete gave two choices with the same value for ${JSON.stringify(query.slice(0, 100))}`);
    // Picking a fact choice sends its value as the query: it must find that fact first.
    for (const c of choices) {
      if (c.kind !== 'fact') continue;
      const first = index.search(c.value, caseId === undefined ? {} : { caseId }).hits[0];
      if (first === undefined || first.fact.text !== index.factSet.facts.find((f) => `${f.caseId}/${f.id}` === c.value)?.text) {
        throw new Error(`the fact choice ${JSON.stringify(c.value)} does not find its fact (got ${first?.fact.id ?? 'nothing'})`);
      }
    }
  }
}

function renderAll(a: Answer, pageSize?: number): void {
  if (a.results.length === 0) {
    const plain = renderNoMatch(a);
    checkWellFormed(a.query, replyTexts(plain), 'renderNoMatch');
    checkReply(plain, 'renderNoMatch');
    checkEcho(plain, 'renderNoMatch');
    const titled = renderNoMatch(a, caseTitles);
    checkReply(titled, 'renderNoMatch with titles');
    checkEcho(titled, 'renderNoMatch with titles');
  }
  const pages = pageCount(a, pageSize);
  // One past the end, too: the renderer clamps it.
  for (let page = 0; page <= pages; page += 1) {
    const reply = renderAnswerPage(a, {
      page,
      buttons: sessionButtonIds(SESSION),
      caseTitles,
      ...(pageSize === undefined ? {} : { pageSize }),
    });
    checkReply(reply, `renderAnswerPage page ${page}`);
    checkWellFormed(a.query, replyTexts(reply), `renderAnswerPage page ${page}`);
    checkEcho(reply, `renderAnswerPage page ${page}`);
  }
}

/** Everything a query goes through in the bot, checked. */
function checkQuery(query: string, limit?: number, pageSize?: number): void {
  index.search(query);
  index.search(query, { caseId: 'tick-jaxa', limit: limit ?? 5 });
  checkAutocomplete(query);
  const a = answer(index, query, { caseId: 'tick-jaxa', ...(limit === undefined ? {} : { limit }) });
  expect(a.query).toBe(query);
  renderAll(a, pageSize);
}

// ---------------------------------------------------------------------------------------------

describe('fuzz: queries against the real case', () => {
  it(`never throws, stays within Discord limits and never pings (${RUNS.mixed} mixed queries)`, () => {
    const seed = fuzzSeed('queries/mixed');
    fc.assert(
      fc.property(
        mixedQuery(),
        fc.option(fc.integer({ min: -3, max: 60 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
        (query, limit, pageSize) => {
          checkQuery(query, limit, pageSize);
        },
      ),
      { seed, numRuns: RUNS.mixed },
    );
  });

  it(`real words with typos, mixed with mentions and markdown, render safely on every page (${RUNS.words} queries)`, () => {
    const seed = fuzzSeed('queries/words');
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 4, arbitrary: typoWord() }, { weight: 1, arbitrary: fc.constantFrom(...MENTIONS, ...MARKDOWN) }), {
          minLength: 1,
          maxLength: 6,
        }),
        (words) => {
          const query = words.join(' ');
          checkQuery(query, 50, 3);
        },
      ),
      { seed, numRuns: RUNS.words },
    );
  });

  it(`queries of 1 000–6 000 characters are answered quickly and echoed short (${RUNS.huge} queries)`, () => {
    const seed = fuzzSeed('queries/huge');
    let slowest = 0;
    fc.assert(
      fc.property(hugeQuery(), (query) => {
        const started = performance.now();
        checkQuery(query);
        const ms = performance.now() - started;
        slowest = Math.max(slowest, ms);
        // Generous: two shared cores; a typical one takes a few milliseconds.
        if (ms > 1500) throw new Error(`a ${query.length}-character query took ${Math.round(ms)} ms`);
      }),
      { seed, numRuns: RUNS.huge },
    );
    console.log(`[fuzz] queries/huge: slowest ${Math.round(slowest)} ms`);
  });

  it(`odd options (case ids like __proto__, NaN/∞/negative limits and pages) are harmless (${RUNS.options} queries)`, () => {
    const seed = fuzzSeed('queries/options');
    const odd = fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -1,
      0,
      0.5,
      2.5,
      1e9,
      -0,
      Number.MAX_SAFE_INTEGER,
    );
    const number = fc.oneof(odd, fc.integer({ min: -5, max: 60 }));
    const caseId = fc.oneof(fc.constantFrom('tick-jaxa', '', 'nope', ...PROTO), fc.string({ maxLength: 20 }));
    fc.assert(
      fc.property(mixedQuery(), caseId, number, number, number, (query, id, limit, page, pageSize) => {
        index.search(query, { caseId: id, limit });
        const choices = index.autocomplete(query, { caseId: id, limit });
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const c of choices) {
          expect(c.name.length).toBeGreaterThan(0);
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(c.value.length).toBeGreaterThan(0);
          expect(c.value.length).toBeLessThanOrEqual(100);
        }
        const a = answer(index, query, { caseId: id, limit });
        for (const r of a.results) expect(r.case).toBe(id);
        checkReply(
          renderAnswerPage(a, { page, pageSize, buttons: sessionButtonIds(SESSION) }),
          `renderAnswerPage page ${page} size ${pageSize}`,
        );
      }),
      { seed, numRuns: RUNS.options },
    );
  });

  it('a query made only of stop words matches no fact by its words, and a reply without facts says so briefly', () => {
    const seed = fuzzSeed('queries/stop-words');
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...STOP_ONLY), { minLength: 1, maxLength: 10 }),
        fc.constantFrom(' ', '  ', '\n', ' ? '),
        (words, sep) => {
          const a = answer(index, words.join(sep));
          expect(a.queryTerms).toBe(0);
          // Meaning may answer a question of question words only ("who did it") through a
          // moderator's question; words never match.
          for (const result of a.results) expect(result.matched).toEqual([]);
          if (a.results.length === 0) checkReply(renderNoMatch(a), 'renderNoMatch');
        },
      ),
      { seed, numRuns: LONG ? 500 : 50 },
    );
  });
});

/** Text a moderator (or a pasted source) could put in a fact: real words mixed with mentions and markdown. */
function hostileText(maxTokens: number): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('everyone', 'here', 'jaxa', 'tick', 'police', '123', 'wang', 'software') },
    { weight: 3, arbitrary: fc.constantFrom(...MENTIONS, ...MARKDOWN) },
    { weight: 1, arbitrary: fc.constantFrom(...INVISIBLE, ...CONTROL) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  );
  return fc
    .array(fc.tuple(piece, fc.constantFrom(' ', '', '\n', '\n\n')), { minLength: 1, maxLength: maxTokens })
    .map((parts) => parts.map(([t, sep]) => t + sep).join(''));
}

/** A one-case fact set built directly (no loader): hostile texts, quotes, titles, publishers and URLs. */
function hostileFactSet(): fc.Arbitrary<FactSet> {
  const url = fc.oneof(
    fc.constant(null),
    fc.constantFrom(
      'https://x.example/a_(b)',
      'javascript:alert(1)',
      'https://x.example/**x**',
      'https://x.example/a>b',
      'https://x.example/<b',
      'https://x.example/@everyone',
      'https://user:pw@x.example/@here?a=<@123>',
    ),
    fc.webUrl(),
  );
  const source = fc.record({
    title: hostileText(6),
    publisher: fc.option(hostileText(3), { nil: null }),
    date: fc.option(hostileText(2), { nil: null }),
    url,
    text: hostileText(40),
  });
  const fact = fc.record({
    text: hostileText(20),
    quotes: fc.array(hostileText(30), { minLength: 1, maxLength: 4 }),
    tags: fc.array(hostileText(2), { maxLength: 3 }),
  });
  return fc
    .tuple(
      fc.oneof(fc.constantFrom('The “Tick” case', 'JAXA', '@everyone <@123>'), hostileText(6)),
      source,
      fc.array(fact, { minLength: 1, maxLength: 12 }),
    )
    .map(([title, src, facts]): FactSet => {
      const s: Source = { id: 'report', file: 'facts/evil/sources/report.txt', ...src };
      const c: Case = { id: 'evil', title, summary: title, sources: new Map([['report', s]]), aliases: [] };
      const list: Fact[] = facts.map((f, i) => ({
        id: `f${i}`,
        caseId: 'evil',
        text: f.text,
        tags: f.tags,
        questions: [],
        file: 'facts/evil/facts.yaml',
        line: i + 1,
        citations: f.quotes.map((quote, q) => ({
          source: 'report',
          quote,
          sourceText: quote,
          position: { first: q + 1, last: q + 1, of: f.quotes.length },
        })),
      }));
      return { cases: new Map([['evil', c]]), facts: list };
    });
}

describe('fuzz: hostile fact texts', () => {
  it(`facts, quotes and sources full of mentions and markdown never ping and stay within limits (${RUNS.hostileFacts} fact sets)`, () => {
    const seed = fuzzSeed('queries/hostile-facts');
    fc.assert(
      fc.property(
        hostileFactSet(),
        fc.array(fc.constantFrom('everyone', 'jaxa', 'tick', 'police', '123', 'wang', 'software', 'here'), { minLength: 1, maxLength: 3 }),
        (factSet, words) => {
          const evil = FactIndex.build(factSet);
          const titles = new Map([...factSet.cases.values()].map((c) => [c.id, c.title]));
          for (const q of [words.join(' '), ...words]) {
            const a = answer(evil, q, { limit: 50 });
            for (let page = 0; page < pageCount(a) + 1; page += 1) {
              checkReply(
                renderAnswerPage(a, { page, buttons: sessionButtonIds(SESSION), caseTitles: titles }),
                `hostile facts, query ${JSON.stringify(q)}, page ${page}`,
              );
            }
            checkReply(renderNoMatch(a, titles), 'hostile facts, renderNoMatch');
            for (const c of evil.autocomplete(q))
              if (c.name.length > 100 || c.value.length > 100 || c.name.length === 0) throw new Error(`bad choice ${JSON.stringify(c)}`);
          }
        },
      ),
      { seed, numRuns: RUNS.hostileFacts },
    );
  });
});

describe('mentions in case titles and source URLs (found by the hostile-facts property)', () => {
  /** One fact citing one source, whose case title and source URL are given. */
  function oneFact(caseTitle: string, url: string | null): FactSet {
    const s: Source = {
      id: 'report',
      file: 'facts/evil/sources/report.txt',
      title: 'Report',
      publisher: null,
      date: null,
      url,
      text: 'JAXA was hit.',
    };
    const c: Case = { id: 'evil', title: caseTitle, summary: 'x', sources: new Map([['report', s]]), aliases: [] };
    const fact: Fact = {
      id: 'f0',
      caseId: 'evil',
      text: 'JAXA was hit.',
      tags: [],
      questions: [],
      file: 'facts/evil/facts.yaml',
      line: 1,
      citations: [{ source: 'report', quote: 'JAXA was hit.', sourceText: 'JAXA was hit.', position: { first: 1, last: 1, of: 1 } }],
    };
    return { cases: new Map([['evil', c]]), facts: [fact] };
  }

  it('a case title with @everyone is neutralised in the embed author', () => {
    const factSet = oneFact('@everyone <@123>', null);
    const reply = renderAnswerPage(answer(FactIndex.build(factSet), 'jaxa'), {
      page: 0,
      caseTitles: new Map([['evil', '@everyone <@123>']]),
    });
    checkReply(reply, 'case title');
  });

  it('a source URL containing @everyone is neutralised in the masked link', () => {
    const factSet = oneFact('Case', 'https://x.example/@everyone');
    const reply = renderAnswerPage(answer(FactIndex.build(factSet), 'jaxa'), { page: 0 });
    checkReply(reply, 'source url');
  });
});

/** Named nasty queries, as ordinary tests (each must pass every check above). */
const NASTY: readonly (readonly [string, string])[] = [
  ['empty', ''],
  ['spaces only', '   \t  '],
  ['stop words only', 'the of and what is'],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['toString', 'toString'],
  ['prototype chain words', '__proto__ constructor prototype toString valueOf hasOwnProperty'],
  ['@everyone', '@everyone'],
  ['@here', '@here jaxa'],
  ['user mention', '<@123456789012345678> jaxa'],
  ['nickname mention', '<@!123456789012345678>'],
  ['role mention', '<@&456> tick'],
  ['channel mention', '<#789>'],
  ['mention split by a control char', '<\u0007@123> @every\u0000one @he\u202ere'],
  ['mention after a zero-width space the user typed', '@\u200beveryone <\u200b@1>'],
  ['nested angle brackets', '<<@123>> <@<@123>>'],
  ['markdown', '**bold** __under__ `code` ```block``` > quote ||spoiler|| ~~strike~~'],
  ['masked link', '[jaxa](https://evil.example/phish)'],
  ['auto link', 'https://evil.example/x jaxa'],
  ['heading and subtext', '# jaxa\n-# tick\n> wang'],
  ['right-to-left override', '\u202ejaxa\u202c \u2067kato\u2069'],
  ['zero-width chars inside a word', 'ja\u200bxa ka\u200dto \ufeffwang'],
  ['lone surrogates', '\ud800jaxa\udfff \udc00'],
  ['NUL and escape sequences', '\u0000\u001b[2J\u001b[31mjaxa'],
  ['CRLF and line separators', 'jaxa\r\ntick\u2028kato\u2029wang'],
  ['emoji and combining marks', '👩‍💻 j̶a̶x̶a̶ 🇯🇵 Z̸̢̛a̶l̷g̴o̵'],
  ['Japanese', '宇宙航空研究開発機構 加藤 人民解放軍'],
  ['a fact key', 'tick-jaxa/jaxa-among-targets'],
  ['a fact key of another case', 'other/jaxa-among-targets'],
  ['path traversal', '../../etc/passwd'],
  ['6000 @everyone', '@everyone '.repeat(600)],
  ['6000 mentions', '<@123>'.repeat(1000)],
  ['6000 backslashes', '\\'.repeat(6000)],
  ['6000 asterisks', '*'.repeat(6000)],
  ['6000 of one real word', 'jaxa '.repeat(1200)],
  [
    '6000 distinct typos',
    Array.from({ length: 700 }, (_, i) => `jaxx${i}`)
      .join(' ')
      .slice(0, 6000),
  ],
  ['6000 lone surrogates', '\ud83d'.repeat(6000)],
  ['6000 RTL overrides', '\u202e'.repeat(6000)],
  ['6000 zero-width spaces', '\u200b'.repeat(6000)],
  ['6000 newlines', '\n'.repeat(6000)],
  ['long word', 'a'.repeat(6000)],
  ['emoji across the 100-character echo cut', `${'x'.repeat(98)}😀😀😀 jaxa`],
  ['emoji across the 200-character autocomplete cut', `jaxa ${'a'.repeat(194)}😀`],
  ['emoji only', '😀'.repeat(3000)],
  ['regex metacharacters', '.*+?^${}()|[]\\/ (a+)+$ jaxa'],
  ['MiniSearch syntax', 'AND OR NOT jaxa* ~kato +wang -tick'],
];

describe('nasty queries', () => {
  it.each(NASTY)('%s', (_name, query) => {
    for (const limit of [undefined, 1, 50]) checkQuery(query, limit);
  });

  it('the echoed query is cut to about 100 characters', () => {
    const query = `jaxa ${'x'.repeat(300)}`;
    const content = renderAnswerPage(answer(index, query), { page: 0 }).content ?? '';
    // The first line echoes the query; a second names the words no fact has (each cut to 40).
    const [echo = '', ...notes] = content.split('\n');
    expect(echo.length).toBeLessThanOrEqual(MAX_ECHO_LINE);
    expect(notes.join('\n').length).toBeLessThanOrEqual(MAX_ECHO_LINE);
    expect(content).not.toContain('x'.repeat(101));
  });
});
