/**
 * Questions about a kind of thing in general, not about the case: what an office does, what a word
 * means, the law, work, a country, a person's life outside the case, an office today, what would
 * happen if — each form a named pattern with an example in the tests. `FactIndex.search` lets only
 * a moderator's same question answer them (`questionOnly` in hybrid.ts): a case's facts say what
 * happened in it, not what holds in general.
 */
import { withoutRemark } from './frames.js';
import { MAX_QUERY_CHARS } from './query-plan.js';

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
 * it legal to …", "the penalty for …"); work in general ("is jaxa hiring", "the pay", 残業, 転職, 採用, バイト); a
 * person's life outside the case ("where was kato born", "who replaced wang wenbin", 出身, 後任); 一般的に,
 * 普段, …の違い, …と比べて, …する手続き; and, since session 13, a person's office today, how big or old
 * a body is, what is hit most, a law by its name, a class of people ("how do foreigners …", "can the
 * police search your phone"); since session 14, a person's party and who else holds an office
 * (他に誰がいる); since session 18, holidays, health (a panic attack, a tick bite), a scam call or
 * text, lost property, a tick of a clock or a box, this Discord server, films and shows, studies,
 * trade figures; since session 19, who a rule is for ("for foreigners"), pensions, conscription, a
 * lost wallet or pet, taking a tick off, emoji, a word in another language or how it is read, what
 * is banned where, a character in a story, a game's attack power, what one does if …, a birthday,
 * ticks as insects, a game's characters, how many a body has now, an import ban, a check mark,
 * lessons, films and dramas in Japanese, what working somewhere is like, a game's matches, whether
 * tourists may drive, learning a language, what is legal to use, armies' ranks and history, a
 * product release, a teacher or a player of a surname the facts write (加藤先生). A case's facts say
 * what happened in it, so such a question is answered only by a fact one of whose own questions is
 * the same question, whatever it names
 * ({@link asksGeneric}; `questionOnly` in hybrid.ts). Measured on the development sets (README,
 * *Answer quality*): none of their 457 judged questions was of the forms of session 11 (23 of their
 * 274 off-topic ones were); none of their 622 of the forms of session 12 (about 30 of their 391
 * off-topic ones are); one of their 982 of all the forms of session 13 (113 of their 625 off-topic
 * ones): "is the attribution only to the PRC in general". At the end of session 18: two of their
 * 5002 (the same two as before it: "why would u need a fake company …", "what does a fake company have
 * to do with any of this"), 896 of their 4334 off-topic ones (643 before it). At the end of session
 * 19: the same two of their 6641, 1679 of their 7491 off-topic ones.
 */
export const GENERIC_FORMS: readonly GenericForm[] = [
  // "what does a chief cabinet secretary do", "what is a cabinet reshuffle", "explain what a zero day
  // is": any one, not the one in the news.
  // Not what one is doing: "whats a military unit doing with hackers" asks about the case.
  {
    asks: 'a kind of thing',
    pattern:
      /\b(?:what|how|who|why|when|where)(?:['’]?s|\s+(?:does|do|is|are))\s+(?:a|an)\s(?!(?:\S+\s+){0,3}?(?:doing|even)\b)|\b(?:explain|know|tell\s+me)\s+what\s+(?:a|an)\s+(?:\S+\s+){1,3}?(?:is|are|means?)\b/i,
  },
  { asks: 'what a word means', pattern: /\bwhat\s+does\s+(?:\S+\s+){1,3}mean\b|\bmeaning\s+of\b/i },
  // Not what someone of the case said about things in general ("what did the spokesman say about
  // cyberattacks in general", "the spokesman's line about cyberattacks in general": he said they are
  // a common challenge).
  {
    asks: 'what holds in general',
    pattern:
      /^(?![\s\S]*\b(?:say|says|said|saying|argued?|claimed?|stated|line|words|stance|position|comments?|remarks?)\b)[\s\S]*?(?:(?<!\b(?:china|prc|beijing|the\s+state|the\s+government|the\s+military)["”']?\s+)\bin\s+general\b|\bgenerally\b|\bday[\s-]to[\s-]day\b|\btypically\b|\busually\b|\bon\s+average\b|\b(?:do|does|are|is)\s+most\s+(?!of\s+(?:the|them|these|those)\b))/i,
  },
  // Not "when was the purchase vs when were the attacks": two moments of the case.
  {
    asks: 'a comparison',
    pattern:
      /\b(?:difference|differences|nuance|distinction)\s+between\b|\b(?:vs\.?|versus)\s+(?!(?:when|what|how|who|where|why|which)\b)|\bcompared\s+(?:to|with)\b/i,
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
  // people know it was china": that asks about the case); "japan social security for foreigners",
  // "can chinese tourists drive with a china license".
  {
    asks: 'a class of people',
    pattern:
      /\bhow\s+(?:do|can|would|should)\s+(?:(?:small|big|large|local|japanese|chinese|foreign|ordinary|normal)\s+)?(?:foreigners|people|companies|firms|businesses|students|tourists|expats|immigrants|citizens)\s+(?!(?:know|think|explain|tell|say|mean|figure|prove|see|be)\b)|\b(?:can|could|would|should)\s+(?:a\s+)?(?:foreigners?|people|companies|firms|businesses|students|tourists|expats|immigrants|citizens)\s+(?:be|get|legally|become|join|work)\s|\bfor\s+(?:foreigners|expats|immigrants|tourists|foreign\s+residents)\b|\b(?:can|could)\s+(?:(?:chinese|japanese|foreign|american|korean)\s+)?(?:tourists|foreigners|visitors|students|expats)\s+drive\b|\bsocial\s+security\b|\bpensions?\b/i,
  },
  // "can japanese police search your phone", "can the police get someone extradited", "police can stop
  // you and check your phone" (not "can the police arrest him", nor "can you check your sources": the bot).
  {
    asks: 'what an office may do to anyone',
    pattern:
      /\b(?:can|could)\s+(?!(?:you|u)\s)(?:the\s+)?(?:[a-z]+\s+){0,3}?(?:get|make|force|arrest|extradite|search|deport|charge|sue|track|punish|detain|jail|hack|spy\s+on|stop|check|question|fine|keep|hold)\s+(?:someone|somebody|anyone|anybody|people|you|your|u|ur|foreigners?)\b/i,
  },
  // "is it legal to use a fake name for a server", "the penalty for fraud in japan", "fraud in japan,
  // how many years prison?", "can police seize a server without a warrant", "how long can they hold
  // you without charges", "can i get in trouble for using a cracked program", "is military service
  // mandatory in china", "is crypto banned in china", "are chinese radios legal to use" (not "who is
  // allowed to buy that software": the case's sale).
  {
    asks: 'the law in general',
    pattern:
      /\bis\s+it\s+(?:il)?legal\b|\bunder\s+(?:\w+['’]?s?\s+)?(?:law|the\s+law)\b|\b(?:penalty|penalties|punishment|sentence|jail\s+time|prison\s+time)\s+(?:in\s+\w+\s+)?for\b|\bhow\s+many\s+years\s+(?:in\s+)?(?:prison|jail)\b|\bwithout\s+(?:a\s+)?(?:warrant|court\s+order|charges?|trial)\b|\b(?:get|be|am|are)\s+in(?:to)?\s+trouble\s+for\b|\bmandatory\b|\bconscription\b|\bmilitary\s+service\b|\b(?:is|are)\s+(?:\S+\s+){1,3}?(?:banned|illegal|legal|allowed)\s+in\b|\b(?:legal|illegal)\s+to\s+(?:use|buy|own|import|fly|drive)\b/i,
  },
  // "what punishment does japanese law give for …": what a law says, not what happened.
  {
    asks: 'what a law says',
    pattern:
      /\b(?:does|do|would|can)\s+(?:the\s+)?(?:(?:japanese|chinese|international|us|eu|japan['’]?s|china['’]?s)\s+)?laws?\s+(?:say|give|allow|require|punish|forbid|ban|cover)\b/i,
  },
  // "is jaxa hiring", "jobs at jaxa for students", "software engineer salary in tokyo", "is the pay
  // decent", "how can i join jaxa as engineer", "how to become a systems engineer", "part-time job
  // contract question" (not "his job", "was he paid": members ask those about the case).
  {
    asks: 'work in general',
    pattern:
      /\bpart[\s-]?tim(?:e|er|ers)\b|\b(?:hiring|salar(?:y|ies)|wages?|overtime|internships?|job\s+(?:openings?|interviews?|market|offers?|hunting)|pay\s+(?:decent|good|well|bad)|subsid(?:y|ies|ised|ized)|tax\s+(?:deductions?|breaks?|credits?|returns?))\b|\b(?:get|land|find|apply\s+for)\s+(?:a\s+)?job\b|\b(?:any|are\s+there)\s+(?:\S+\s+)?jobs?\s+(?:at|with|in|for)\b|\bremote\s+(?:\S+\s+){0,2}jobs?\b|\bremote\s+work(?:ing)?\b|\bjobs\b|\bcover\s+letters?\b|\bresum[eé]s?\b|\bhow\s+much\s+(?:do|does)\s+(?:\S+\s+){0,2}(?:earn|make|get\s+paid)\b|\bhow\s+(?:can|do|could|to)\s+(?:(?:i|you|u|one|someone|foreigners?)\s+)?(?:join|become|get\s+hired|work\s+(?:at|for))\b|\bhow\s+to\s+be\s+(?:a|an)\b/i,
  },
  // "where was kato born", "wang wenbin birthday", "who replaced wang wenbin", "who was spokesperson before wang wenbin", "who
  // became chief cabinet secretary after kato", "what did kato do before he became chief cabinet
  // secretary", "what other jobs has kato had", "which ministerial posts has he held"; "what party is kato from" (not "which party
  // canceled the deal": a party to it).
  {
    asks: "a person's life outside the case",
    pattern:
      /\b(?:born|birthplace|birthdays?|hometown|how\s+old|successor|predecessor|replaced)\b|\btakes?\s+over\s+from\b|\bbefore\s+(?:he|she|they)\s+became\b|\bbefore\s+becoming\b|\btook\s+over\s+from\b|\bwho\s+succeeded\b|\b(?:what|which)\s+other\s+(?:jobs|positions|posts|offices|careers)\b|\bcareer\b|\bministerial\s+(?:posts?|positions?|roles?|jobs?|portfolios?)\b|\b(?:posts?|positions?|offices?|jobs?|roles?|portfolios?)\s+(?:has|have|had|did)\s+(?:[a-z'’]+\s+){1,3}?(?:held|hold|occupied|had)\b|\bpolitical\s+part(?:y|ies)\b|\bparty\s+affiliation\b|\b(?:what|which)\s+party\s+(?:is|was|does|did)\s+(?:[a-z'’]+\s+){1,4}?(?:from|in|with|belong|a\s+member|part|affiliated)\b|\bwho\s+(?:was|were|had\s+been|became|took\s+over)\s+(?:[a-z]+\s+){0,5}?(?:before|after)\s+(?!(?:the|this|that|it|they|he|she|him|them|all)\b)/i,
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
      /\b(?:common|popular|rare|usual)\s+(?:[a-z]+\s+)?(?:family\s+|last\s+|first\s+)?(?:name|surname)\b|\bhow\s+(?:common|popular|rare)\s+is\s+the\s+(?:family\s+|last\s+|first\s+)?(?:name|surname)\b|\b(?:treaty|treaties)\s+(?:between|with)\b|\b(?:capital(?:\s+city)?|population|currency|official\s+languages?|national\s+(?:anthem|flag|animal|holiday|dish|food|flower|sport|bird))\s+of\b|\btrade\s+(?:volume|deficit|surplus|war|figures|balance)\b|\b(?:seafood|import|imports|export|exports)\s+bans?\b|\bbanning\s+(?:\S+\s+){0,2}(?:seafood|imports?)\b|\bgdp\b|\bhow\s+many\s+(?:prefectures|provinces|states|cities|islands)\b|\bhow\s+many\s+(?:\S+\s+){0,4}?(?:live|living|reside|residing|study|studying|work|working)\s+in\b/i,
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
      /\b(?:espionage|spy(?:ing)?|intelligence|secrets?|privacy|data\s+(?:protection|security)|cyber\s*security|cyber\s+defen[cs]e|unauthori[sz]ed\s+access)\s+(?:law|act|bill|legislation)s?\b/i,
  },
  // Not "the recruitment pitch": how he was talked into it.
  // Nor "did his wife join the pla": what someone of the case did.
  {
    asks: 'recruiting',
    pattern:
      /\b(?:recruit|recruits|recruiting|recruiters?)\b|(?<!\b(?:did|has|had|was|were|when|why)\s+(?:\S+\s+){0,3})\bjoin(?:ing)?\s+the\s+(?:army|military|navy|air\s+force|police|pla|sdf|self[\s-]defen[cs]e\s+forces)\b/i,
  },
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
      /\bif\s+(?:(?:he|she|they)['’](?:s|re)\s+|(?:he|she|they)?\s*(?:(?:is|are|was|were|gets?|got)\s+)?)(?:convicted|found\s+guilty|sentenced|extradited|caught|arrested|charged)\b|\bif\s+(?:they|police|the\s+police|cops|the\s+cops)\s+(?:ever\s+)?(?:catch|arrest|charge|convict|extradite)\b|\b(?:go|goes|going|sent)\s+to\s+(?:prison|jail)\b|\b(?:punishment|penalty|sentence)\s+(?:would|could|will|might)\b|\bhow\s+(?:many\s+years|much\s+time)\s+(?:in\s+(?:prison|jail)\s+)?(?:would|could|will|might)\b/i,
  },
  // "does the pla have a cyber division": the body in general, not the case.
  {
    asks: 'what a body has',
    pattern: /\b(?:does|do)\s+(?:the\s+)?(?:[a-z]+\s+){0,4}?have\s+(?:a|an|any)\s+(?!(?:name|link|connection|role)\b)/i,
  },
  // "how many people work at the national police agency".
  {
    asks: 'how many work somewhere',
    pattern: /\bhow\s+many\s+(?:people|employees|staff|workers|officers)\s+(?:work|are\s+employed|serve)\b/i,
  },
  // "whats the phone number for the japanese police", "the number for the cyber crime line", "how do
  // i contact jaxa": how to reach a body, not what happened.
  {
    asks: 'how to reach a body',
    pattern:
      /\b(?:phone|telephone|fax|hotline|contact|emergency|police|ambulance)\s+(?:numbers?|lines?|details|info|address)\b|\b(?:country|area|zip|postal)\s+codes?\b|\bnumber\s+(?:for|of)\s+the\b|\bwhat\s+number\s+is\s+the\b|\bhow\s+(?:do\s+(?:i|you|we)|to|can\s+(?:i|we))\s+(?:contact|call|reach|email|phone)\b/i,
  },
  // "what time is it in beijing", "time difference with china", 時差: the clock, not the case.
  { asks: 'the time of day', pattern: /\bwhat\s+time\s+is\s+it\b|\btime\s+(?:zones?|difference)\b/i },
  // "why is this server so dead", "is there a jobs channel on this server", "what does the green
  // tick emoji mean": the Discord server the bot runs in, not the rental server of the case.
  {
    asks: 'this Discord server',
    pattern:
      /\b(?:this|our)\s+(?:discord\s+)?server\s+(?:is\s+)?(?:so\s+)?(?:dead|quiet|active|empty)\b|\bwhy\s+is\s+(?:this|the)\s+server\s+(?:so\s+)?(?:dead|quiet|laggy|slow)\b|\b(?:channels?|roles?|mods?|moderators?|emojis?|invites?)\s+(?:on|in|for)\s+(?:this|the|our)\s+(?:discord\s+)?server\b|\bserver\s+(?:admins?|mods?|moderators?|rules|boosts?|invites?)\b|\bfor\s+(?:this|our)\s+(?:discord\s+)?server\b|\bemojis?\b|\bemotes?\b|\bstickers?\b/i,
  },
  // "good chinese police dramas", "is that actor's wife also an actress", "who is kato in naruto":
  // films and shows, not the case (not a "threat actor", nor "who is kato in this story").
  {
    asks: 'films and shows',
    pattern:
      /\b(?:dramas|c-?dramas?|k-?dramas?|movies|films|anime|tv\s+shows?|actress(?:es)?)\b|(?<!\bthreat\s+)\bactors?\b|\bwho\s+is\s+\S+\s+in\s+(?!(?:the|this|that|these|those|it|all|japan|china|japanese|chinese|government|politics|charge|power|office|cabinet|jaxa|police)\b)\S+\s*[?!.]*$/i,
  },
  // "imperial japanese army ranks": armies' ranks and history, not the case's unit.
  { asks: 'armies in history', pattern: /\b(?:army|military|navy)\s+ranks?\b|\bimperial\s+(?:japanese\s+)?(?:army|navy)\b/i },
  // "chinese hackers in apex lobbies": a game's matches, not the case.
  { asks: 'a game', pattern: /\blobb(?:y|ies)\b|\bmatchmaking\b|\branked\s+(?:games?|matches|mode|play)\b/i },
  // "aerospace engineering degree japan": studies, not the case.
  {
    asks: 'studies',
    pattern:
      /\b(?:engineering|bachelor['’]?s?|master['’]?s?|phd|university|college)\s+degrees?\b|\bdegrees?\s+in\b|\bscholarships?\b|\bstudy(?:ing)?\s+abroad\b|\b(?:engineering|medical|law|best|top)\s+(?:research\s+|ranked\s+|rated\s+)?(?:universities|schools|colleges)\b|\b(?:language|japanese|chinese|english|mandarin)\s+learning\b|\blearn(?:ing)?\s+(?:japanese|chinese|english|mandarin|korean)\b/i,
  },
  // "police station lost and found", 落とし物って警察に届けるの？: lost property, not the case.
  // "reporting a lost wallet to japanese police".
  {
    asks: 'lost property',
    pattern:
      /\blost\s+(?:and|&|n)\s+found\b|\blost\s+property\b|\blost\s+(?:my\s+|a\s+|the\s+|our\s+)?(?:wallet|phone|purse|bag|keys|passport|umbrella|luggage)\b/i,
  },
  // "minecraft server tick lag", "64 tick", "tick a checkbox in excel", "the blue tick on weibo": the
  // tick of a game's clock, a box or a check mark, not the hacking group.
  {
    asks: 'a tick of a clock or a box',
    pattern:
      /\btick\s*(?:rates?|lag|speed)\b|\b(?:blue|green|grey|gray|red|double)\s+ticks?\b|\b(?:64|128)[\s-]?tick\b|\btick\s+(?:a|the)\s+(?:check\s*)?box\b|\bcheck\s*box(?:es)?\b|\btick\s+(?:box|boxes|marks?)\b/i,
  },
  // "chinese new year date", "anyone going back to japan for obon?", 春節, "chinese military parade
  // date": the calendar, not the case.
  {
    asks: 'a holiday or an event',
    pattern:
      /\b(?:(?:chinese|lunar)\s+new\s+year|golden\s+week|obon|christmas|halloween|spring\s+festival|mid[-\s]?autumn\s+festival|(?:military\s+)?parades?)\b/i,
  },
  // "scam call pretending to be police", "fake japan post sms", "fake company calling about car
  // warranty": a scam on the asker's phone (the case's scam went through a fake company, not calls
  // or texts).
  {
    asks: 'a scam call or text',
    pattern:
      /\b(?:scam|phishing|spam)\s+(?:calls?|texts?|sms|e?mails?|messages?|dms?)\b|\bsms\b|\btext\s+messages?\b|\b(?:fake|scam|scammers?|phishing)\s+(?:\S+\s+){0,2}(?:calling|texting|emailing)\b|\b(?:fake|scam|scammers?|phishing)\b[^.?!]{0,30}\b(?:phoned|called|rang|texted|e?mailed|dm['’]?d|messaged)\s+me\b/i,
  },
  // "panic attack at work", "lyme disease after tick bite", "how to remove a tick from skin": health —
  // the body's attacks, the insect's bite (the case's "attack" and Tick in another sense).
  // "ticks when hiking in japan", "are ticks bad in okutama now": the outdoors, where ticks are the
  // insect (not "whos pulling ticks strings": Tick's).
  {
    asks: 'the outdoors',
    pattern:
      /\b(?:hiking|hikes?|camping|trekking|trails?)\b|\b(?:are|any|many|lots\s+of|do|does|can)\s+ticks\b|\bsfts\b|\bticks\s+(?:bad|dangerous|out|season|on\s+(?:my|the|a|your))\b/i,
  },
  {
    asks: 'health',
    pattern:
      /\b(?:panic|heart|anxiety|asthma)\s+attacks?\b|\blyme\b|\btick[\s-]?bites?\b|\b(?:tick|flea|mosquito|insect)[\s-]borne\b|\b(?:remove|removing|get\s+rid\s+of|pull(?:ing)?\s+(?:out|off))\s+(?:a\s+|the\s+|this\s+)?ticks?\b|\btick\s+removal\b/i,
  },
  // "when to use お疲れ様です", "how to say … in japanese", "tick the insect, what is in japanese?",
  // "army ranks in chinese" (not "what did the spokesman say in chinese": his words).
  {
    asks: 'how a word is used',
    pattern:
      /\b(?:when|how)\s+(?:do\s+(?:you|i)\s+|to\s+)(?:use|say|write|read|pronounce|reply|respond\s+to|greet)\b|\bwhat\s+is\s+(?:\S+\s+){0,3}?in\s+(?:japanese|english|chinese)\b|\b(?:e?mails?|letters?|messages?|greetings?)\s+in\s+(?:chinese|japanese|english|mandarin|korean)\b|^(?![\s\S]*\b(?:say|says|said|wrote|write|written|called|named)\b)[\s\S]*\bin\s+(?:chinese|japanese|mandarin|english|korean|cantonese)\s*[?!.]*$/i,
  },
];

const ASKS_GENERIC_JA = new RegExp(
  [
    String.raw`家庭教師|習い事|プレイ|新製品|新作|発売|成り立ち|歴史|起源|先生|選手|教授|(?:通販|サイト|アプリ)[^。？?]{0,6}安全|ドラマ|映画|アニメ|働く(?:の|って)|扶養|攻撃力|防御力|キャラ|ガチャ|(?:今|現在)(?:は|って)?何人|(?:たら|れば|なら)(?:どうする|どうなる)|春節|旧正月|お盆|打ち上げ|何時(?:から|まで)|(?:名字|苗字)[^。？?]{0,8}(?:多い|珍しい|何番目)|(?:名乗る|名乗った)(?:電話|メール|人)|詐欺(?:電話|メール|SMS)|電話が(?:来た|きた|かかってきた)|落とし物|忘れ物|遺失物|迷子|連絡先|電話番号|何番|メアド|メールアドレス|育休|産休|有給|発作|喘息|ぜんそく|花粉症|ゴールデンウィーク|年末年始|一般的|一般に|普段|ふだん|の違い|違いは|と比べ|に比べ|(?:する|できる)(?:ための)?(?:手続き|方法|やり方)|残業|年収|給料|求人|採用|雇って(?:くれる|もらえる)|転職|就職|就活|バイト|出身|経歴|何歳|後任|前任|政党|何党|どこの党|時差|今何時|(?:中国語|日本語|英語|韓国語)で[^。？?]{0,12}(?:何て|なんて|どう)(?:言う|書く|言います|書きます|言えば|書けば)|(?:中国語|日本語|英語|韓国語)で「[^」]{1,12}」(?:って|は)(?:何|なに|なん)`,
    // A word in another language, how a word is read: 妻って中国語で何？, 加藤って中国語でどう読む？,
    // 「王」の発音 (not what someone said or wrote in it: 中国語で何と言ったの).
    String.raw`(?:中国語|日本語|英語|韓国語)で(?![^。？?]*(?:言った|言って|述べ|書いた|書かれ|発言|呼ば))|発音|読み方|どう読む`,
    // An opinion on what should be done: 報復すべきだと思いますか; whether something is allowed:
    // 警察って被疑者のスマホをハッキングしていいの？
    String.raw`すべき|するべき|[てで]も?(?:いい|良い|よい)(?:の|ん|です|[？?])`,
    // Who else holds an office, what other groups there are: 中国外務省の報道官って他に誰がいる？,
    // 中国のハッカー集団って他にどんなのがいるの？ (the office or the kind, not the case).
    String.raw`(?:他|ほか)に(?:は)?(?:誰|だれ|どんな(?:人|の|もの|グループ|集団|組織)?)が(?:いる|いま|ある|あり)`,
    // Office today: 今どのポストにいるの, 今は何大臣, まだ報道官なの.
    String.raw`(?:今|現在|いま)(?:は|も|って)?[^。？?！!]{0,6}(?:ポスト|役職|大臣|肩書|ポジション)|(?:まだ|今も|いまも)[^。？?！!]{0,10}(?:官房長官|報道官|大臣)`,
    // How big or old an entity is, what is hit most, a law by its name (反スパイ法, スパイ防止法, 個人情報保護法, 国家情報法).
    String.raw`兵力|兵員|軍事費|国防費|予算|人口|従業員数|社員数|職員数|いつ(?:でき|設立|創設|創立|発足)|一番多い|いちばん多い|最も多い|(?:スパイ|防止|保護|禁止|対策|推進|基本|取締|規制|秘密|防衛|情報)法(?![人廷務的則])`,
  ].join('|'),
  'u',
);

/** Whether a question asks about a kind of thing in general (see {@link GENERIC_FORMS}); the same cap as the query plan. */
export function asksGeneric(query: string): boolean {
  // A remark after the question is no part of it ("…? trying to classify it for sec+ (nation state vs
  // hacktivist)").
  const text = withoutRemark(query.slice(0, MAX_QUERY_CHARS));
  return GENERIC_FORMS.some((form) => form.pattern.test(text)) || ASKS_GENERIC_JA.test(text);
}
