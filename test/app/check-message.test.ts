/** "Check against case facts" against the shipped facts and the committed language data. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderReplyAsText } from '../../src/answer/render-text.js';
import { replyLimitViolations } from '../../src/answer/reply.js';
import { checkMessage, createMessageChecker, MAX_FACTS_SHOWN, type CheckRequest } from '../../src/app/check-message.js';
import { MAX_CLAIMS } from '../../src/app/claims.js';
import { loadFactsDir } from '../../src/facts/load.js';
import type { FactSet } from '../../src/facts/types.js';
import { buildIndex } from '../../src/search/build-index.js';
import type { FactIndex } from '../../src/search/fact-index.js';
import { loadLanguage } from '../../src/search/language.js';
import { captureLog } from './fake-store.js';

const FACTS = fileURLToPath(new URL('../../facts', import.meta.url));
let snapshot: { factSet: FactSet; index: FactIndex };

beforeAll(async () => {
  const loaded = await loadFactsDir(FACTS);
  if (!loaded.ok) throw new Error('the shipped facts must load');
  snapshot = { factSet: loaded.factSet, index: await buildIndex(loaded.factSet, await loadLanguage()) };
});

/** A fact of facts/tick-jaxa/facts.yaml, read from the file (not from the index under test). */
function shippedFact(id: string): { text: string; quote: string } {
  const data: unknown = parseYaml(readFileSync(`${FACTS}/tick-jaxa/facts.yaml`, 'utf8'));
  const facts = typeof data === 'object' && data !== null && 'facts' in data && Array.isArray(data.facts) ? data.facts : [];
  for (const fact of facts) {
    if (fact?.id === id) return { text: String(fact.text).replace(/\s+/g, ' ').trim(), quote: String(fact.cite?.[0]?.quote ?? '').trim() };
  }
  throw new Error(`no fact ${id}`);
}

const check = (text: string, extra: Partial<CheckRequest> = {}) =>
  checkMessage(snapshot, { text, userId: 'u1', interactionId: 'i1', ...extra });

describe('checking a message against the shipped facts', () => {
  it('finds the fact a message repeats, with its source sentence, privately', () => {
    const fact = shippedFact('jaxa-among-targets');
    const reply = check(`Did you know? ${fact.text}`);
    expect(reply.outcome).toBe('checked');
    expect(reply.ephemeral).toBe(true);
    const text = renderReplyAsText(reply);
    expect(text).toContain(fact.text);
    expect(text).toContain(fact.quote.slice(0, 60));
    expect(replyLimitViolations(reply)).toEqual([]);
  });

  it('says which claim each fact speaks to when a message makes several', () => {
    const targets = shippedFact('jaxa-among-targets').text;
    const search = shippedFact('police-search-chinese-national').text;
    const reply = check(`${targets}\n${search}`);
    expect(reply.outcome).toBe('checked');
    const titles = (reply.embeds ?? []).map((e) => e.title ?? '');
    expect(reply.embeds?.length).toBeLessThanOrEqual(MAX_FACTS_SHOWN);
    expect(titles.some((t) => t.startsWith('On “The Japan Aerospace'))).toBe(true);
    expect(titles.some((t) => t.startsWith('On “Japanese police'))).toBe(true);
    // Each fact shown once, even when both claims find it.
    const passages = (reply.embeds ?? []).map((e) => (e.description ?? '').split('\n\n')[0]);
    expect(new Set(passages).size).toBe(passages.length);
  });

  it('answers an off-topic message with “No case fact speaks to this message” and no fact', () => {
    const reply = check('The football match last night was great, the striker scored twice in the second half.');
    expect(reply.outcome).toBe('no-match');
    expect(reply.content).toMatch(/^No case fact speaks to this message\./);
    expect(reply.embeds ?? []).toEqual([]);
    expect(reply.ephemeral).toBe(true);
  });

  it('tells messages without text, with only a link, or only mentions and emoji, what there is', () => {
    expect(check('', { embeds: 1 })).toMatchObject({
      outcome: 'no-text',
      ephemeral: true,
      content: 'This message has no text to check — only embeds.',
    });
    expect(check('', { attachments: 2 }).content).toBe('This message has no text to check — only attachments.');
    expect(check('').content).toBe('This message has no text to check.');
    expect(check('https://example.org/jaxa-story')).toMatchObject({
      outcome: 'link-only',
      content: expect.stringMatching(/^This message is only a link/),
    });
    expect(check('<@200000000000000001> 🔥🔥')).toMatchObject({
      outcome: 'no-words',
      content: expect.stringMatching(/^This message has no text to check/),
    });
  });

  it('says when a long message was only partly checked', () => {
    const claims = Array.from({ length: MAX_CLAIMS + 2 }, () => shippedFact('jaxa-among-targets').text).join(' ');
    expect(check(claims).content).toMatch(/only its first 5 claims/);
  });

  it('never lets message text ping or format: quoted claims are escaped and mentions neutralised', () => {
    const reply = check('@everyone JAXA staff **hacked** <@123> the tick group. @here Wang is the suspect [x](https://e.vil)');
    const all = JSON.stringify(reply);
    expect(all).not.toMatch(/@everyone|@here|<@123>/);
    expect(all).not.toContain('https://e.vil');
    expect(reply.ephemeral).toBe(true);
  });
});

describe('createMessageChecker', () => {
  it('answers a failure with an apology whose reference id is logged', () => {
    const { log, lines } = captureLog();
    const checker = createMessageChecker({
      store: {
        current: () => {
          throw new Error('store exploded');
        },
      },
      log,
    });
    const reply = checker.handleCheck({ text: 'JAXA was hacked', userId: 'u1', interactionId: 'i9' });
    expect(reply.outcome).toBe('error');
    expect(reply.content).toContain(reply.referenceId ?? 'missing');
    expect(reply.content).not.toContain('exploded');
    expect(lines.find((l) => l.level === 'error')?.obj).toMatchObject({ refId: reply.referenceId, interactionId: 'i9' });
  });
});
