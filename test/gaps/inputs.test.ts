import { describe, expect, it } from 'vitest';
import { MAX_REPORT_LIMIT, questionToKeep, reportWindow, voteToKeep } from '../../src/gaps/inputs.js';

const AT = new Date('2025-03-02T12:00:00Z');

describe('what the gap stores keep', () => {
  it('keeps a question under its normalised text, and nothing without text, case or time', () => {
    const question = { query: ' Was DATA stolen? ', caseId: 'c', guildId: null, kind: 'unanswered', at: AT } as const;
    expect(questionToKeep(question)).toBe('was data stolen');
    expect(questionToKeep({ ...question, query: ' ?! ' })).toBeNull();
    expect(questionToKeep({ ...question, caseId: '' })).toBeNull();
    expect(questionToKeep({ ...question, at: new Date(Number.NaN) })).toBeNull();
  });

  it('keeps a vote only with a voter as well', () => {
    const vote = { query: 'jaxa', caseId: 'c', guildId: null, voterId: 'u', vote: 'up', factIds: [], at: AT } as const;
    expect(voteToKeep(vote)).toBe('jaxa');
    expect(voteToKeep({ ...vote, voterId: '' })).toBeNull();
    expect(voteToKeep({ ...vote, at: new Date(Number.NaN) })).toBeNull();
  });

  it('reads a report only for a whole number of days and a real time, with the limit held to 1..100', () => {
    expect(reportWindow({ days: 7, limit: 500, now: AT })).toEqual({ ok: true, now: AT, limit: MAX_REPORT_LIMIT });
    expect(reportWindow({ days: 7, limit: Number.NaN, now: AT })).toEqual({ ok: true, now: AT, limit: 1 });
    expect(reportWindow({ days: 1.5, limit: 10 })).toEqual({ ok: false, reason: { code: 'bad-days' } });
    expect(reportWindow({ days: 0, limit: 10 })).toEqual({ ok: false, reason: { code: 'bad-days' } });
    expect(reportWindow({ days: 1, limit: 10, now: new Date(Number.NaN) })).toEqual({ ok: false, reason: { code: 'bad-time' } });
  });
});
