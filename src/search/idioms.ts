/**
 * English idioms and chat slang that members use where news says it plainly: "who's pulling the
 * strings" (directing), "did he skip town" (fled), "did the deal fall through" (canceled), "how many
 * orgs got pwned" (hacked). Read word by word, "pulling" and "strings" match nothing a case says, and
 * their word vectors point elsewhere; the plain words find the facts.
 *
 * The table is language data, shared by every case, like the stop words: idioms of news about
 * attacks, crime, investigations and governments, each mapped to the plain words a fact would use. A
 * question's idiom becomes one unit that matches either the idiom itself (a moderator's question may
 * use it) or one of its plain words, and the plain words stand for it in the question's vector.
 */

/** One idiom: its forms (a regular expression over lower-case text, whole words) and its plain words. */
interface Idiom {
  readonly pattern: string;
  readonly plain: readonly string[];
}

/** Verb endings: pull → pulls, pulled, pulling. */
const S_ED_ING = String.raw`(?:s|ed|ing)?`;
/** A possessive or article before a noun of an idiom: "the", "his", "tick's". */
const DET = String.raw`(?:(?:the|his|her|their|its|a|[a-z]+['’]s)\s+)?`;

const IDIOMS: readonly Idiom[] = [
  // Who is behind it.
  { pattern: String.raw`pull${S_ED_ING}\s+${DET}strings`, plain: ['directing', 'controlling'] },
  { pattern: String.raw`call${S_ED_ING}\s+the\s+shots`, plain: ['directing', 'controlling'] },
  { pattern: String.raw`(?:hold|holds|holding|held)\s+the\s+leash`, plain: ['controlling', 'directing'] },
  { pattern: String.raw`(?:the\s+)?brains\s+behind`, plain: ['directing', 'behind'] },
  // An agent's handler, as police and spies say it: "who was running him", "any handler in the picture".
  { pattern: String.raw`handlers?|(?:who\s+was|who['’]s|who\s+is)\s+running\s+(?:him|her|them)`, plain: ['instructed', 'directing'] },
  // Blame.
  { pattern: String.raw`point${S_ED_ING}\s+${DET}fingers?\s+at`, plain: ['blame', 'accuse'] },
  {
    pattern: String.raw`pin(?:s|ned|ning)?\s+(?:it|this|that|the\s+blame|the\s+attacks?|the\s+hacks?)\s+on`,
    plain: ['blame', 'attribute'],
  },
  { pattern: String.raw`(?:throw|throws|threw|thrown|throwing)\s+\S+\s+under\s+the\s+bus`, plain: ['blame'] },
  { pattern: String.raw`cr(?:y|ies|ied|ying)\s+foul`, plain: ['protest', 'deny'] },
  // Attacks.
  { pattern: String.raw`(?:got|get|gets|getting|was|were|been)\s+(?:pwned|owned|popped)`, plain: ['hacked'] },
  { pattern: String.raw`pwned`, plain: ['hacked'] },
  { pattern: String.raw`exfil(?:trat(?:e|ed|es|ing|ion))?`, plain: ['stole', 'data'] },
  { pattern: String.raw`(?:lose|loses|lost|losing)\s+(?:any\s+|some\s+|the\s+|their\s+)?data`, plain: ['data', 'leak'] },
  { pattern: String.raw`(?:go|goes|going|went|gone)\s+after`, plain: ['target', 'attack'] },
  // Getting hold of something.
  { pattern: String.raw`(?:get|gets|got|getting|gotten)\s+${DET}hands\s+on`, plain: ['obtain'] },
  // Police and arrests.
  { pattern: String.raw`(?:nab|nabs|nabbed|nabbing)`, plain: ['arrest', 'catch'] },
  { pattern: String.raw`(?:busted|collared)`, plain: ['arrested'] },
  { pattern: String.raw`behind\s+bars`, plain: ['jail', 'arrested'] },
  { pattern: String.raw`locked\s+up`, plain: ['jail', 'arrested'] },
  { pattern: String.raw`(?:skip|skips|skipped|skipping)\s+(?:town|the\s+country)`, plain: ['fled', 'left'] },
  { pattern: String.raw`(?:fly|flies|flew|flown|flying)\s+the\s+coop`, plain: ['fled', 'left'] },
  { pattern: String.raw`on\s+the\s+run`, plain: ['fled', 'wanted'] },
  { pattern: String.raw`(?:still\s+)?at\s+large`, plain: ['fled', 'wanted'] },
  // The formal words of news read aloud: "has the gentleman been apprehended".
  { pattern: String.raw`apprehend(?:s|ed|ing)?`, plain: ['arrested', 'caught'] },
  { pattern: String.raw`dip(?:s|ped|ping)?\s+(?:outta|out\s+of|from)`, plain: ['left', 'fled'] },
  { pattern: String.raw`(?:tracked|tracking|track|tracks)\s+(?:\S+\s+)?down`, plain: ['identified', 'found'] },
  { pattern: String.raw`(?:dig|digs|digging|dug)\s+(?:into|around)`, plain: ['investigating'] },
  { pattern: String.raw`focus(?:es|ed|ing|sed|sing)?\s+on`, plain: ['investigating', 'looking'] },
  { pattern: String.raw`(?:sat|sit|sits|sitting)\s+(?:him|her|them)\s+down`, plain: ['questioned'] },
  // Talking to the police.
  { pattern: String.raw`(?:did|does|will|would)\s+(?:he|she|they)\s+sing`, plain: ['confess', 'tell', 'police'] },
  { pattern: String.raw`(?:sing|sang|sung|singing)\s+to\s+the\s+(?:cops|police|feds)`, plain: ['confess', 'tell', 'police'] },
  { pattern: String.raw`spill(?:s|ed|ing)?\s+the\s+beans`, plain: ['confess', 'tell'] },
  { pattern: String.raw`c(?:ome|omes|ame|oming)\s+clean`, plain: ['confess', 'admit'] },
  { pattern: String.raw`rat(?:s|ted|ting)?\s+(?:out|on)`, plain: ['named', 'told', 'police'] },
  // Hiding.
  { pattern: String.raw`cover(?:s|ed|ing)?\s+${DET}tracks`, plain: ['hide', 'identity'] },
  {
    pattern: String.raw`hid(?:e|es|ing|den)?\s+(?:who\s+(?:they|he|she)\s+(?:were|was|are|is)|(?:their|his|her)\s+identit(?:y|ies))`,
    plain: ['false', 'identity'],
  },
  // Patriotism: "serve the motherland" for "contribute to your country".
  {
    pattern: String.raw`serv(?:e|es|ed|ing)\s+(?:the|your|his|their|one['’]s)\s+(?:motherland|fatherland|homeland|nation|country)`,
    plain: ['contribute', 'country'],
  },
  { pattern: String.raw`(?:the\s+)?(?:motherland|fatherland)`, plain: ['country'] },
  // How he was talked into it: "what was the recruitment pitch", "how was he recruited".
  { pattern: String.raw`recruit(?:ment|ed)(?:\s+(?:pitch|angle))?|sales\s+pitch`, plain: ['told', 'contribute'] },
  // Deals that fail.
  { pattern: String.raw`call(?:s|ed|ing)?\s+(?:it\s+|the\s+\S+\s+)?off`, plain: ['canceled', 'cancel'] },
  { pattern: String.raw`(?:fall|falls|fell|fallen|falling)\s+through`, plain: ['canceled', 'failed'] },
  { pattern: String.raw`back(?:s|ed|ing)?\s+out`, plain: ['canceled', 'withdrew'] },
  { pattern: String.raw`kill(?:s|ed|ing)?\s+(?:the|that|this)\s+(?:deal|sale|transaction|purchase)`, plain: ['canceled', 'cancel'] },
  { pattern: String.raw`smell(?:s|ed|ing)?\s+a\s+rat`, plain: ['suspect', 'noticed'] },
  { pattern: String.raw`(?:figure|figures|figured|figuring)\s+out`, plain: ['learning', 'found'] },
  { pattern: String.raw`something\s+(?:was|is|seemed|felt|looked)\s+(?:off|fishy|shady)`, plain: ['fake', 'suspicious'] },
  // Fake things.
  { pattern: String.raw`(?:front|shell|paper|dummy|sham)\s+(?:company|companies|firm|firms|business)`, plain: ['fake', 'company'] },
  // What was said.
  { pattern: String.raw`(?:go|goes|went|gone|going)\s+public`, plain: ['announced', 'said'] },
  { pattern: String.raw`clap(?:s|ped|ping)?\s+back|hit(?:s|ting)?\s+back`, plain: ['responded', 'said'] },
  { pattern: String.raw`presser`, plain: ['press', 'conference'] },
  { pattern: String.raw`comeback`, plain: ['response', 'reply'] },
  {
    pattern: String.raw`(?:go|goes|went|gone|going|was|is|been|spoke|speaks?|speaking)\s+on\s+(?:the\s+)?record`,
    plain: ['said', 'statement'],
  },
  // A denial's words: "beijing called it slander", "a smear", "baseless".
  { pattern: String.raw`slander(?:s|ed|ing|ous)?|smears?|baseless`, plain: ['wrongly', 'accusing'] },
  // Deflecting blame by pointing at others' wrongs: "did china just do the usual whataboutism".
  { pattern: String.raw`whataboutism`, plain: ['responded', 'argued'] },
  // How much is known.
  { pattern: String.raw`in\s+the\s+dark`, plain: ['unknown'] },
  { pattern: String.raw`tip\s+of\s+the\s+iceberg`, plain: ['other', 'more'] },
  { pattern: String.raw`nothing\s?burger`, plain: ['nothing', 'damage'] },
  // Looking for flaws.
  {
    pattern: String.raw`(?:pick(?:s|ed|ing)?|pull(?:s|ed|ing)?|t(?:ake|akes|ook|aken|aking)|t(?:ear|ears|ore|orn|earing)|rip(?:s|ped|ping)?)\s+(?:\S+\s+){0,2}apart`,
    plain: ['analyze', 'vulnerabilities'],
  },
  { pattern: String.raw`pok(?:e|es|ed|ing)\s+holes`, plain: ['vulnerabilities', 'flaws'] },
  { pattern: String.raw`poke\s+around`, plain: ['look', 'probe'] },
  { pattern: String.raw`weak\s+(?:spots?|points?)`, plain: ['vulnerabilities', 'flaws'] },
  // People.
  { pattern: String.raw`(?:the\s+)?missus`, plain: ['wife'] },
  { pattern: String.raw`hubby`, plain: ['husband'] },
  { pattern: String.raw`crew`, plain: ['group'] },
  // Security jargon: "what infra was used", "their TTPs" (tactics, techniques and procedures).
  { pattern: String.raw`infra`, plain: ['server', 'infrastructure'] },
  { pattern: String.raw`victimology`, plain: ['targets', 'hit'] },
  // Police talk: the person a case is about.
  { pattern: String.raw`(?:the\s+)?subject['’]?s?(?=\s+(?:name|nationality|whereabouts|status|location)\b)`, plain: ['suspect'] },
  { pattern: String.raw`ttps?`, plain: ['methods', 'tactics'] },
  // … "the campaign", "who tasked him", "impact assessment", "attribution confidence".
  { pattern: String.raw`(?:the\s+|this\s+|that\s+)?campaigns?`, plain: ['attacks', 'cyberattacks'] },
  { pattern: String.raw`task(?:ed|ing)`, plain: ['instructed', 'directed'] },
  { pattern: String.raw`impact(?:\s+assessment)?`, plain: ['damage', 'leak'] },
  { pattern: String.raw`(?:lose|lost|losing)\s+(?:anything|something|much)`, plain: ['data', 'leak', 'damage'] },
  { pattern: String.raw`confiden(?:ce|t)(?:\s+level)?`, plain: ['likely'] },
  { pattern: String.raw`vulns?`, plain: ['vulnerabilities'] },
  // Japanese English: "security soft" (セキュリティソフト), not "soft power", "a soft launch".
  { pattern: String.raw`soft(?!\s+(?:power|drinks?|skills?|spot|launch|copy|toys?))`, plain: ['software'] },
  { pattern: String.raw`(?:false\s+|fake\s+)?personas?`, plain: ['false', 'identity'] },
  { pattern: String.raw`nexus`, plain: ['linked', 'link'] },
  // Chat abbreviations: "the security sw", "the chief cab sec", "the engineer they ID'd".
  { pattern: String.raw`sw`, plain: ['software'] },
  { pattern: String.raw`(?:chief\s+)?cab\s+sec`, plain: ['cabinet', 'secretary'] },
  { pattern: String.raw`id['’]?d`, plain: ['identified'] },
  // Diplomats' and Japanese IT abbreviations: "the MFA spokesman" (ministry of foreign affairs),
  // "where was that SE based" (システムエンジニア, SE in Japanese too).
  { pattern: String.raw`mo?fa`, plain: ['foreign', 'ministry'] },
  { pattern: String.raw`ses?(?!\s+asia)`, plain: ['systems', 'engineer'] },
  // Time passing: the sound of a clock, not a group called Tick.
  { pattern: String.raw`tick[\s-]?tocks?`, plain: ['time', 'waiting'] },
];

