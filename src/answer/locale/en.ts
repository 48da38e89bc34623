/**
 * The English catalog: every string members and moderators read in replies, keyed. The source of truth for the keys and
 * their `{placeholders}`: other catalogs are typed against it ({@link Messages}). Keys ending in
 * `_one` / `_other` are a plural pair (see `Catalog.tn`). Fact text and quotes never come from
 * here: they are the sources' own words.
 */
export const en = {
  // Shared pieces
  'list.separator': ', ',
  'list.and': ' and ',
  quoted: '“{text}”',
  sentence: '{text}.',

  // The line above an answer
  'answer.results_one': '{count} result',
  'answer.results_other': '{count} results',
  'answer.range': 'Results {range} of {total}',
  'answer.header': '{count} for {query}',
  'answer.rest': '{missing}; these facts answer the rest.',
  'answer.unmatched': 'No fact mentions {words}',
  'answer.unmatchedMore': '{words} and {count} more',
  'answer.ids': 'Case {case} · Fact {fact}',
  'answer.sameSentence': '↑ The same source sentence as quoted above · {source}',
  'answer.moreSources_one': '…and {count} more source',
  'answer.moreSources_other': '…and {count} more sources',
  'source.sentence': 'sentence {first} of {of}',
  'source.sentences': 'sentences {first}–{last} of {of}',

  // Paging buttons and their refusals
  'paging.back': '◀ Back',
  'paging.page': 'Page {page} of {pages}',
  'paging.more': 'More ▶',
  'paging.refused': 'Only the person who asked can page through these results — run `/case` yourself.',
  'paging.expired': 'These buttons have expired — run `/case` again.',

  // No match
  'noMatch.none': 'No facts match {query}.',
  'noMatch.topicless': '{query} has no words to search for.',
  'noMatch.didYouMean': 'Did you mean: {suggestions}?',
  'noMatch.tip': 'Try fewer words, a name or a date.',
  'noMatch.tipTopicless': 'Ask about a name, a place, an organisation, an event or a date.',
  'noMatch.cases': 'Cases I know about: {titles}',

  // Short private replies
  error:
    'Something went wrong on our side. Reference: `{reference}` — please try again in a moment, and mention the reference if you report it.',
  cooldown_one:
    '-# Only you see this answer: you asked again within the cooldown, so it did not go to the channel (public again in {count} second).',
  cooldown_other:
    '-# Only you see this answer: you asked again within the cooldown, so it did not go to the channel (public again in {count} seconds).',
  queryTooLong: 'That question is too long — please keep it under {max} characters.',
  unknownCommand: 'Unknown command.',
  unknownButton: 'This button is no longer in use; ask again with /case.',
  starting: 'casebot is starting up — try again in a few seconds.',
  'admin.outsideGuild': '/case-admin works only inside a server, where moderators can be recognised.',
  'admin.notPermitted': 'Sorry, /case-admin is for moderators: it needs the Manage Server permission or a moderator role.',

  // 👍 / 👎
  'vote.up': '👍 Helpful',
  'vote.down': '👎 Not helpful',
  'vote.thanks': 'Thanks — noted.',
  'vote.changed': 'Thanks — your vote is now {emoji}.',
  'vote.expired': 'This answer is too old to vote on — ask again with `/case` to vote.',
  'vote.gone': 'These vote buttons stopped working when the bot restarted — ask again with `/case` to vote.',
  'vote.off': 'Votes are not being collected right now.',
  'vote.failed': 'Sorry, your vote could not be kept just now — please try again later.',

  // "Check against case facts"
  'check.on': 'On {claim}',
  'check.onMore_one': 'On {claim} and {count} more claim',
  'check.onMore_other': 'On {claim} and {count} more claims',
  'check.header_one': '**{count} case fact speaks** to {checked} — read the sources and judge for yourself.',
  'check.header_other': '**{count} case facts speak** to {checked} — read the sources and judge for yourself.',
  'check.claims': '{count} claims of this message',
  'check.unanswered': 'No case fact speaks to {claims}.',
  'check.noMatch': 'No case fact speaks to this message.',
  'check.checked_one': 'Checked the claim: {claims}.',
  'check.checked_other': 'Checked {count} claims: {claims}.',
  'check.truncated': 'This message is long: only its first {max} claims (or first part) were checked.',
  'check.tryCase': 'The facts may not cover this; try `/case` with a name, a place or a date.',
  'check.linkOnly': 'This message is only a link — I can check what a message says, not what a link leads to.',
  'check.noWords': 'This message has no text to check — only mentions, emoji or words too common to search for.',
  'check.noTextOnly': 'This message has no text to check — only {what}.',
  'check.noText': 'This message has no text to check.',
  'check.embeds': 'embeds',
  'check.attachments': 'attachments',

  // Shared by moderator replies
  'list.more': '…and {count} more',
  unknown: 'unknown',
  'count.facts_one': '{count} fact',
  'count.facts_other': '{count} facts',
  'count.cases_one': '{count} case',
  'count.cases_other': '{count} cases',
  'count.problems_one': '{count} problem',
  'count.problems_other': '{count} problems',
  'count.replicas_one': '{count} replica',
  'count.replicas_other': '{count} replicas',
  'duration.days': '{d}d {h}h {m}m',
  'duration.hours': '{h}h {m}m',
  'duration.minutes': '{m}m {s}s',
  'duration.seconds': '{s}s',

  // Which case answered, among several (under the count)
  'caseChoice.from': 'From {title}{why}.',
  'caseChoice.bestMatch': ' (best match for your question)',
  'caseChoice.default': " (this server's default case)",
  'caseChoice.alsoIn': ' Also in: {list}{more}{hint}.',
  'caseChoice.more': ', and {count} more',
  'caseChoice.option': 'case:{id}',
  'caseChoice.hint_one': '; add {option} to see those',
  'caseChoice.hint_other': '; add {option} to see one',
  'case.unknown': 'There is no case {case}. Cases: {cases}.',

  // /case-admin default-case
  'defaultCase.cleared': 'This server has no default case now: `/case` answers from the case that best matches each question and names it.',
  'defaultCase.set': 'Default case for this server: **{title}** ({id}). `/case` answers from it unless `case:` names another.',
  'defaultCase.notSaved': 'Not saved.',
  'defaultCase.none': 'None (best-matching case per question)',
  'defaultCase.notLoaded': '(no longer loaded)',

  // /case-admin reload
  'reload.none': 'No reload reports came back.',
  'reload.moreShards': '…and {count} more shards: {ok} reloaded, {failed} failed.',
  'reload.okTitle': '✅ Facts reloaded{where}',
  'reload.noAnswerTitle': '⚠️ No answer{serving}.{where}',
  'reload.failedTitle': '❌ Reload failed{serving}.{where}',
  'reload.stillServing': ' — still serving {facts}',
  'reload.shard': ' (shard {shard})',
  'reload.replica': ' (replica {replica})',
  'reload.serving': 'Now serving **{facts}** in **{cases}** · {ms} ms · by {who}',
  'reload.nothingChanged': 'Nothing changed.',
  'reload.changes': '**+{added} added, −{removed} removed, ~{changed} changed**',
  'reload.added': '+ added: {ids}',
  'reload.removed': '− removed: {ids}',
  'reload.changed': '~ changed: {ids}',
  'reload.failedIntro': 'Found {problems} in the fact files · by {who}. Fix them and run the reload again; nothing changed for users.',

  // /case-admin status
  'status.title': 'casebot status',
  'status.facts': 'Facts',
  'status.cases': 'Cases',
  'status.loaded': 'Loaded',
  'status.lastReload': 'Last reload',
  'status.watch': 'Reload on save',
  'status.semantic': 'Answers by meaning',
  'status.gaps': 'Knowledge gaps',
  'status.uptime': 'Uptime',
  'status.memory': 'Memory',
  'status.version': 'Bot version',
  'status.shard': 'Shard',
  'status.factsPerCase': 'Facts per case',
  'status.defaultCase': 'Default case',
  'status.shared': 'Shared state (Redis)',
  'status.sharedUp': '✅ Connected to {where} since {since} · this replica {replica}{others}',
  'status.sharedAlive': ' · {replicas} alive: {ids}',
  'status.sharedDown':
    '⚠️ Unreachable since {since}{reason}: answers go on; cooldowns are not enforced, knowledge gaps are not kept and a reload reaches this replica {replica} only. Reconnecting by itself.',
  'status.memoryValue': '{rss} MB RSS · {heap} MB heap',
  'status.shardOf': '#{shard} of {shards}',
  'status.semanticReady': '✅ Ready: {facts} embedded.',
  'status.semanticBuilding': '⏳ Embedding facts in the background: {embedded} of {facts}. Answers are by words meanwhile.',
  'status.semanticOff': '⚪ Off: {reason}. Answers are by words only.',
  'status.watchOff': '⚪ Off: edits take effect with `/case-admin reload` (set FACTS_WATCH=true to reload on save).',
  'status.watchOn': '✅ On: a save reloads {ms} ms after the last change.',
  'status.watchElsewhere': '✅ On: {by} watches the folder and reloads every shard.',
  'status.watchStopped': '⚠️ Stopped: {reason}. Use /case-admin reload after editing.',
  'status.reloadRunning': '⏳ A reload is running now.',
  'status.reloadNone': 'None since start.',
  'status.reloadWhen': '{when} by {who}',
  'status.reloadNoAnswer': '⚠️ No answer {when}{serving}.',
  'status.reloadFailed': '❌ Failed {when}: {problems}{serving}.',
  'status.stillServing': ', still serving {facts}',
  'status.reloadOk': '✅ {when}: +{added} added, −{removed} removed, ~{changed} changed.',
  'status.gapsOn_one': '✅ On: questions and votes kept {count} day.',
  'status.gapsOn_other': '✅ On: questions and votes kept {count} days.',
  'status.gapsNotSetUp': '⚪ Off: not set up in this process.',

  // /case-admin gaps
  'gaps.badDays': 'days must be a whole number from 1 to {max}.',
  'gaps.unknownCase': 'No case {case}; the cases are: {cases}.',
  'gaps.noCases': 'none',
  'gaps.off': 'Knowledge gaps are off.',
  'gaps.period_one': 'last {count} day',
  'gaps.period_other': 'last {count} days',
  'gaps.questionsTitle': '❓ Questions without a good answer · {period}{case}',
  'gaps.answersTitle': '👎 Answers voted down · {period}{case}',
  'gaps.noQuestions': 'None: every question in this period found facts covering it.',
  'gaps.noAnswers': 'None: no answer got a 👎 in this period.',
  'gaps.scopeServer': 'This server only',
  'gaps.scopeAll': 'All servers',
  'gaps.footer':
    '{scope} · since {date} (UTC) · “weak”: facts covered only part of the question. Add or fix facts, then /case-admin reload.',
  'gaps.noAnswer': '{count} no answer',
  'gaps.weak': '{count} weak',
  'gaps.questionLine': '{rank}. **{count}×** {query} — {split}{where} · last {when}',
  'gaps.answerLine': '{rank}. **👎 {down} · 👍 {up}** {query}{facts}{where} · last {when}',
  'gaps.facts': ' · facts {ids}',
  'gaps.noCase': 'no case named',
} as const;

/** Every key of a catalog. */
export type MessageKey = keyof typeof en;

/** A catalog: exactly the English keys, each a string (with the same placeholders, checked by a test). */
export type Messages = { readonly [K in MessageKey]: string };
