/**
 * Why something is off or failed, in the reader's language: the codes other layers produce (a
 * database that cannot be used, reload on save stopped, a shard that did not answer, a fact-file
 * problem) rendered with a catalog. English by default — that is also what the logs use — so the
 * English sentences live in one place, the English catalog.
 *
 * Technical text inside a reason (a Redis client's error, an error code, a file path) is shown as
 * it came; so are a fact file's own words (keys, ids, quotes).
 */
import { EN, type Catalog } from '../answer/locale/index.js';
import { formatLoadError, type FieldName, type LoadError, type LoadProblem } from '../facts/types.js';
import type { DatabaseProblem, GapReportProblem, GapsOffReason, GapWriteProblem } from '../gaps/types.js';
import type { SettingsOffReason } from '../settings/server-settings.js';
import type { LanguageProblem, NoAnswer, SemanticOffReason, WatchStoppedReason } from '../store/types.js';

/**
 * Why the database file cannot be used, and what to do.
 *
 * @example
 * databaseProblemText({ code: 'disk-full' }) // 'the disk holding the database is full.'
 */
export function databaseProblemText(problem: DatabaseProblem, t: Catalog = EN): string {
  switch (problem.code) {
    case 'newer-schema':
      return t.t('db.newerSchema', { found: problem.found, supported: problem.supported });
    case 'read-only':
      return t.t('db.readOnly');
    case 'damaged':
      return t.t('db.damaged');
    case 'path-blocked':
      return t.t('db.pathBlocked');
    case 'not-permitted':
      return t.t('db.notPermitted');
    case 'cannot-open':
      return t.t('db.cannotOpen');
    case 'disk-full':
      return t.t('db.diskFull');
    case 'locked':
      return t.t('db.locked');
    case 'other':
      return t.t('db.other', { detail: problem.detail });
  }
}

/**
 * Why knowledge gaps are off, as one sentence.
 *
 * @example
 * gapsOffText({ code: 'disabled' }) // 'Knowledge gaps are off: GAPS_DB is set to "off".'
 */
export function gapsOffText(reason: GapsOffReason, t: Catalog = EN): string {
  switch (reason.code) {
    case 'disabled':
      return t.t('gapsOff.disabled');
    case 'bad-retention':
      return t.t('gapsOff.badRetention');
    case 'database':
      return t.t('gapsOff.database', { why: databaseProblemText(reason.problem, t) });
    case 'closed':
      return t.t('gapsOff.closed');
    case 'redis-closed':
      return t.t('gapsOff.redisClosed');
    case 'redis-down':
      return t.t('gapsOff.redisDown', { where: reason.where, detail: reason.detail });
    case 'failed':
      return t.t('gapsOff.failed');
  }
}

/** Why the latest question or vote was not kept (or old ones not removed). */
export function gapWriteText(problem: GapWriteProblem, t: Catalog = EN): string {
  switch (problem.code) {
    case 'not-kept':
      return t.t('gapsWrite.notKept', { why: databaseProblemText(problem.problem, t) });
    case 'not-pruned':
      return t.t('gapsWrite.notPruned', { why: databaseProblemText(problem.problem, t) });
    case 'redis-vote-not-kept':
      return t.t('gapsWrite.redisVoteNotKept', { where: problem.where });
    case 'redis-not-kept':
      return t.t('gapsWrite.redisNotKept', { detail: problem.detail });
    case 'redis-votes-not-pruned':
      return t.t('gapsWrite.redisVotesNotPruned', { detail: problem.detail });
  }
}

/** Why there is no gaps report. */
export function gapReportProblemText(problem: GapReportProblem, t: Catalog = EN): string {
  switch (problem.code) {
    case 'off':
      return gapsOffText(problem.reason, t);
    case 'bad-days':
      return t.t('gapsReport.badDays');
    case 'bad-time':
      return t.t('gapsReport.badTime');
    case 'unreadable':
      return t.t('gapsReport.unreadable', { why: databaseProblemText(problem.problem, t) });
    case 'redis-unreadable':
      return t.t('gapsReport.redisUnreadable', { detail: problem.detail });
    case 'failed':
      return t.t('gapsReport.failed');
  }
}

/** Why a server's default case lasts only until the bot restarts. */
export function settingsOffText(reason: SettingsOffReason, t: Catalog = EN): string {
  switch (reason.code) {
    case 'disabled':
      return t.t('settingsOff.disabled');
    case 'no-database':
      return t.t('settingsOff.noDatabase');
    case 'database':
      return t.t('settingsOff.database', { why: databaseProblemText(reason.problem, t) });
  }
}

/** Why reload on save stopped. */
export function watchStoppedText(reason: WatchStoppedReason, t: Catalog = EN): string {
  return t.t(reason.code === 'cannot-watch' ? 'watch.cannotWatch' : 'watch.error', { errno: reason.errno });
}

/** A language resource search runs without. */
export function languageProblemText(problem: LanguageProblem, t: Catalog = EN): string {
  return t.t(problem.resource === 'word-vectors' ? 'semantic.wordVectors' : 'semantic.glossary', { detail: problem.detail });
}

