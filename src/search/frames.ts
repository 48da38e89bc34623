/**
 * The words a question is framed in, not what it asks about, and the claim a question checks — one
 * place for both, since the check that marks a claim ("…, is that right?") is also a frame. The
 * query plan leaves the frames out of the words it looks up (`planQuery`); `FactIndex.search` reads a
 * claim's wrong year as the claim to correct (`checksClaim` in question-forms.ts).
 */

/** "…, is that right?", "was it true": the check at the end of a claim. */
const IS_THAT_RIGHT = String.raw`\b(?:is|was)\s+(?:that|this|it)\s+(?:right|true|correct|accurate|legit|real)\b`;
/** "correct me if i'm wrong": the check at its start. */
const CORRECT_ME = String.raw`\bcorrect\s+me\s+if`;
/** Where members read claims: "a viral post says …", "this tweet claims …". */
const CLAIM_SOURCE = String.raw`(?:post|tweet|article|headline|thread|video|clip|meme|screenshot|caption|rumou?r|reel|tiktok|blog)s?`;
/** A claim told as what its source says: "viral post says …", "the tweet claims …" (not "kato said …": the case's own people). */
const CLAIM_TOLD = String.raw`\b${CLAIM_SOURCE}\s+(?:says?|said|claims?|claimed|states?|stated)\b`;
/** The check after a claim asked as a choice or a doubt: "true or false", "…, was it really?", "what year was it really?". */
const TRUE_OR_FALSE = String.raw`\btrue\s+or\s+(?:false|not)\b|\b(?:fact|fake)\s+or\s+(?:fiction|fake|real|not)\b|\breally\s*\?`;

/**
 * Checking a claim: "my coworker said these attacks were in 2020, is that right?", "wasn't it in
 * 2017", "…, was it 2019?", "is it true that …", "… right?", …って本当？ A wrong detail in such a question (a year the case
 * does not know) is the claim to correct, not a sign that the question is about something else.
 */
export const CLAIM_CHECK = new RegExp(
  `${IS_THAT_RIGHT}|${CLAIM_TOLD}|${TRUE_OR_FALSE}|\\bis\\s+it\\s+true\\b|\\b(?:right|true|correct|accurate)\\s*\\?|${CORRECT_ME}\\b|\\b(?:isn['’]?t|wasn['’]?t)\\s+it\\b|\\bor\\s+(?:was|is)\\s+it\\b|\\b(?:was|is)\\s+it\\s+(?:in\\s+)?(?:19|20)\\d\\d\\b|って本当|ってほんと|で(?:合|あ)ってる`,
  'i',
);

/**
 * Words a question is framed in, not what it asks about:
 * - the case itself, as members refer to it: "what are the police doing on this case", "why is jaxa
 *   in this news", "the article keeps mentioning it", "the chief cabinet sec in this story", "kato commenting on this affair" (no fact
 *   says "case" or "story" of itself);
 * - where a claim came from: "my coworker said …", "a friend told me …", "someone in another server
 *   said …", "i read on twitter that …" (not "kato said …": the case's own people are what is asked);
 * - the check itself: "…, is that right?", "is it true that …", "correct me if i'm wrong";
 * - the asker's context told before the question ("my husband works at …. …?", "i am not very
 *   familiar with computers. …");
 * - a word restated in parentheses ("vulnerabilities (zeijakusei)", "JAXA (the space agency)");
 * - the name asked for: "JAXA full name please", "what does jaxa stand for";
 * - a period asked for in so many words ("what timeframe …", "the year range"): a "when".
 */
