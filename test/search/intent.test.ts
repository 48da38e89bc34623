import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/facts/types.js';
import { rerankForIntent } from '../../src/search/intent.js';
import type { Hit } from '../../src/search/types.js';

function hit(id: string, text: string, score: number): Hit {
  const fact: Fact = {
    id,
    caseId: 'c',
    text,
    citations: [{ source: 's', quote: text, sourceText: text, position: { first: 1, last: 1, of: 1 } }],
    tags: [],
    questions: [],
    file: 'f',
    line: 1,
  };
  return { fact, score, matched: [] };
}

const hits = [
  hit('year', 'The company was founded in 2016.', 5),
  hit('count', 'About 200 companies were hit.', 3),
  hit('none', 'Companies were warned.', 4),
];

describe('rerankForIntent', () => {
  it('lifts a fact holding a count (not a year) for "how many"', () => {
    expect(rerankForIntent('how many companies', hits).map((h) => h.fact.id)).toEqual(['count', 'year', 'none']);
  });

  it('lifts a fact holding a year or month for "when"', () => {
    expect(rerankForIntent('when did it happen', [hits[2]!, hits[1]!, hits[0]!]).map((h) => h.fact.id)).toEqual(['year', 'none', 'count']);
  });

  it('lifts a fact saying how an attempt ended for "in the end", "manage to", 結局', () => {
    const attempt = [
      hit('plan', 'He tried to buy the software to find its flaws.', 3),
      hit('outcome', 'The seller canceled the transaction.', 2),
    ];
    for (const query of [
      'did he manage to buy it',
      'did he get the software in the end',
      'did the deal go through',
      'he get the software or not?',
      'did he actually get the software',
      'did wang get the software',
      'ソフトは結局買えたの',
      // いつも is "always", not いつ ("when").
      'いつもの手口だけど、結局ソフトは買えたの？',
    ]) {
      expect(
        rerankForIntent(query, attempt).map((h) => h.fact.id),
        query,
      ).toEqual(['outcome', 'plan']);
    }
    expect(rerankForIntent('what did he want the software for', attempt).map((h) => h.fact.id)).toEqual(['plan', 'outcome']);
    // Getting into a place is no outcome of the purchase.
    expect(rerankForIntent('did the hackers get into jaxa', attempt).map((h) => h.fact.id)).toEqual(['plan', 'outcome']);
    // Who, in the end: the question asks who (結局誰なん).
    expect(rerankForIntent('so who did it in the end', attempt).map((h) => h.fact.id)).toEqual(['plan', 'outcome']);
  });

  it('lifts a fact telling an instruction for "who ordered …", "who told him to …", 誰に頼まれた', () => {
    const order = [
      hit('software', 'Wang tried to buy the security software.', 3),
      hit('wife', 'He acted at the instruction of his wife.', 2),
    ];
    for (const query of [
      'who ordered wang to buy the software',
      'who told wang to do it',
      'on whose orders did he act',
      '誰に頼まれて買おうとしたの？',
    ])
      expect(
        rerankForIntent(query, order).map((h) => h.fact.id),
        query,
      ).toEqual(['wife', 'software']);
    expect(rerankForIntent('who is wang', order).map((h) => h.fact.id)).toEqual(['software', 'wife']);
  });

  it('lifts a fact telling the means for "how did …", not for how someone reacted or found out', () => {
    const means = [
      hit('identified', 'Police identified a Chinese systems engineer as a suspect in the attacks on JAXA.', 3),
      hit('server', 'The engineer gained access to a rental server under a false identity to attack JAXA.', 2),
    ];
    for (const query of ['how did the hacker get into jaxa', 'how did the engineer pull off the attack']) {
      expect(
        rerankForIntent(query, means).map((h) => h.fact.id),
        query,
      ).toEqual(['server', 'identified']);
    }
    for (const query of ['how did the police find out who it was', 'how did china react']) {
      expect(
        rerankForIntent(query, means).map((h) => h.fact.id),
        query,
      ).toEqual(['identified', 'server']);
    }
  });

  it('lifts a fact telling an aim or a cause for "why", not for whether the reason is known', () => {
    const reasons = [
      hit('bought', 'Wang tried to buy Japanese security software in 2016.', 3),
      hit('aim', "Wang's aim was to help the Chinese military launch cyberattacks.", 2),
    ];
    for (const query of ['why did he want the software', 'the man buy software, why? for what?', 'what was the point of buying it']) {
      expect(
        rerankForIntent(query, reasons).map((h) => h.fact.id),
        query,
      ).toEqual(['aim', 'bought']);
    }
    expect(rerankForIntent('do they know why he did it', reasons).map((h) => h.fact.id)).toEqual(['bought', 'aim']);
  });

  it('lifts a fact saying how likely for "how sure", "proof", "certain", 確定', () => {
    const certainty = [
      hit('identified', 'Police identified a Chinese systems engineer as a suspect.', 3),
      hit('likely', 'Kato said the PLA is "highly likely" to be involved.', 2),
    ];
    for (const query of [
      'how sure is japan that it was the pla',
      'Is the government certain China is responsible?',
      'PLAの関与って確定なの？',
    ]) {
      expect(
        rerankForIntent(query, certainty).map((h) => h.fact.id),
        query,
      ).toEqual(['likely', 'identified']);
    }
  });

  it('lifts a fact placing someone for "where is …", also as read from Japanese (今どこ: "now where")', () => {
    const whereabouts = [
      hit('identified', 'Police identified a Chinese systems engineer as a suspect.', 3),
      hit('left', 'The engineer had left the country, Kato said.', 2),
    ];
    for (const query of ['where is the suspect now', 'engineer where', '容疑者は今どこにいるの suspect now where']) {
      expect(
        rerankForIntent(query, whereabouts).map((h) => h.fact.id),
        query,
      ).toEqual(['left', 'identified']);
    }
    expect(rerankForIntent('who identified the engineer', whereabouts).map((h) => h.fact.id)).toEqual(['identified', 'left']);
  });

  it('keeps the order when the question asks for neither', () => {
    expect(rerankForIntent('companies', hits)).toBe(hits);
  });

  const attackHits = [
    hit('investigating', 'Police are investigating the attackers’ intents and methods.', 4),
    hit('unit', 'The hacking group carried out the attacks under the direction of a military unit.', 3),
    hit('victims', 'About 200 companies were hit by the attacks.', 2.5),
    hit('army', 'The minister said the People’s Liberation Army is likely to be involved in the attacks.', 1),
  ];

  it('lifts facts naming an acting group, unit, army or military for "who" asking for an agent', () => {
    for (const query of [
      'who is behind the attacks',
      'who carried out the attacks',
      'Who was responsible?',
      'who’s behind it',
      'which group did it',
      'by whom was JAXA attacked',
    ]) {
      expect(
        rerankForIntent(query, attackHits).map((h) => h.fact.id),
        query,
      ).toEqual(['unit', 'investigating', 'victims', 'army']);
    }
  });

  it('does not count bare "attackers", police or victims as a named actor', () => {
    const scores = new Map(rerankForIntent('who did it', attackHits).map((h) => [h.fact.id, h.score]));
    expect(scores).toEqual(
      new Map([
        ['unit', 6],
        ['investigating', 4],
        ['victims', 2.5],
        ['army', 2],
      ]),
    );
  });

  it('keeps the order for "who is <name>", "whose", and questions not asking who', () => {
    for (const query of [
      'who is wang',
      'who is the suspect',
      'whose wife',
      'whom did they target',
      'what happened in the attacks',
      'attacks',
      `${'x '.repeat(150)}who is behind it`,
    ]) {
      expect(
        rerankForIntent(query, attackHits).map((h) => h.fact.id),
        query,
      ).toEqual(['investigating', 'unit', 'victims', 'army']);
    }
  });
});
