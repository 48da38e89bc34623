import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFactsDir } from '../../src/facts/load.js';
import { foldForQuoteMatch } from '../../src/facts/quotes.js';
import { SourcePositions } from '../../src/facts/source-positions.js';

const SOURCE = 'It rained.\nThe company didn’t   exist — “really”. Mr. Sato left.\nThe end.';

function locate(positions: SourcePositions, typed: string): ReturnType<SourcePositions['locate']> {
  return positions.locate(foldForQuoteMatch(typed), typed);
}

describe('SourcePositions.locate', () => {
  it('gives a whole sentence in the source’s own characters, with its number', () => {
    const p = new SourcePositions(SOURCE);
    expect(locate(p, `The company didn't exist - "really".`)).toEqual({
      text: 'The company didn’t exist — “really”.',
      position: { first: 2, last: 2, of: 4 },
    });
  });

  it('gives an excerpt in the source’s characters, and the sentences it spans', () => {
    const p = new SourcePositions(SOURCE);
    expect(locate(p, "didn't exist")).toEqual({ text: 'didn’t exist', position: { first: 2, last: 2, of: 4 } });
    expect(locate(p, 'Sato left. The end')).toEqual({ text: 'Sato left.\nThe end'.replace('\n', ' '), position: { first: 3, last: 4, of: 4 } });
  });

  it('falls back to the typed quote, position unknown, when the quote is not in the source', () => {
    const p = new SourcePositions(SOURCE);
    expect(locate(p, 'Never written.')).toEqual({ text: 'Never written.', position: { first: 0, last: 0, of: 4 } });
  });
});

describe('loaded citations', () => {
  it('carry the source’s exact text and sentence number, though the moderator typed straight quotes', async () => {
    const result = await loadFactsDir(path.join(import.meta.dirname, '../fixtures/facts/published-source'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const cite = (id: string) => result.factSet.facts.find((f) => f.id === id)?.citations[0];
    expect(cite('fire-at-warehouse')).toEqual({
      source: 'gazette',
      quote: "A fire broke out at the harbour's main warehouse on Tuesday night.",
      sourceText: 'A fire broke out at the harbour’s main warehouse on Tuesday night.',
      position: { first: 1, last: 1, of: 4 },
    });
    expect(cite('nobody-hurt')?.sourceText).toBe('The Harbour Fire Department said nobody was hurt — the building was empty.');
    expect(cite('fire-origin')).toMatchObject({ sourceText: 'Investigators said the fire “started near the loading dock” and spread quickly.', position: { first: 3, last: 3, of: 4 } });
  });
});
