/**
 * What a question's form says about what it is about, beyond its words: the asker's own things
 * ("my …", advice for the asker), a kind of thing in general, the day's news or what is coming, what
 * someone said about another topic, another incident by its name, a recommendation — all about
 * something other than the case — or a claim to check, or a request for the case's whole story.
 * `FactIndex.search` decides what each means for the answer. (The kind of answer a question wants —
 * a number, a date, an actor — is read in `intent.ts`.)
 */
import { ASKS_ONE_THING, CLAIM_CHECK, withoutFrames, withoutRemark } from './frames.js';
import { MAX_QUERY_CHARS } from './query-plan.js';
import { STOP_WORDS } from './stop-words.js';

/**
 * "my …": a question about the asker's own things ("how do i cancel my nitro subscription", "best
 * security software for my pc") asks the server for help, not about the case, even when it shares a
 * word with it. Measured on the relevance set: three development and two held-out off-topic
 * questions fewer answered, no member question lost.
 */
const ABOUT_ASKER = /\b(?:my|mine)\b/i;

/**
 * "my" that says how the member speaks or thinks, or where they heard it, not what they own: "sorry
 * my english", "my bad", "in my opinion", "my guess is", "to my knowledge", "if my memory serves", "my
 * mom saw on NHK that …". Taken out before
 * {@link ABOUT_ASKER} is tested: "the wife of him, she is army person or only connected? sorry my
 * english" asks about the case.
 */
const MY_HEDGE =
  /\b(?:(?:sorry|excuse|forgive|pardon)\s+(?:for\s+|about\s+)?my\s+(?:bad\s+|poor\s+|broken\s+)?(?:english|grammar|spelling|typos?|japanese|ignorance|questions?)|my\s+bad|in\s+my\s+(?:humble\s+)?(?:opinion|view|understanding)|my\s+(?:guess|understanding|impression)\s+is|to\s+(?:the\s+best\s+of\s+)?my\s+knowledge|if\s+my\s+memory\s+serves|my\s+(?:\w+\s+){1,2}?(?:saw|heard|read|said|says|told|tells|mentioned|showed)\b)\b/gi;

/**
 * The same in Japanese: 私の, 僕の, 俺の, 自分の, うちの ("my"). Japanese questions are matched on their
 * own text, before translation.
 */
const ABOUT_ASKER_JA = /(?:私|僕|俺|自分|うち)の/;

/**
 * Asking advice on what the asker is to do: "how do i …", "how to …", "what army should i start
 * with", "any tips", "can i use …", "can i work …", "do i need …", "is it safe to …"; どうすればいい,
 * 何から勉強すればいい (…ばいい, …たらいい: "what should I"), どうしたら, コツ ("tips"), …したいんだけど (a
 * recommendation is stricter still: {@link ASKS_RECOMMENDATION}). A case's facts say what happened,
 * never what the asker should do, so such a question is about the asker too, even when it names no
 * thing of theirs ("how do i get into ethical hacking") — unless it names the case
 * ({@link asksAdvice}). Not "can i get a summary of …", "can i read what kato said" or "where can i
 * read …": those ask for the case's facts; nor "why do they …", "how did they …".
 */
const ASKS_ADVICE = new RegExp(
  String.raw`\bhow (?:do|can|should|could|would) i\b|\bhow to\b|\bshould i\b|\bany (?:tips|advice|suggestions)\b` +
    String.raw`|\b(?:can|could|may) i (?!(?:get|have|see|read|find|ask|hear|know|learn|look|check)\b)[a-z]` +
    String.raw`|\bdo i (?:need|have to)\b|\bis it (?:safe|ok|okay|worth)\b`,
  'i',
);
const ASKS_ADVICE_JA = /(?:ば|たら)(?:いい|よい)|どうすれば|どうしたら|コツ|たいん(?:だけど|ですが)/;

/** One form of {@link GENERIC_FORMS}. */
export interface GenericForm {
  /** What such a question asks about, in general ("a person's office today"): for reading and measuring. */
  readonly asks: string;
  /** Its words, matched case-insensitively against the whole question. */
  readonly pattern: RegExp;
}

/**
 * Asking about a kind of thing in general, not about the case: "what does a chief cabinet secretary
 * do", "how does a spokesperson get picked", "what is a cabinet reshuffle" (a present-tense question
 * about "a …": any one, not the one in the news), "how do export rules work in general", "what does
 * tick mean", "what does the foreign minister actually do", "how does the cabinet secretary job
 * work", "software engineer vs systems engineer", "the difference between …", "compared to", "bigger
 * than", "the most common …"; "you" meaning anyone ("how do you become …"); the law in general ("is
 * it legal to …", "the penalty for …"); work in general ("is jaxa hiring", "the pay", 残業, 転職); a
 * person's life outside the case ("where was kato born", "who replaced wang wenbin", 出身, 後任); 一般的に,
 * 普段, …の違い, …と比べて, …する手続き; and, since session 13, a person's office today, how big or old
 * a body is, what is hit most, a law by its name, a class of people ("how do foreigners …", "can the
 * police search your phone"); since session 14, a person's party and who else holds an office
 * (他に誰がいる). A case's facts say what happened in it, so such a question is answered
 * only by a fact one of whose own questions is the same question, whatever it names
 * ({@link asksGeneric}; `questionOnly` in hybrid.ts). Measured on the development sets (README,
 * *Answer quality*): none of their 457 judged questions was of the forms of session 11 (23 of their
 * 274 off-topic ones were); none of their 622 of the forms of session 12 (about 30 of their 391
 * off-topic ones are); one of their 982 of all the forms of session 13 (113 of their 625 off-topic
 * ones): "is the attribution only to the PRC in general".
 */
