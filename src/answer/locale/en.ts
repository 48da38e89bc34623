/**
 * The English catalog: every member-facing string, keyed. The source of truth for the keys and
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
} as const;

/** Every key of a catalog. */
export type MessageKey = keyof typeof en;

/** A catalog: exactly the English keys, each a string (with the same placeholders, checked by a test). */
export type Messages = { readonly [K in MessageKey]: string };