/** Why answers by meaning are off. */
export function semanticOffText(reason: SemanticOffReason, t: Catalog = EN): string {
  switch (reason.code) {
    case 'language':
      return languageProblemText(reason.problem, t);
    case 'no-vectors':
      return t.t('semantic.noVectors');
    case 'vectors-failed':
      return t.t('semantic.vectorsFailed', { error: reason.error });
  }
}

/**
 * Why a shard or replica has no reload report, and what to do.
 *
 * @example
 * noAnswerText({ code: 'shard-silent', shard: 2, seconds: 30 })
 * // 'No answer from shard 2 within 30 s; it may be restarting. Check its logs, then reload again.'
 */
export function noAnswerText(reason: NoAnswer, t: Catalog = EN): string {
  switch (reason.code) {
    case 'shard-silent':
      return t.t('noAnswer.shardSilent', { shard: reason.shard, seconds: reason.seconds });
    case 'shard-down':
      return t.t('noAnswer.shardDown', { shard: reason.shard });
    case 'manager-silent':
      return t.t('noAnswer.managerSilent', { seconds: reason.seconds });
    case 'replica-silent':
      return t.t('noAnswer.replicaSilent', { replica: reason.replica, seconds: reason.seconds });
    case 'redis-down':
      return t.t('noAnswer.redisDown', { where: reason.where, detail: reason.detail });
    case 'redis-silent':
      return t.t('noAnswer.redisSilent', { where: reason.where, detail: reason.detail });
    case 'redis-refused':
      return t.t('noAnswer.redisRefused', { where: reason.where, detail: reason.detail });
    case 'text':
      return reason.text;
  }
}

/**
 * A fact-file problem as `file:line:column what is wrong`. The loader writes its messages in
 * English, and an English reply shows them as written (they say more than a template can: the words
 * to change, the fields allowed). Another locale gets the problem's kind in its own words when the
 * loader gave one ({@link LoadProblem}), else the loader's English.
 *
 * @example
 * loadErrorText({ file: 'tick-jaxa/facts.yaml', line: 3, column: 5, message: 'missing required field …',
 *   problem: { kind: 'missing-field', field: { name: 'quote' } } }, JA)
 * // 'tick-jaxa/facts.yaml:3:5 必須のフィールド「quote」がありません。追加してください。'
 */
export function loadErrorText(error: LoadError, t: Catalog = EN): string {
  if (t.locale === 'en' || error.problem === undefined) return formatLoadError(error);
  return formatLoadError({ ...error, message: loadProblemText(error.problem, t) });
}

function loadProblemText(problem: LoadProblem, t: Catalog): string {
  const quoted = (text: string): string => t.t('load.field', { name: text });
  switch (problem.kind) {
    case 'yaml-syntax':
      return t.t('load.yamlSyntax');
    case 'yaml-tab':
      return t.t('load.yamlTab');
    case 'yaml-unclosed-quote':
      return t.t('load.yamlUnclosedQuote', { quote: problem.quote });
    case 'yaml-duplicate-key':
      return t.t('load.yamlDuplicateKey', { field: quoted(problem.key) });
    case 'missing-field':
      return t.t('load.missingField', { field: fieldText(problem.field, t) });
    case 'wrong-type':
      return t.t('load.wrongType', { field: fieldText(problem.field, t), expected: t.t(`load.expected.${problem.expected}`) });
    case 'unknown-field': {
      const guess = problem.guess === undefined ? '' : t.t('load.didYouMean', { guess: quoted(problem.guess) });
      return `${t.t('load.unknownField', { field: quoted(problem.field) })}${guess}`;
    }
    case 'too-long':
      return t.t('load.tooLong', { field: fieldText(problem.field, t), size: problem.size, max: problem.max });
    case 'too-many':
      return t.t('load.tooMany', { field: fieldText(problem.field, t), size: problem.size, max: problem.max });
    case 'too-few':
      return t.t('load.tooFew', { field: fieldText(problem.field, t), min: problem.min });
    case 'empty':
      return t.t('load.empty', { field: fieldText(problem.field, t) });
    case 'quote-not-found': {
      const closest = problem.closest === undefined ? '' : t.t('load.closest', { sentence: t.t('quoted', { text: problem.closest }) });
      return `${t.t('load.quoteNotFound', { source: quoted(problem.source) })}${closest}`;
    }
    case 'duplicate-id':
      return t.t('load.duplicateId', { id: quoted(problem.id), first: problem.first });
    case 'unknown-source': {
      const guess = problem.guess === undefined ? '' : t.t('load.didYouMean', { guess: quoted(problem.guess) });
      return `${t.t('load.unknownSource', { source: quoted(problem.source) })}${guess}`;
    }
    case 'source-file-not-found':
      return t.t('load.sourceFileNotFound', { file: quoted(problem.file) });
    case 'source-not-listed':
      return t.t('load.sourceNotListed', { file: problem.file });
    case 'shared-question':
      return t.t('load.sharedQuestion', {
        question: t.t('quoted', { text: problem.question }),
        first: quoted(problem.first),
        second: quoted(problem.second),
      });
  }
}

/** `'quote'`, `item 2 of 'tags'`, `the file` in the catalog's words. */
function fieldText(field: FieldName, t: Catalog): string {
  if (field.name === '') return t.t('load.theFile');
  return field.item === undefined ? t.t('load.field', { name: field.name }) : t.t('load.item', { name: field.name, item: field.item });
}