const FRAMES: readonly RegExp[] = [
  /\b(?:this|that|the)\s+(?:whole\s+)?(?:case|news|story|incident|affair|saga|situation|article)\b/gi,
  /\b(?:my|a|some|one)\s+(?:[a-z]+\s+){0,2}?(?:said|says|told\s+me|tells\s+me|mentioned|claims?|claimed|thinks?)\s+(?:that\s+)?/gi,
  /\b(?:someone|somebody|people|everyone|everybody)\s+(?:(?:in|on|at)\s+(?:[a-z]+\s+){1,2})?(?:said|says|told\s+me|claims?|claimed)\s+(?:that\s+)?/gi,
  /\bi\s+(?:heard|read|saw)\s+(?:(?:on|in)\s+(?:the\s+)?[a-z]+\s+)?(?:that\s+)?/gi,
  // "viral post says …", "the tweet claims that …", "someone called kato the foreign minister in their
  // post", "fact check:".
  new RegExp(`(?:\\b(?:a|the|this|that|their|his|her|some|one)\\s+)?(?:[a-z]+\\s+)?${CLAIM_TOLD}\\s+(?:that\\s+)?`, 'gi'),
  new RegExp(`\\b(?:in|on)\\s+(?:a|the|this|that|their|his|her|some|one|my)\\s+(?:[a-z]+\\s+)?${CLAIM_SOURCE}\\b`, 'gi'),
  /\b(?:fact|timeline|quick|sanity|reality|date|name)[\s-]?check(?:ing)?\b\s*:?/gi,
  new RegExp(`${IS_THAT_RIGHT}|${TRUE_OR_FALSE}|\\bis\\s+it\\s+true\\s+(?:that\\s+)?|\\b(?:accurate|correct|right)\\s*\\?`, 'gi'),
  new RegExp(
    `${CORRECT_ME}\\s+(?:i['’]?m\\s+|i\\s+am\\s+)?wrong\\b|\\bunless\\s+i['’]?m\\s+mistaken\\b|\\bif\\s+i\\s+remember\\s+(?:correctly|right)\\b`,
    'gi',
  ),
  // The asker's context, told in a sentence before the question: "my husband works at a research
  // institute in tsukuba... were research places attacked too?", "my mother is asking me about this
  // news because she works near one." (to the sentence's end: the question follows).
  /\bmy\s+(?:husband|wife|mother|mom|mum|father|dad|parents?|son|daughter|kids?|children|brother|sister|partner|boyfriend|girlfriend|cousin|uncle|aunt|nephew|niece|family|friends?|neighbou?rs?|colleagues?|co-?workers?|boss|grand(?:ma|pa|mother|father|parents|son|daughter|child|children|kids?))\s+(?:works?|worked|is\s+working|lives?|lived|studies|studied|(?:is|was|keeps)\s+asking|asked)\b[^.?!…。？！]*[.?!…。？！]+/gi,
  // … or how much the asker knows: "i am not very familiar with computers.", "i'm new to all this."
  /\bi(?:['’]m|\s+am)\s+(?:not\s+(?:very\s+|too\s+|so\s+|really\s+)?(?:familiar\s+with|good\s+with|an?\s+expert\s+(?:on|in))|new\s+to|no\s+expert\s+(?:on|in))\b[^.?!…。？！]*[.?!…。？！]+/gi,
  // A word restated in parentheses: "vulnerabilities (zeijakusei)", "JAXA (the space agency)".
  /\s*\([^()]{1,40}\)/g,
  // "JAXA full name please", "what does jaxa stand for", "kato's first name": the name of what the
  // question names is asked (`answerTest` in wanted-answer.ts reads it from the full text).
  /\b(?:full|complete|first|given)\s+names?\b|\bstands?\s+for\b/gi,
  // "kato job title", "whats his title", "what position does kato hold": the office of whom the
  // question names is asked; the facts give it with the name ("Chief Cabinet Secretary Katsunobu
  // Kato"), in other words than "title".
  /\b(?:job\s+)?titles?\b|\bposition\b/gi,
  // "what timeframe are we talking about": a "when" (the intent still reads it, in the full text).
  /\b(?:time\s?frames?|time\s?lines?|time\s?spans?|time\s?periods?|(?:year|date|time)\s+ranges?)\b|\b(?:are|were)\s+we\s+talking(?:\s+about)?\b/gi,
];

/**
 * The case named as itself in Japanese: この件, 例の事件, 今回の件, 本件, 事件 ("the incident": 殺人事件
 * keeps 殺人).
 */
const FRAMES_JA = /(?:この|その|あの|例の|今回の|本)(?:件|事件|話|ニュース|騒動)|事件/gu;

/**
 * Asking one thing, not the whole story: when, who, where, why, how many ("when was this incident",
 * この事件はいつ？, この件の犯人は誰).
 */
export const ASKS_ONE_THING =
  /\b(?:when|who|whom|whose|where|why|which|how\s+(?:many|much|long))\b|いつ|誰|だれ|どこ|なぜ|なんで|どうして|何人|何社|何年|何月/i;

/**
 * A remark after the question, not a question itself: the words after its last question mark, unless
 * they start as a question does ("…? is he on the run", "…? or a hacker crew") or ask something
 * ("…? what years", "…? im kinda lost, who is the suspect").
 * It says why the member asks or what they heard ("when did the attacks happen? need the years for
 * my slide", "…? my notes disagree", "…? teenagers will ask me this"), not what the question is about.
 */
const REMARK = new RegExp(
  String.raw`(?<=\?)\s*(?!(?:is|are|was|were|did|does|do|can|could|would|will|should|has|have|had|any|or|and|like|same)\b)` +
    String.raw`(?![^?]*\b(?:who|whom|whose|what|whats|when|where|why|which|how)\b)[^?\s][^?]*$`,
  'i',
);

/**
 * `text` without a remark after its question ({@link REMARK}): what the question's form says it is
 * about is read from the question alone.
 */
export function withoutRemark(text: string): string {
  return text.replace(REMARK, '');
}

/** `text` without the words it is framed in (see {@link FRAMES}), each replaced by `by`. */
export function withoutFrames(text: string, by = ' '): string {
  return FRAMES.reduce((rest, frame) => rest.replace(frame, by), text);
}

/** Japanese `text` without the case named as itself (see {@link FRAMES_JA}), each replaced by `by`. */
export function withoutJapaneseFrames(text: string, by = ' '): string {
  return text.replace(FRAMES_JA, by);
}