/** An idiom found in a question: where, as typed, and its plain words. */
export interface IdiomMatch {
  readonly start: number;
  readonly end: number;
  readonly typed: string;
  readonly plain: readonly string[];
}

const COMPILED: readonly { readonly re: RegExp; readonly plain: readonly string[] }[] = IDIOMS.map((idiom) => ({
  re: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${idiom.pattern})(?![\p{L}\p{N}])`, 'giu'),
  plain: idiom.plain,
}));

/** Any idiom at all: one scan that lets the many questions without an idiom skip the per-idiom scans. */
const ANY = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${IDIOMS.map((idiom) => idiom.pattern).join('|')})(?![\p{L}\p{N}])`, 'iu');

/**
 * The idioms of `text`, in order, none overlapping (the earlier, then the longer one wins).
 *
 * @example
 * findIdioms("who's pulling tick's strings")[0] // => { start: 6, end: 28, typed: "pulling tick's strings", plain: ['directing', 'controlling'] }
 */
export function findIdioms(text: string): IdiomMatch[] {
  if (!ANY.test(text)) return [];
  const found: IdiomMatch[] = [];
  for (const { re, plain } of COMPILED) {
    for (const m of text.matchAll(re)) found.push({ start: m.index, end: m.index + m[0].length, typed: m[0], plain });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: IdiomMatch[] = [];
  for (const m of found) if (out.length === 0 || m.start >= (out[out.length - 1]?.end ?? 0)) out.push(m);
  return out;
}

/** `text` with each idiom replaced by `replace(match)`. */
export function replaceIdioms(text: string, matches: readonly IdiomMatch[], replace: (match: IdiomMatch) => string): string {
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + replace(m);
    at = m.end;
  }
  return out + text.slice(at);
}