export const GENERIC_FORMS: readonly GenericForm[] = [
  // "what does a chief cabinet secretary do", "what is a cabinet reshuffle", "explain what a zero day
  // is": any one, not the one in the news.
  // Not what one is doing: "whats a military unit doing with hackers" asks about the case.
  {
    asks: 'a kind of thing',
    pattern:
      /\b(?:what|how|who|why|when|where)(?:['’]?s|\s+(?:does|do|is|are))\s+(?:a|an)\s(?!(?:\S+\s+){0,3}?doing\b)|\b(?:explain|know|tell\s+me)\s+what\s+(?:a|an)\s+(?:\S+\s+){1,3}?(?:is|are|means?)\b/i,
  },
  { asks: 'what a word means', pattern: /\bwhat\s+does\s+(?:\S+\s+){1,3}mean\b|\bmeaning\s+of\b/i },
  // Not what someone of the case said about things in general ("what did the spokesman say about
  // cyberattacks in general", "the spokesman's line about cyberattacks in general": he said they are
  // a common challenge).
  {
    asks: 'what holds in general',
    pattern:
      /^(?![\s\S]*\b(?:say|says|said|saying|argued?|claimed?|stated?|line|words|stance|position|comments?|remarks?)\b)[\s\S]*?(?:\bin\s+general\b|\bgenerally\b|\bday[\s-]to[\s-]day\b|\btypically\b|\busually\b|\bon\s+average\b)/i,
  },
  // Not "when was the purchase vs when were the attacks": two moments of the case.
  {
    asks: 'a comparison',
    pattern: /\bdifference\s+between\b|\b(?:vs\.?|versus)\s+(?!(?:when|what|how|who|where|why|which)\b)|\bcompared\s+(?:to|with)\b/i,
  },
  {
    asks: 'how a thing works, what a body does',
    pattern:
      /\bhow\s+(?:does|do)\s+(?!(?:that|it|this|they|he|she)\b)(?:\S+\s+){1,6}?(?:work|deal\s+with)\b|\bwhat\s+(?:does|do)\s+(?:\S+\s+){1,5}?do\b(?!\s+(?:with|for\s+(?:a\s+)?(?:living|work|job)))/i,
  },
  {
    asks: 'a ranking',
    pattern:
      /\b(?:bigger|larger|smaller|stronger|weaker|better|worse|richer|more\s+powerful)\s+than\b|\bmost\s+(?:common|popular)\b|\bor\s+\w+\s+(?:better|worse|safer|cheaper)\s+for\b/i,
  },
  // "how do you become a press secretary", "how many years do you get for fraud", "can you get lyme
  // disease from a tick" (not "how do you know it was china", "can you tell me …", "could you
  // summarise …": those ask the bot about the case; nor "how do you even buy software through a
  // company that doesn't exist": disbelief at the case).
  {
    asks: 'anyone ("you")',
    pattern:
      /\bhow\s+(?:long\s+|much\s+|many\s+\S+\s+(?:\S+\s+){0,3}?)?(?:do|does|can|would|should)\s+(?:you|u|ya|one)\s+(?!(?:know|think|explain|tell|say|mean|figure|prove|see|be|guys|even)\b)|\b(?:do|can|would|will)\s+(?:you|u|ya)\s+(?:get|need)\b(?!\s+(?:me|us)\b)/i,
  },
  // "how do foreigners register a company", "how can companies protect themselves" (not "how do
  // people know it was china": that asks about the case).
  {
    asks: 'a class of people',
    pattern:
      /\bhow\s+(?:do|can|would|should)\s+(?:foreigners|people|companies|firms|businesses|students|tourists|expats|immigrants|citizens)\s+(?!(?:know|think|explain|tell|say|mean|figure|prove|see|be)\b)|\b(?:can|could|would|should)\s+(?:a\s+)?(?:foreigners?|people|companies|firms|businesses|students|tourists|expats|immigrants|citizens)\s+(?:be|get|legally)\s/i,
  },
  // "can japanese police search your phone", "can the police get someone extradited", "police can stop
  // you and check your phone" (not "can the police arrest him", nor "can you check your sources": the bot).
  {
    asks: 'what an office may do to anyone',
    pattern:
      /\b(?:can|could)\s+(?!(?:you|u)\s)(?:the\s+)?(?:[a-z]+\s+){0,3}?(?:get|make|force|arrest|extradite|search|deport|charge|sue|track|punish|detain|jail|hack|spy\s+on|stop|check|question|fine)\s+(?:someone|somebody|anyone|anybody|people|you|your|u|ur|foreigners?)\b/i,
  },
  // "is it legal to use a fake name for a server", "the penalty for fraud in japan", "fraud in japan,
  // how many years prison?", "can police seize a server without a warrant", "how long can they hold
  // you without charges", "can i get in trouble for using a cracked program".
  {
    asks: 'the law in general',
    pattern:
      /\bis\s+it\s+(?:il)?legal\b|\b(?:penalty|penalties|punishment|sentence|jail\s+time|prison\s+time)\s+(?:in\s+\w+\s+)?for\b|\bhow\s+many\s+years\s+(?:in\s+)?(?:prison|jail)\b|\bwithout\s+(?:a\s+)?(?:warrant|court\s+order|charges?|trial)\b|\b(?:get|be|am|are)\s+in(?:to)?\s+trouble\s+for\b/i,
  },
  // "what punishment does japanese law give for …": what a law says, not what happened.
  {
    asks: 'what a law says',
    pattern:
      /\b(?:does|do|would|can)\s+(?:the\s+)?(?:(?:japanese|chinese|international|us|eu|japan['’]?s|china['’]?s)\s+)?laws?\s+(?:say|give|allow|require|punish|forbid|ban|cover)\b/i,
  },
  // "is jaxa hiring", "software engineer salary in tokyo", "is the pay decent", "how can i join jaxa
  // as engineer", "how to become a systems engineer" (not "his job", "was he paid": members ask those
  // about the case).
  {
    asks: 'work in general',
    pattern:
      /\b(?:hiring|salar(?:y|ies)|wages?|overtime|internships?|job\s+(?:openings?|interviews?|market|offers?|hunting)|pay\s+(?:decent|good|well|bad)|subsid(?:y|ies|ised|ized)|tax\s+(?:deductions?|breaks?|credits?|returns?))\b|\b(?:get|land|find|apply\s+for)\s+(?:a\s+)?job\b|\bhow\s+(?:can|do|could|to)\s+(?:(?:i|you|u|one|someone|foreigners?)\s+)?(?:join|become|get\s+hired|work\s+(?:at|for))\b/i,
  },
  // "where was kato born", "who replaced wang wenbin", "who was spokesperson before wang wenbin", "who
  // became chief cabinet secretary after kato", "what did kato do before he became chief cabinet
  // secretary"; "what party is kato from" (not "which party
  // canceled the deal": a party to it).
  {
    asks: "a person's life outside the case",
    pattern:
      /\b(?:born|birthplace|hometown|how\s+old|successor|predecessor|replaced)\b|\btakes?\s+over\s+from\b|\bbefore\s+(?:he|she|they)\s+became\b|\bbefore\s+becoming\b|\btook\s+over\s+from\b|\bwho\s+succeeded\b|\bpolitical\s+part(?:y|ies)\b|\bparty\s+affiliation\b|\b(?:what|which)\s+party\s+(?:is|was|does|did)\s+(?:[a-z'’]+\s+){1,4}?(?:from|in|with|belong|a\s+member|part|affiliated)\b|\bwho\s+(?:was|were|had\s+been|became|took\s+over)\s+(?:[a-z]+\s+){0,5}?(?:before|after)\s+(?!(?:the|this|that|it|they|he|she|him|them|all)\b)/i,
  },
  // "is kato still chief cabinet secretary", "did he move to finance minister", "what is his current
  // position", "who is the current president of jaxa", "kato is finance minister now right?", "who is
  // china's defense minister right now", "who heads jaxa right now" (not "is he still in japan": that
  // asks about the case).
  {
    asks: "a person's office today",
    pattern:
      /\bstill\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+){0,3}?(?:secretary|spokes(?:person|man|woman)|minister|president|premier|chair(?:man)?|ambassador|governor|in\s+office|in\s+(?:the\s+)?(?:cabinet|government))\b|\b(?:secretary|spokes(?:person|man|woman)|minister|president|premier|ambassador|governor)\s+(?:right\s+)?now\b|\bwho\s+(?:heads|leads|runs)\b[^?]*\b(?:now|currently|today)\b|\b(?:current|present)\s+(?:job|position|post|role|title|office|president|head|chief|director|leader|ceo|chair(?:man|woman|person)?|minister|spokes(?:person|man|woman))\b|\bmov(?:e|ed|ing)\s+to\s+(?:be\s+)?(?:the\s+)?(?:[a-z]+\s+){0,2}?(?:minister|ministry|secretary|post|position)\b/i,
  },
  // "how many soldiers does the pla have" ("chinese military has how many soldiers"), "how big is
  // jaxa", its budget (not "how big was the attack").
  {
    asks: 'how big a body is',
    pattern:
      /\bhow\s+(?:many|much)\s+(?:[a-z]+\s+){1,3}?(?:does|do)\s+(?:[a-z'’]+\s+){1,4}?have\b|\b(?:has|have)\s+how\s+(?:many|much)\s+(?:soldiers|troops|members|employees|staff|people|money)\b|\bhow\s+(?:big|large|strong|powerful|rich)\s+(?:is|are)\b|\bbudgets?\b/i,
  },
  // "what is the capital of china", "population of japan", "how many chinese nationals live in
  // japan", "is wang a common family name in china", "an extradition treaty between japan and
  // china": a country in general.
  {
    asks: 'a country in general',
    pattern:
      /\b(?:common|popular|rare|usual)\s+(?:family\s+|last\s+|first\s+)?(?:name|surname)\b|\b(?:treaty|treaties)\s+(?:between|with)\b|\b(?:capital(?:\s+city)?|population|currency|official\s+languages?|national\s+(?:anthem|flag|animal|holiday))\s+of\b|\bhow\s+many\s+(?:\S+\s+){0,3}?(?:live|living|reside|residing)\s+in\b/i,
  },
  // "when was the national police agency's cyber bureau founded".
  {
    asks: 'how old a body is',
    pattern: /\bwhen\s+(?:was|were|did)\s+(?:[a-z'’]+\s+){1,6}?(?:founded|established|set\s+up|formed|created|start(?:ed)?\s+up)\b/i,
  },
  // "which industry is the most targeted by ransomware": across a whole country or trade.
  { asks: 'what is hit most', pattern: /\b(?:is|are)\s+(?:[a-z]+\s+){0,3}?most\s+(?:targeted|attacked|hacked|affected)\b/i },
  // "china's anti-espionage law", "japan's new active cyber defense law" — the law itself, not what
  // happened in the case ("did he break the law").
  {
    asks: 'a law by its name',
    pattern:
      /\b(?:espionage|spy(?:ing)?|intelligence|secrets?|privacy|data\s+protection|cyber\s*security|cyber\s+defen[cs]e|unauthori[sz]ed\s+access)\s+(?:law|act|bill|legislation)s?\b/i,
  },
  // Not "the recruitment pitch": how he was talked into it.
  { asks: 'recruiting', pattern: /\b(?:recruit|recruits|recruiting|recruiters?)\b/i },
  // "should japan retaliate" (not "should i …": advice; nor "should we be worried?": whether the
  // case did harm).
  {
    asks: 'an opinion on what a body should do',
    pattern:
      /\bshould\s+(?:japan|china|tokyo|beijing|the\s+(?:government|police|us|un|west)|countries|governments|we)\s+(?!be\s+(?:worried|concerned|scared|afraid|nervous|alarmed)\b)[a-z]+/i,
  },
  // "how many years would wang get if convicted", "what punishment would he get if he's caught": no
  // fact says what has not happened.
  {
    asks: 'what would happen if',
    pattern:
      /\bif\s+(?:(?:he|she|they)['’](?:s|re)\s+|(?:he|she|they)?\s*(?:(?:is|are|was|were|gets?|got)\s+)?)(?:convicted|found\s+guilty|sentenced|extradited|caught|arrested|charged)\b|\b(?:punishment|penalty|sentence)\s+(?:would|could|will|might)\b|\bhow\s+(?:many\s+years|much\s+time)\s+(?:in\s+(?:prison|jail)\s+)?(?:would|could|will|might)\b/i,
  },
  // "does the pla have a cyber division": the body in general, not the case.
  {
    asks: 'what a body has',
    pattern: /\b(?:does|do)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?have\s+(?:a|an|any)\s+(?!(?:name|link|connection|role)\b)/i,
  },
  // "how many people work at the national police agency".
  {
    asks: 'how many work somewhere',
    pattern: /\bhow\s+many\s+(?:people|employees|staff|workers|officers)\s+(?:work|are\s+employed|serve)\b/i,
  },
  // "when to use お疲れ様です", "how to say … in japanese", "tick the insect, what is in japanese?".
  {
    asks: 'how a word is used',
    pattern:
      /\b(?:when|how)\s+(?:do\s+(?:you|i)\s+|to\s+)(?:use|say|write|read|pronounce|reply|respond\s+to|greet)\b|\bwhat\s+is\s+(?:\S+\s+){0,3}?in\s+(?:japanese|english|chinese)\b/i,
  },
];

const ASKS_GENERIC_JA = new RegExp(
  [
    String.raw`一般的|一般に|普段|ふだん|の違い|違いは|と比べ|に比べ|(?:する|できる)(?:ための)?(?:手続き|方法|やり方)|残業|年収|給料|求人|転職|就職|出身|経歴|何歳|後任|前任|政党|何党|どこの党`,
    // An opinion on what should be done: 報復すべきだと思いますか; whether something is allowed:
    // 警察って被疑者のスマホをハッキングしていいの？
    String.raw`すべき|するべき|[てで]も?(?:いい|良い|よい)(?:の|ん|です)`,
    // Who else holds an office, what other groups there are: 中国外務省の報道官って他に誰がいる？,
    // 中国のハッカー集団って他にどんなのがいるの？ (the office or the kind, not the case).
    String.raw`(?:他|ほか)に(?:は)?(?:誰|だれ|どんな(?:人|の|もの|グループ|集団|組織)?)が(?:いる|いま|ある|あり)`,
    // Office today: 今どのポストにいるの, 今は何大臣, まだ報道官なの.
    String.raw`(?:今|現在|いま)(?:は|も|って)?[^。？?！!]{0,6}(?:ポスト|役職|大臣|肩書|ポジション)|(?:まだ|今も|いまも)[^。？?！!]{0,10}(?:官房長官|報道官|大臣)`,
    // How big or old an entity is, what is hit most, a law by its name (反スパイ法, スパイ防止法, 個人情報保護法).
    String.raw`兵力|兵員|軍事費|国防費|予算|人口|従業員数|社員数|職員数|いつ(?:でき|設立|創設|創立|発足)|一番多い|いちばん多い|最も多い|(?:スパイ|防止|保護|禁止|対策|推進|基本|取締|規制|秘密|防衛)法(?![人廷務的則])`,
  ].join('|'),
  'u',
);

/**
 * Asking about the news of the day: "what did wang wenbin say about taiwan last week", "is the pla
 * holding drills this week", "what is the pla doing lately" (or "recently"), "how many spies has japan
 * arrested this year"; 今週の…, 昨日の…. A case's facts are a fixed record of what happened in it;
 * what someone said or did this week is not among them, so such a question is answered only by facts
 * covering all its words, whatever it names ({@link asksCurrentNews}). "now", "right now", "rn",
 * "still" and "latest" are not cues: members ask "where is the engineer now", "are the police
 * hunting anyone right now", "what are police investigating rn" and "are the cops still on it" about
 * the case. Measured on the development sets of session 12: none of their 622 judged questions has
 * such a cue (or one of {@link ASKS_WHAT_COMES}), 33 of their 391 off-topic ones do.
 */
const ASKS_DATED_NEWS = new RegExp(
  String.raw`\b(?:today|tonight|yesterday|tomorrow|(?:this|last|next)\s+(?:week|month|weekend|year)|lately|these\s+days|nowadays)\b` +
    // "recently" as "lately", not where the member read it: "i recently saw that …".
    String.raw`|(?<!\bi\s+)\brecently\b` +
    // What came after the report: "has jaxa had any other breaches since then", それ以来.
    String.raw`|\bsince\s+then\b|\bever\s+since\b|それ以来` +
    String.raw`|今日|昨日|明日|今週|先週|来週|今月|先月|来月|今年`,
  'i',
);
/**
 * Asking what is coming: "when is jaxa's next launch", "is there a summit coming up", "will japan
 * impose sanctions", "is china gonna respond"; 次の打ち上げ, 今後 — what someone will do is not among the
 * facts either; not "next" alone ("what did he do next"), and not what the police do next
 * ({@link ONGOING_INVESTIGATION}).
 */
const ASKS_WHAT_COMES = new RegExp(
  String.raw`\b(?:the|their|its|his|her|[a-z]+['’]s)\s+next\b|\bupcoming\b|\bcoming\s+up\b` +
    // What will be: "will japan impose sanctions", "is he gonna be extradited" (not "will you …", a
    // request; nor "was he going to …", what he meant to do in the case).
    // Not the noun: "against his will", "of her own free will".
    String.raw`|(?<!\b(?:his|her|their|its|own|free|my|your|the|ill|good|against)\s+)\b(?:will|won['’]?t)\s+(?!(?:you|u|ya|someone|anyone|somebody|anybody)\b)[a-z]+\s+(?:[a-z]+\s+)?[a-z]+` +
    String.raw`|\b(?:is|are|am)\s+(?:[a-z]+\s+){0,2}?(?:gonna|going\s+to)\b` +
    // A schedule: "when does winter break start".
    String.raw`|\bwhen\s+(?:does|do)\s+(?:[a-z]+\s+){1,4}?(?:start|begin|open|end|close|finish)\b` +
    String.raw`|次の|今後`,
  'i',
);
/**
 * The investigation going on: "will the police keep investigating", 警察は今後何を捜査していくの,
 * 警察は今後どうするんですか. An investigation the case reports is still under way, so what comes of it
 * — what the police do next — is asked about the case (not what they did last week: that is news).
 */
const ONGOING_INVESTIGATION = /investigat|inquir|probe|\bpolice\b|\bcops\b|捜査|調査|調べ|警察/i;

/** Whether a question asks about the day's news or what is coming (see {@link ASKS_DATED_NEWS}, {@link ASKS_WHAT_COMES}); the same cap as the query plan. */
export function asksCurrentNews(query: string): boolean {
  const text = withoutRemark(query.slice(0, MAX_QUERY_CHARS));
  return ASKS_DATED_NEWS.test(text) || (ASKS_WHAT_COMES.test(text) && !ONGOING_INVESTIGATION.test(text));
}

/**
 * What someone said or thinks about something: "what did the chinese foreign ministry say about the
 * fukushima water release", "what has wang wenbin said about taiwan", "kato's stance on the covid
 * emergency". The words after it name the topic of the statement.
 */
const STATEMENT_ABOUT =
  /\b(?:say|said|says|saying|comment(?:ed|s|ing)?|react(?:ed|s|ing)?|respond(?:ed|s|ing)?|stance|position|view|views)\s+(?:about|on|regarding|over|to)\s+([^?.!,;:()]+)/i;
/** Words that begin a topic meaning the case under discussion: "on this affair", "about that mess", "about it". */
const THE_CASE_ITSELF: ReadonlySet<string> = new Set(['this', 'that', 'these', 'those', 'it', 'all', 'everything']);
/** Words of a statement's topic looked at, at most: "the fukushima treated water release". */
const MAX_TOPIC_WORDS = 5;

/**
 * The words naming what a statement the question asks about was about ({@link STATEMENT_ABOUT}),
 * stop words left out: "what did kato say about the covid state of emergency" → covid, state,
 * emergency. Empty when the topic is the case in general ("about all this", "on this affair") or an event
 * told by a verb ("react to getting called out", "say about being blamed": a paraphrase of the
 * case's own events as often as not). The caller compares them with the words no fact matched: a
 * statement about something no fact mentions is not the case's.
 */
export function statementTopicWords(query: string): readonly string[] {
  const phrase = STATEMENT_ABOUT.exec(query.slice(0, MAX_QUERY_CHARS))?.[1];
  if (phrase === undefined) return [];
  const words = (phrase.toLowerCase().match(/[a-z0-9]+/g) ?? []).slice(0, MAX_TOPIC_WORDS);
  // "this affair", "that whole thing": what the conversation is about, the case.
  if (THE_CASE_ITSELF.has(words[0] ?? '')) return [];
  const first = words.find((word) => !DEFINITE.has(word) && word !== 'a' && word !== 'an');
  if (first === undefined || first.endsWith('ing')) return [];
  return words.filter((word) => !STOP_WORDS.has(word));
}

/** Whether a question checks a claim (see {@link CLAIM_CHECK}); the same cap as the query plan. */
export function checksClaim(query: string): boolean {
  return CLAIM_CHECK.test(query.slice(0, MAX_QUERY_CHARS));
}

/**
 * Nouns that name an incident or the group behind one ("the sony pictures hack", "that pension data
 * leak", "north korea's lazarus group").
 */
const INCIDENT_NOUN =
  /^(?:hacks?|hacking|breach(?:es)?|leaks?|(?:cyber)?attacks?|incidents?|scandals?|ransomware|groups?|gangs?|crews?|launch(?:es)?|missions?|drills?|elections?|summits?)$/;
/**
 * Determiners that make a noun phrase name one incident: "the …", "that …" (not "a …": any one), and
 * a possessive, whose owner names it too ("north korea's lazarus group" → korea, lazarus).
 */
const DEFINITE = new Set(['the', 'that', 'this', 'these', 'those']);
/** A word as {@link incidentNameWords} reads it: letters and digits, with a possessive 's kept. */
const NAME_WORD = /[a-z0-9]+(?:['’]s\b)?/g;
/** Stop words that may sit inside an incident's name: "the office of personnel management hack", "the us …". */
const INSIDE_NAME = new Set(['of', 'and', 'us']);
/** Words between the determiner and the noun, at most: "the us office of personnel management hack". */
const MAX_NAME_WORDS = 6;
/**
 * Modifiers that say nothing about which incident ("the whole jaxa hack", "the recent attacks"):
 * a fact not using them is no sign the question is about another one.
 */
const VAGUE_MODIFIERS: ReadonlySet<string> = new Set([
  ...['whole', 'entire', 'big', 'huge', 'massive', 'major', 'recent', 'latest', 'alleged', 'supposed', 'same', 'famous'],
  ...['infamous', 'original', 'first', 'initial', 'actual', 'real', 'previous', 'earlier', 'ongoing', 'reported', 'apparent', 'suspected'],
  // What kind, not which: "the computer attacks", "the online attacks".
  ...['computer', 'online', 'internet', 'digital', 'network'],
]);

/**
 * The words that name which incident a question is about, in a definite noun phrase ending in an
 * incident noun: "who was behind the sony pictures hack" → sony, pictures; "that japanese pension
 * data leak" → japanese, pension, data. Vague modifiers ("the whole jaxa hack") are left out; "a
 * ddos attack" names no one incident. The caller compares them with the words no fact matched: a
 * question naming another incident is about it, not about the case.
 */
export function incidentNameWords(query: string): readonly string[] {
  const words = query.slice(0, MAX_QUERY_CHARS).toLowerCase().match(NAME_WORD) ?? [];
  const named: string[] = [];
  words.forEach((word, at) => {
    if (!INCIDENT_NOUN.test(word)) return;
    const modifiers: string[] = [];
    for (let i = at - 1; i >= 0 && at - i <= MAX_NAME_WORDS + 1; i -= 1) {
      const w = words[i] ?? '';
      const owner = /['’]s$/.test(w) ? w.slice(0, -2) : undefined;
      // "what's", "that's", "it's": a contraction, not an owner.
      if (DEFINITE.has(w) || (owner !== undefined && !STOP_WORDS.has(owner))) {
        named.push(...[...modifiers, ...(owner === undefined ? [] : [owner])].filter((m) => !VAGUE_MODIFIERS.has(m)));
        return;
      }
      if (owner !== undefined) return;
      if (STOP_WORDS.has(w) && !INSIDE_NAME.has(w)) return;
      modifiers.push(w);
    }
  });
  return named;
}

/**
 * Who was hacked, named by one word alone after a hacking verb: "did china ever hack nasa" → nasa,
 * "the guys who hacked twitter" → twitter (not "hack ppl"; see {@link HACKED}). The caller compares
 * them with the words no fact matched, as for {@link incidentNameWords}.
 */
export function hackedWords(query: string): readonly string[] {
  const victims: string[] = [];
  for (const [, victim] of query.slice(0, MAX_QUERY_CHARS).toLowerCase().matchAll(HACKED)) {
    if (victim !== undefined && !STOP_WORDS.has(victim) && !ANYONE.has(victim)) victims.push(victim);
  }
  return victims;
}

/**
 * A hacking verb and the one word after it (an article or "into" skipped), alone: who was hacked
 * ("hack nasa", "hacked twitter too"; not "hack the rocket data": the data). Not the nouns ("the
 * hacks drag on", "the hacking campaign", "jaxa's breach the worst") nor the passive ("got hacked
 * total").
 */
const HACKED =
  /(?<!\b(?:got|get|gets|been|was|were|be|is|are|the|a|an|this|that|[a-z]+['’]s)\s+)\b(?:hack|hacked|breach|breached)\s+(?:into\s+)?(?:the\s+|a\s+|an\s+|their\s+)?([a-z0-9]+)\b(?!\s+(?!(?:too|as|in|on|at|for|from|with|to|and|or|but|back|again|ever|before|after|last|this|that|by)\b)[a-z0-9])/g;
/** Victims that name no one: "why hack people", "trying to hack ppl". */
const ANYONE: ReadonlySet<string> = new Set([
  'ppl',
  'people',
  'peeps',
  'everyone',
  'anyone',
  'someone',
  'things',
  'stuff',
  'systems',
  'computers',
]);

/**
 * Japanese: the noun phrase before の and an incident noun — 年金機構の情報漏えい, ベネッセの個人情報流出,
 * 名古屋港のサイバー攻撃 ({@link incidentNamePhrases}). Kanji, katakana and Latin only: a particle
 * ends the phrase, so JAXAへのサイバー攻撃 ("the attack on JAXA") names none.
 */
const INCIDENT_NAME_JA =
  /([\p{scx=Han}\p{scx=Katakana}ーA-Za-z0-9]+)の(?=(?:個人)?(?:情報)?(?:流出|漏洩|漏えい)|サイバー攻撃|ハッキング|不正アクセス|ランサムウェア|事件)/gu;

/**
 * The Japanese noun phrases that name which incident a question asks about (see
 * {@link INCIDENT_NAME_JA}): 年金機構の情報漏えいは何件 → 年金機構. The caller looks for a word no fact
 * matched inside them, as {@link incidentNameWords} does for English.
 */
export function incidentNamePhrases(query: string): readonly string[] {
  return [...query.slice(0, MAX_QUERY_CHARS).normalize('NFKC').matchAll(INCIDENT_NAME_JA)].map((m) => m[1] ?? '').filter((p) => p !== '');
}

/**
 * Asking for the whole story rather than one fact: "what happened", "what is this case about",
 * "what's going on", "tl;dr", "summary pls", "catch me up"; 何があったの, この件について教えて, 概要.
 * Only a question that names nothing else is answered with the case's overview (see
 * {@link OVERVIEW_WORDS}): "what happened to the purchase" asks about the purchase.
 */
const ASKS_OVERVIEW = new RegExp(
  String.raw`\bwhat\s+(?:happened|(?:is|was)\s+going\s+on)\b|\bwhat(?:['’]?s|\s+is|\s+was)\s+(?:going\s+on|(?:this|that|it|the)\s+(?:whole\s+)?(?:(?:case|story|thing|incident|situation|saga|news)\s+)?(?:all\s+)?about|the\s+story)\b` +
    // "tell me about the incident", "explain this case": the case named as itself.
    String.raw`|\b(?:tell\s+(?:me|us)|explain|describe)\s+(?:more\s+)?(?:about\s+)?(?:this|that|the)\s+(?:whole\s+)?(?:case|story|incident|situation|saga|news|affair)\b` +
    String.raw`|\bsummary\b|\bsummari[sz]e\b|\boverview\b|\btl;?\s?dr\b|\brecap\b|\brundown\b|\bthe\s+gist\b|\bcatch\s+me\s+up\b|\bfill\s+me\s+in\b`,
  'i',
);
const ASKS_OVERVIEW_JA = /何が(?:あった|起き|起こ)|概要|あらまし|まとめ|この(?:件|事件|話|ニュース)|本件|どういう(?:事件|こと|話)/;

/**
 * The words an overview question may hold besides its cue (see {@link ASKS_OVERVIEW}): the case
 * named in general terms, and how much is wanted. Any other word is a topic of its own. Stop words
 * and Japanese grammar ("what", "tell", "happened"; 教える, ある) never become units, so they are
 * not listed.
 */
export const OVERVIEW_WORDS: ReadonlySet<string> = new Set([
  ...['case', 'story', 'incident', 'situation', 'saga', 'news', 'whole', 'everything', 'going', 'far'],
  ...[
    'quick',
    'short',
    'brief',
    'briefly',
    'simple',
    'overall',
    'give',
    'overview',
    'explain',
    'describe',
    'affair',
    'recap',
    'gist',
    'tl',
    'dr',
    'tldr',
    'catch',
    'fill',
  ],
  ...['件', '事件', '話', 'ニュース', '全体', 'ざっくり', '概要', 'あらまし', 'まとめ'],
]);

/** Whether a question asks for the whole story (see {@link ASKS_OVERVIEW}); the caller checks it names nothing else. */
export function asksOverview(query: string): boolean {
  const text = query.slice(0, MAX_QUERY_CHARS);
  return (ASKS_OVERVIEW.test(text) || ASKS_OVERVIEW_JA.test(text)) && !ASKS_ONE_THING.test(text);
}

/** Whether a question is about the asker's own things (see {@link ABOUT_ASKER}); the same cap as the query plan. */
export function isAboutAsker(query: string): boolean {
  const text = query.slice(0, MAX_QUERY_CHARS);
  // The asker's context and where they heard it are frames, not what the question is about; so is
  // a remark after the question ("…? need the years for my slide").
  return ABOUT_ASKER.test(withoutFrames(withoutRemark(text)).replace(MY_HEDGE, ' ')) || ABOUT_ASKER_JA.test(text);
}

/** Whether a question asks about a kind of thing in general (see {@link GENERIC_FORMS}); the same cap as the query plan. */
export function asksGeneric(query: string): boolean {
  const text = query.slice(0, MAX_QUERY_CHARS);
  return GENERIC_FORMS.some((form) => form.pattern.test(text)) || ASKS_GENERIC_JA.test(text);
}

/**
 * Asking for a recommendation: "recommend a vpn", "any recs", "best antivirus for a laptop", "best
 * place to rent a server", "which vpn should i use"; おすすめ. Facts say what happened and never
 * recommend anything: none of the 457 judged questions of the development sets is of this form, 23 of
 * their 274 off-topic ones are. Not "best evidence for …", "best guess", "best source": those ask
 * about the case.
 */
const ASKS_RECOMMENDATION = new RegExp(
  String.raw`\breco(?:m|mm)end(?:s|ed|ations?)?\b|\brecs\b|\bany rec\b` +
    String.raw`|\bbest\s+(?!(?:evidence|proof|sources?|guess|explanation|summary|answer)\b)(?:\S+\s+){0,2}?(?:for|to)\b` +
    String.raw`|\bwhich\s+(?:\S+\s+){1,2}should\s+i\s+(?:buy|get|use|pick|choose|try)\b` +
    // What the members themselves use: "what antivirus software do you all use on your home pc",
    // "what security software does the school use".
    String.raw`|\b(?:what|which)\s+(?:\S+\s+){0,4}?(?:do|does)\s+(?:you\s+all|y['’]?all|you\s+guys|u\s+guys|everyone|people\s+here|anyone\s+here|(?:the|our|my)\s+(?:school|uni|university|company|office|lab|team))\s+(?:use|run|prefer|like)\b`,
  'i',
);
const ASKS_RECOMMENDATION_JA = /お(?:すすめ|勧め|ススメ)|オススメ/;

/** Whether a question asks for a recommendation (see {@link ASKS_RECOMMENDATION}); the same cap as the query plan. */
export function asksRecommendation(query: string): boolean {
  const text = query.slice(0, MAX_QUERY_CHARS);
  return ASKS_RECOMMENDATION.test(text) || ASKS_RECOMMENDATION_JA.test(text);
}

/**
 * Whether a question asks advice for the asker (see {@link ASKS_ADVICE}); the caller counts it as
 * about the asker only when it names no entity of the case: "should i believe kato", "any tips on
 * where to read more about the tick group" and JAXAの件、どうしたら詳しく分かる？ ask about the case.
 */
export function asksAdvice(query: string): boolean {
  const text = query.slice(0, MAX_QUERY_CHARS);
  return ASKS_ADVICE.test(text) || ASKS_ADVICE_JA.test(text);
}
