/**
 * The kind of answer a question's form asks for, beyond its words. Question words are stop words —
 * they say nothing about *which* facts — but "how many", "when", "who", "where", "why", "how did"
 * and "in the end" do say what kind of answer is wanted: a number, a date, an actor, a place, a
 * reason, a means, an outcome; among facts that already match the query's words, those that hold
 * such a thing rise. (What else a question's form says — that it is about something other than the
 * case, or asks for its whole story — is read in `question-forms.ts`.)
 */
import { MAX_QUERY_CHARS } from './query-plan.js';
import type { Hit } from './types.js';

interface Intent {
  readonly asks: RegExp;
  readonly answer: RegExp;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';

/** A time in a fact's text: a year as news writes one (1800–2099) or a month's name. */
export const MENTIONS_DATE = new RegExp(`\\b(?:1[89]|20)\\d\\d\\b|\\b(?:${MONTHS})\\b`, 'i');

/**
 * "who" asking for an agent: "who attacked…", "who is behind…", "who was responsible", "by whom". Not
 * "who is Wang" or "who is the suspect": those ask what a named one is, and facts naming some other
 * actor must not jump ahead of the facts about it.
 */
const AGENT_AFTER_BE = String.raw`behind|responsible|to blame|accountable|involved|the (?:culprits?|perpetrators?|attackers?|hackers?|masterminds?)`;
const WHO_ASKS = new RegExp(
  String.raw`\bby whom\b|\bwho\b(?!\s*(?:is|was|are|were|['’]s)\b(?!\s+(?:${AGENT_AFTER_BE})\b))|\bwhich (?:group|unit|country|organi[sz]ation)s?\b`,
  'i',
);

/**
 * A fact names an actor when it names a body that acts: a group, unit, army or the military. Not the
 * bodies that report or investigate (police, officials, investigators): they are who the news comes
 * from, not who did it. Not bare "attackers"/"hackers" either: a fact that only says "the attackers"
 * restates the question. Person names are not recognised: every fact names someone (the source it
 * quotes, the victim), so capitalised words would lift nearly every fact alike.
 */
const ACTOR = /\b(?:groups?|gangs?|units?|army|armies|military|militias?)\b/i;

const INTENTS: readonly Intent[] = [
  // A count, not a year: "200 companies" answers "how many", "in 2016" does not.
  {
    asks: /\bhow (?:many|much)\b|\bnumber of\b|\bhow large\b/i,
    answer: /\b(?!(?:1[89]|20)\d\d\b)\d[\d,.]*\b|\b(?:dozens|hundreds|thousands|millions|scores)\b/i,
  },
  // … and a question naming a year asks about a time ("was it in 2018, is that correct?").
  {
    asks: /\bwhen\b|\bwhat (?:year|month|date|time)\b|\bwhich year\b|\bin (?:19|20)\d\d\b|\btime\s?(?:frame|line|span|period)s?\b|\b(?:year|date|time)\s+ranges?\b/i,
    answer: MENTIONS_DATE,
  },
  { asks: WHO_ASKS, answer: ACTOR },
  // Who gave the order: "who ordered wang to buy the software", "who told him to do it", 誰の指示,
  // 誰に頼まれた — a fact telling an instruction or a direction answers.
  {
    asks: /\bwho\s+(?:ordered|told|instructed|asked|directed|made|put)\b|\bon\s+whose\s+(?:orders?|instructions?)\b|誰(?:に|の)(?:頼|指示|命令|言われ)/i,
    answer: /\b(?:instruct(?:ed|ion|ions)?|direct(?:ed|ion)|order(?:ed|s)?|told\s+him)\b/i,
  },
  // The means: "how did the hacker get into jaxa", "how did he try to buy it" — a fact telling how
  // (a rental server under a false identity, a fake company) answers. Not how someone reacted, or
  // found out ("how did the seller figure out the company was fake": by learning it did not exist).
  {
    asks: /^(?![\s\S]*\b(?:react|reacted|respond|responded|feel|felt|know|knew|(?:find|found|figure|figured)\s+out|learn|learned|learnt|discover|discovered|reali[sz]e|realised|realized|notice|noticed|spot|spotted|end|ended)\b)[\s\S]*\bhow\s+(?:did|do|does|was|were|could|can|would)\b/i,
    answer: /\b(?:using|via|through|under\s+a\s+false|rental\s+server|fake\s+(?:\w+\s+)?company)\b/i,
  },
  // The reason: "why did he want the software", "the man buy software, why? for what?" — a fact
  // telling an aim or a cause answers. Not whether the reason is known ("do they know why they did
  // it": the police are investigating their intents).
  {
    asks: /^(?![\s\S]*\b(?:know|knows|known|idea|clear|sure)\s+why\b)[\s\S]*(?:\bwhy\b|\bfor\s+what\b|\bwhat\s+for\b|\bpurpose\b|\bpoint\s+of\b|\bend\s+goal\b)/i,
    answer: /\b(?:aim|intended|in\s+order\s+to|so\s+that|because|since|which\s+is\s+why|after\s+learning|to\s+help|to\s+assist)\b/i,
  },
  // How sure it is: "how sure is japan it was the pla", "is there proof", "definitely?", 確定なの — a
  // fact saying how likely answers.
  {
    asks: /\bhow\s+(?:sure|certain|likely|confident)\b|\b(?:certain|certainty|confirmed?|definitely|definite|proof|evidence|suspicion|confidence)\b|100\s*%|確定|確実|断定|推測/i,
    answer: /\blikely\b/i,
  },
  // Where someone is: "where is the suspect now", 今どこにいる — a fact placing them (left the
  // country, based in japan) answers.
  {
    asks: /\bwhere\s+(?:is|are|was|were|did)\b|\bnow\s+where\b|\bwhere\s+now\b|\bwhere\W*$/i,
    answer: /\b(?:(?:left|fled|in|to|out\s+of)\s+(?:the\s+)?country|abroad|overseas|based\s+in)\b/i,
  },
  // How an attempt ended: "did he manage to buy it in the end", "did the deal go through", "he get
  // the software or not?", "did he actually get the software", "what happened to the software deal", 結局, 成功したの, 購入はどうなった: a fact saying what came of it (canceled, failed, stopped)
  // answers. Not when it asks who, when or where in the end (結局誰なん: who).
  {
    asks: /^(?![\s\S]*(?:\bwho\b|\bwhen\b|\bwhere\b|\bhow\s+many\b|誰|だれ|いつ(?![もかでぞ])|どこ))[\s\S]*(?:\bin\s+the\s+end\b|\bmanage[sd]?\s+to\b|\b(?:get|got|buy|bought)\b[^?]*\bor\s+not\b|\bdid\s+(?:\S+\s+){1,3}?(?:get|obtain|receive|acquire)\s+(?:the|that)\s+(?:\S+\s+)?(?:software|program|product|license|licence|deal)\b|\bend(?:ed)?\s+up\b|\bsucce(?:ed|eded|eds|ssful|ssfully)\b|\b(?:go|goes|went|gone)\s+(?:thru|through)\b|\bwhat\s+(?:ever\s+)?happened\s+(?:to|with)\s+(?:the|that|his)\s+(?:\S+\s+)?(?:deal|sale|order|purchase|transaction|attempt)\b|結局|成功|失敗|うまくいった|どうなった|どうなりました)/i,
    answer: /\b(?:cancel(?:l?ed|s)?|called\s+off|fail(?:ed|s)?|stopped|halted|abandoned|blocked|refused|rejected|succeeded|completed)\b/i,
  },
];

/** How much a fact holding the wanted kind of answer gains, relative to its score. */
export const INTENT_BOOST = 2;

/**
 * Re-ranks hits for the question's intent; hits keep their order when the query asks no such thing.
 *
 * @example
 * rerankForIntent('how many companies', hits) // facts mentioning a number first, otherwise by score
 */
export function rerankForIntent(query: string, hits: readonly Hit[]): readonly Hit[] {
  // The same cap as the query plan: the question words that matter are at the start.
  const asked = query.slice(0, MAX_QUERY_CHARS);
  const wanted = INTENTS.filter((intent) => intent.asks.test(asked));
  if (wanted.length === 0 || hits.length < 2) return hits;
  return hits
    .map((hit) => (wanted.some((intent) => intent.answer.test(hit.fact.text)) ? { ...hit, score: hit.score * INTENT_BOOST } : hit))
    .sort((a, b) => b.score - a.score);
}
