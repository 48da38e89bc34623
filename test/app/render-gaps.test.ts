import { describe, expect, it } from 'vitest';
import { replyLimitViolations } from '../../src/answer/reply.js';
import { gapsStatusLine, renderGapsReport, renderVoteAck } from '../../src/app/render-gaps.js';
import type { GapQuestionRow, GapReport, VotedAnswerRow } from '../../src/gaps/types.js';

const at = new Date(Date.UTC(2025, 2, 2, 12));

function question(query: string, count = 3): GapQuestionRow {
  return { caseId: 'tick-jaxa', query, count, unanswered: count - 1, weak: 1, lastAskedAt: at };
}
function voted(query: string, factIds: string[] = ['f1']): VotedAnswerRow {
  return { caseId: 'tick-jaxa', query, down: 2, up: 1, factIds, lastVotedAt: at };
}
function report(questions: GapQuestionRow[], answers: VotedAnswerRow[]): GapReport {
  return { since: new Date(Date.UTC(2025, 1, 1)), questions, answers };
}

describe('renderGapsReport', () => {
  it('stays within Discord’s limits with a hundred long questions in each list, counting what it leaves out', () => {
    const long = 'why '.repeat(60);
    const reply = renderGapsReport(
      {
        ok: true,
        report: report(
          Array.from({ length: 100 }, (_, i) => question(`${i} ${long}`)),
          Array.from({ length: 100 }, (_, i) => voted(`${i} ${long}`, ['a'.repeat(200), 'b', 'c', 'd'])),
        ),
      },
      { days: 90, scope: 'server' },
    );
    expect(replyLimitViolations(reply)).toEqual([]);
    const [questions, answers] = reply.embeds ?? [];
    expect(questions?.description).toMatch(/…and \d+ more$/);
    expect(answers?.description).toMatch(/…and \d+ more$/);
    expect(reply.ephemeral).toBe(true);
  });

  it('shows members’ questions literally: no markdown, no mentions, no links, no line breaks', () => {
    const reply = renderGapsReport(
      {
        ok: true,
        report: report(
          [question('@everyone **bold** <@123456789012345678>\nsecond line https://evil.example')],
          [voted('`code` ||spoiler||', ['f`1'])],
        ),
      },
      { days: 7, scope: 'server', caseId: 'tick-jaxa' },
    );
    const [questions, answers] = reply.embeds ?? [];
    const text = `${questions?.description}\n${answers?.description}`;
    expect(text).not.toMatch(/@everyone|<@\d|\*\*bold|https:\/\/|\n second/);
    expect(text).toContain('\\*\\*bold\\*\\*');
    expect(answers?.description).toContain('\\`code\\`');
    expect(answers?.description).toContain('`fˋ1`');
    // Filtered to one case: the lines do not repeat it.
    expect(questions?.description).not.toContain('`tick-jaxa`');
    expect(questions?.title).toContain('`tick-jaxa`');
  });

  it('says when a list is empty, and gives the reason when gaps are off', () => {
    const empty = renderGapsReport({ ok: true, report: report([], []) }, { days: 1, scope: 'all' });
    expect(empty.embeds?.map((e) => e.description)).toEqual([
      'None: every question in this period found facts covering it.',
      'None: no answer got a 👎 in this period.',
    ]);
    expect(empty.embeds?.[0]?.title).toContain('last 1 day');
    expect(empty.embeds?.[1]?.footer?.text).toMatch(/^All servers · since 2025-02-01/);
    const diskFull = { code: 'off', reason: { code: 'database', problem: { code: 'disk-full' } } } as const;
    expect(renderGapsReport({ ok: false, reason: diskFull }, { days: 7, scope: 'server' })).toEqual({
      content: 'Knowledge gaps are off: the disk holding the database is full.',
      ephemeral: true,
    });
  });
});

describe('renderVoteAck and gapsStatusLine', () => {
  it('thanks privately, and says when a vote changed', () => {
    expect(renderVoteAck({ kind: 'kept', vote: 'down', previous: null })).toEqual({ content: 'Thanks — noted.', ephemeral: true });
    expect(renderVoteAck({ kind: 'kept', vote: 'down', previous: 'up' }).content).toBe('Thanks — your vote is now 👎.');
    expect(renderVoteAck({ kind: 'expired' }).ephemeral).toBe(true);
  });

  it('shows the last write error under an on status, escaped', () => {
    const lastWriteError = { code: 'not-kept', problem: { code: 'other', detail: 'disk *full*' } } as const;
    expect(gapsStatusLine({ state: 'on', retentionDays: 1, lastWriteError })).toBe(
      '✅ On: questions and votes kept 1 day.\n⚠️ The last question or vote was not kept: the database cannot be used \\(disk \\*full\\*\\).',
    );
  });
});
