/**
 * Questions whose answer must be of one kind, and whether a fact's text holds one: what a thing is
 * called ("what was the fake company called", "what is the name of the security software",
 * マルウェアの名前は) needs a name given to such a thing; what something cost ("how much was the software
 * worth", いくら) needs an amount. Facts often speak of a thing without naming it ("a fake Japanese
 * company") or of a purchase without its price: such a fact is about the question but does not answer
 * it, so the answer is "no fact says" (a gap for the moderators), not the facts that mention the
 * thing. The same for people ("what is the engineer's name", 奥さんの名前は), named only in fewer ways:
 * "the Chinese national … as Wang", "spokesperson Wang Wenbin", "Wang, the Chinese national".
 */
import { MENTIONS_DATE } from './intent.js';
import { escapeRegExp } from './text.js';
import type { WantedAnswer } from './types.js';

/** Kinds of people a member may ask the name of; the words of one kind stand for each other. */
const PERSON_KINDS: readonly (readonly string[])[] = [
  ['wife', 'spouse', 'woman'],
  ['suspect', 'national', 'man', 'guy', 'dude', 'person', 'individual'],
  ['engineer', 'hacker', 'attacker'],
  ['spokesperson', 'spokesman', 'spokeswoman'],
];

/** Kinds of things and people a member may ask the name of; the words of one kind stand for each other. */
const KINDS: readonly (readonly string[])[] = [
  ...PERSON_KINDS,
  [
    'company',
    'firm',
    'business',
    'corporation',
    'vendor',
    'seller',
    'reseller',
    'retailer',
    'dealer',
    'distributor',
    'shop',
    'store',
    'maker',
    'manufacturer',
  ],
  ['software', 'program', 'programme', 'tool', 'product', 'app', 'application', 'antivirus'],
  ['malware', 'virus', 'trojan', 'backdoor', 'implant', 'ransomware'],
  ['server', 'host', 'provider'],
  ['website', 'site', 'domain'],
  ['operation', 'campaign'],
  ['unit', 'division', 'department', 'branch', 'bureau', 'force'],
  ['group', 'gang', 'crew', 'team', 'outfit'],
  ['country', 'nation'],
  ['place', 'organisation', 'organization', 'org', 'institution', 'institute', 'target', 'victim'],
];

/** Japanese words for the kinds of {@link KINDS}, by the English word of their kind. */
const KINDS_JA: readonly (readonly [string, string])[] = [
  ['会社', 'company'],
  ['企業', 'company'],
  ['業者', 'company'],
  ['販売元', 'company'],
  ['メーカー', 'company'],
  ['ソフトウェア', 'software'],
  ['ソフト', 'software'],
  ['ツール', 'software'],
  ['製品', 'software'],
  ['マルウェア', 'malware'],
  ['ウイルス', 'malware'],
  ['サーバー', 'server'],
  ['サーバ', 'server'],
  ['サイト', 'website'],
  ['部隊', 'unit'],
  ['奥さん', 'wife'],
  ['妻', 'wife'],
  ['容疑者', 'suspect'],
  ['犯人', 'suspect'],
  ['エンジニア', 'engineer'],
  ['技術者', 'engineer'],
  ['報道官', 'spokesperson'],
  ['集団', 'group'],
  ['グループ', 'group'],
];

/** A kind word, with its plural: company → companies, business → businesses. */
const KIND = String.raw`(?:compan(?:y|ies)|(?:${KINDS.flat().join('|')})(?:s|es)?)`;
const KIND_IN_TEXT = new RegExp(String.raw`\b${KIND}\b`, 'gi');

/**
 * "name of (the) [two words] software", "company called / named", "the company's name", "software
 * name?". Not "which companies were hit": that asks which ones, and a fact listing them answers.
 */
const ASKS_NAME = new RegExp(
  [
    // The longest noun phrase: "name of the hacker group" asks the group's, not a hacker's.
    String.raw`\b(?:names?|designations?)\s+(?:(?:or\s+)?(?:number|title|id)\s+)?of\s+(?:(?:the|that|this|his|her|their|its)\s+)?(?:[a-z'’-]+\s+){0,2}${KIND}\b`,
    // Only when the name is what is asked ("… called?", "… called what"): not "the vendor called it
    // off", "the company named in the report", "the spokesman called Wang" (a name given).
    String.raw`\b${KIND}(?:['’]s)?\s+(?:(?:is|was|were|are)\s+)?(?:actually\s+|really\s+|even\s+)?(?:called|named)\b(?=\s*(?:[?.!,;:]|$|what\b|again\b))`,
    // "the company name?", "…? product name?", "whats wangs wifes name", "is there a company name",
    // "any company names" — not "did they use a fake company name" (a false identity).
    String.raw`(?:^|[?.!]\s*|\b(?:the|its|their|his|her|that|which|what['’]?s|what\s+is|what\s+was|is\s+there\s+a|any)\s+)(?:[a-z'’-]+\s+)?${KIND}(?:['’]s?)?\s+(?:names?|numbers?|ids?)\b`,
    // "which antivirus brand", "the software's make": a brand is a name.
    String.raw`\b${KIND}(?:['’]s)?\s+(?:brand|make|model)s?\b|\b(?:which|what)\s+brand\b`,
    // "which companies besides jaxa got hit", "list the other companies hit besides jaxa", "a list of
    // the other orgs besides jaxa": the others'
    // names (not "which companies were hit": a fact naming JAXA answers that; nor "what kind of
    // targets other than jaxa": kinds).
    String.raw`\b(?:which|what|list(?:\s+of)?|name)\s+(?:(?:are|were|is|was)\s+)?(?!(?:kinds?|types?|sorts?)\s+of\b)(?:the\s+)?(?:other\s+)?(?:[a-z'’-]+\s+){0,2}?${KIND}\b(?=[^?.!]*\b(?:besides?|other\s+than|apart\s+from|aside\s+from|except)\b)`,
    String.raw`\b(?:besides?|other\s+than|apart\s+from|aside\s+from|except)\b[^?.!]*?\b(?:which|what)\s+(?:other\s+)?(?:[a-z'’-]+\s+){0,2}?${KIND}\b`,
    // "who was the seller that cancelled the deal": a business is who it is by its name.
    String.raw`\bwho\s+(?:was|is|were|are)\s+the\s+(?:[a-z'’-]+\s+)?(?:seller|vendor|company|firm|maker|manufacturer|provider|business)\b`,
    // "which security software was it exactly", "what vendor", "what hosting provider": the product or the business by name
    // (not "what software did he try to buy": the facts say what kind).
    String.raw`\bwhich\s+(?:[a-z'’-]+\s+){0,2}?(?:software|program|product|antivirus|tool)\s+(?:was|is)\s+it\b|\bwhat\s+(?:[a-z'’-]+\s+)?(?:vendor|seller|maker|manufacturer|provider)\b`,
    // "which specific companies were hit? any names at all?": the names themselves.
    String.raw`\bany\s+names?\b|\bnames?\s+at\s+all\b`,
    // "do they give a unit number", "MITRE ATT&CK group ID for Tick": a number or an ID is a name,
    // however introduced (not "a fake company name": a false identity).
    String.raw`\b${KIND}\s+(?:numbers?|ids?)\b`,
    // "which japanese company was selling it", "which hosting provider rented the server", "which
    // prefectural police force", "which unit of the chinese military": which business, force or unit
    // is its name (not "which group …": "the Tick hacking group" names one; not "which
    // companies were hit": a fact listing them answers).
    String.raw`\bwhich\s+(?:[a-z'’-]+\s+){0,2}?(?:company|firm|business|corporation|vendor|seller|shop|store|maker|manufacturer|provider|unit|division|police\s+(?:force|department))\b(?!['’]?s\b)` +
      String.raw`(?!\s+(?:were|are|have|got)\b)`,
    // "which country did the engineer flee to": where he went is a country's name (not "which country
    // is the suspect from": "a Chinese national" answers).
    String.raw`\b(?:which|what)\s+country\b(?=[^?.!]*\b(?:go|goes|went|gone|flee|flees|fled|move|moved|escape|escaped|run|ran|head|headed)\b)`,
    // "what malware did tick use", "what kind of malware did they use", "what malware or tools did
    // tick use": which malware is its name (not "what software did he buy": the facts say what kind).
    String.raw`\bwhat\s+(?:(?:kind|type|sort)s?\s+of\s+)?(?:malware|virus|trojan|backdoor|rat|implant)s?(?:\s+famil(?:y|ies)|\s+strains?)?(?:\s+(?:or|and)\s+(?:[a-z'’-]+\s+)?[a-z'’-]+)?\s+(?:did|does|do|was|were|is|(?:[a-z'’-]+\s+){1,2}?(?:use|used|uses|deploy|deployed))\b`,
  ].join('|'),
  'i',
);
const KIND_JA = KINDS_JA.map(([word]) => word).join('|');
const ASKS_NAME_JA = new RegExp(String.raw`(?:${KIND_JA})の?(?:名前|名称|社名|製品名)|(?:何|なん)て(?:いう|言う)(?:${KIND_JA})`);

/**
 * Where someone went, asked as a place: "where did the engineer flee to", "where did he go after
 * leaving japan" — a country's name (not "where is he now": a fact saying he left answers that).
 */
const ASKS_DESTINATION =
  /\bwhere\s+(?:did|has|had|does|do|was|were)\s+(?:[a-z'’-]+\s+){1,3}?(?:go|gone|went|flee|fled|escape|escaped|run|ran|move|moved|head|headed)\b/i;

/**
 * The words for the kind of thing whose name the question asks, or undefined when it asks no
 * thing's name.
 *
 * @example
 * asksNameOf('what was the fake company called') // => ['company', 'firm', …]
 * asksNameOf('whats the suspects name') // => undefined (a person, not a thing)
 */
export function asksNameOf(query: string): readonly string[] | undefined {
  if (ASKS_DESTINATION.test(query)) return KINDS.find((kind) => kind.includes('country'));
  const english = ASKS_NAME.exec(query)?.[0];
  const japanese = english === undefined ? ASKS_NAME_JA.exec(query)?.[0] : undefined;
  const word =
    english !== undefined
      ? // The last kind word is the head: "the software guy's name" asks a person's. "what brand"
        // names none: the question's last one does ("which security software was it, what brand").
        ([...english.matchAll(KIND_IN_TEXT)].at(-1)?.[0].toLowerCase() ?? [...query.matchAll(KIND_IN_TEXT)].at(-1)?.[0].toLowerCase() ?? '')
      : japanese !== undefined
        ? (KINDS_JA.find(([ja]) => japanese.includes(ja))?.[1] ?? '')
        : '';
  // The word as typed, or its singular: sites → site, viruses → virus, companies → company.
  const forms = word.startsWith('compan') ? ['company'] : [word, word.replace(/s$/, ''), word.replace(/es$/, '')];
  return KINDS.find((kind) => forms.some((form) => kind.includes(form)));
}

/** Words a name may be introduced by: "a company called X". */
const INTRODUCERS = new Set(['called', 'named', 'dubbed']);
/** Nationality adjectives are capitalised but name nothing: "a fake Japanese company". */
const DEMONYM = /^[A-Z][a-z]+(?:ese|ean|ian|ish|an|i)$/;
const TOKEN = /"[^"]+"|“[^”]+”|[A-Za-z][A-Za-z0-9'’-]*|[^\sA-Za-z]/g;

/**
 * Whether `text` gives a name to a thing of `kind` (see {@link asksNameOf}): the kind word followed
 * by a name ("spokesperson Wang Wenbin", "a company called Acme"), a name just before it ("the Acme
 * security software", "the Tick hacking group"), or a name said to be one ("“Tick” is a Chinese
 * hacking group"). A name is a quoted term, or a capitalised word that does not start a sentence
 * and is no nationality.
 *
 * @example
 * const company = asksNameOf('what was the fake company called');
 * namesThing('He used a fake Japanese company.', company) // => false
 * namesThing('He used a shell company called Acme.', company) // => true
 */
export function namesThing(text: string, kind: readonly string[]): boolean {
  const tokens = [...text.matchAll(TOKEN)].map((m) => m[0]);
  const isName = (i: number): boolean => {
    const token = tokens[i];
    if (token === undefined) return false;
    if (/^["“]/.test(token)) return true;
    if (!/^[A-Z]/.test(token) || DEMONYM.test(token) || token === 'I') return false;
    return i > 0 && !/^[.!?:;]$/.test(tokens[i - 1] ?? '');
  };
  const isKind = (i: number): boolean => {
    const word = (tokens[i] ?? '').toLowerCase();
    // "the attacks took place": a verb, no place.
    if (word === 'place' && /^(?:take|takes|took|taken|taking)$/i.test(tokens[i - 1] ?? '')) return false;
    return kind.some((k) => word === k || word === `${k}s` || word === `${k}es` || (k === 'company' && word === 'companies'));
  };
  const person = PERSON_KINDS.includes(kind);
  const sentenceEnd = (i: number): boolean => /^[.!?]$/.test(tokens[i] ?? '');
  for (let i = 0; i < tokens.length; i++) {
    if (!isKind(i)) continue;
    // The kind, then (called | named)? a name.
    const next = INTRODUCERS.has((tokens[i + 1] ?? '').toLowerCase()) ? i + 2 : i + 1;
    if (isName(next)) return true;
    if (person) {
      // Later in the sentence, "as / named / the name" a name: "refers to the national … as Wang".
      for (let j = i + 1; j < tokens.length && !sentenceEnd(j); j++) {
        if (['as', 'named', 'name', 'called'].includes((tokens[j] ?? '').toLowerCase()) && isName(j + 1)) return true;
      }
      // A name set off by commas with the kind: "Wang, the Chinese national, tried" (not "according to
      // Kato, the engineer gained …").
      for (let j = i - 1; j >= Math.max(0, i - 4) && tokens[i + 1] === ','; j--) {
        if (tokens[j] === ',' && isName(j - 1)) return true;
        if (/^[^A-Za-z]/.test(tokens[j] ?? '')) break;
      }
      // (Not a name just before the kind: "a PLA member" names no member.)
      continue;
    }
    // A name, then at most two words, then the kind: "the Acme security software".
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      if (/^[^A-Za-z"“]/.test(tokens[j] ?? '')) break;
      if (isName(j)) return true;
    }
    // A name said to be one: "“Tick” is a Chinese hacking group".
    for (let j = i - 1; j >= Math.max(0, i - 6); j--) {
      if (/^[^A-Za-z"“]/.test(tokens[j] ?? '')) break;
      const verb = (tokens[j] ?? '').toLowerCase();
      if ((verb === 'is' || verb === 'was') && isName(j - 1)) return true;
    }
  }
  return false;
}

/** A number or an ID asked for as the name: "the unit number", "Tick's group ID", 部隊番号. */
const ASKS_NUMBER = /\b(?:numbers?|ids?|designations?)\b|番号/i;

/**
 * Whether `text` gives a thing of `kind` a number or an ID: the kind word then a number ("Unit
 * 61398", "unit No. 3"), or letters run into digits ("G0060", "APT10") — not a year or a count.
 *
 * @example
 * numbersThing('“Tick” is a Chinese hacking group.', ['group']) // => false
 * numbersThing('PLA Unit 61398 was named.', ['unit']) // => true
 */
export function numbersThing(text: string, kind: readonly string[]): boolean {
  return numberedPattern(kind).test(text);
}

/** The pattern of {@link numbersThing}, built once per question. */
function numberedPattern(kind: readonly string[]): RegExp {
  const kinds = kind.map((k) => `${k}(?:s|es)?`).join('|');
  return new RegExp(String.raw`\b(?:${kinds})\s+(?:no\.?\s*|number\s+)?[A-Z]{0,4}\d{2,}\b|\b[A-Z]{1,5}\d{2,}\b`, 'i');
}

/**
 * What something cost: "how much was the software worth", "how much money did he pay", "the price of
 * …", いくら, 値段, 価格. Not "how much data was stolen" (an amount of something else).
 */
const ASKS_AMOUNT =
  /\bhow\s+much\s+(?:was|is|were|are)\s+(?:the\s+|a\s+|his\s+|her\s+)?(?:bounty|reward|fine|ransom|bail)\b|\bhow\s+much\s+(?:money|did\s+(?:it|they|he|she)\s+(?:cost|pay)|(?:was|is|were|are|did|does)\s+(?:[a-z'’]+\s+){0,6}?(?:worth|cost|costs|charge|pay|paid|sell\s+for))\b|\b(?:price|cost)\s+of\b|いくら|値段|価格/i;
/** An amount of money in a fact's text: a figure with a currency (not a year or a count), or a currency named. */
const AMOUNT = /[¥$€]\s?\d|\d[\d,.]*\s*(?:yen|dollars?|usd|euros?|yuan|million|billion|円|万円)|\b(?:yen|dollars?|euros?|yuan)\b/i;

/**
 * What one of the case's entities said: "did JAXA say anything about being hacked", "did jaxa put out
 * its own statement", "JAXA's response", "a comment from the PLA", JAXAは何かコメントしてる？ — the
 * entity, by one of its names, is the one speaking. The patterns read the words just before and
 * after the name ({@link asksStatementOf}).
 */
const STATEMENT_BEFORE = /\b(?:did|does|do|has|have|had|will|would|is|was)\s+(?:the\s+)?(?:[a-z'’-]+\s+){0,2}$/i;
const STATEMENT_AFTER = new RegExp(
  String.raw`^(?:\s+[a-z'’-]+){0,2}?\s+(?:ever\s+|actually\s+|officially\s+|publicly\s+|even\s+|already\s+)?` +
    String.raw`(?:say|said|saying|comment(?:ed|ing)?|respond(?:ed)?|react(?:ed)?|announce|put\s+out|make\s+(?:a|an|any)\s+(?:\w+\s+)?(?:statement|comment|announcement)|speak\s+(?:out|up|publicly)|deny|denied|confirm(?:ed)?|admit(?:ted)?|acknowledge(?:d)?|explain(?:ed)?|publish(?:ed)?)\b`,
  'i',
);
const STATEMENT_POSSESSIVE =
  /^['’]s?\s+(?:own\s+|official\s+|public\s+)?(?:statement|comment|response|reaction|announcement|stance|side\s+of\s+the\s+story)s?\b/i;
const STATEMENT_FROM = /\b(?:statement|comment|response|announcement|word)s?\s+from\s+(?:the\s+)?$/i;
const STATEMENT_AFTER_JA =
  /^(?:側)?(?:は|が|から|の|も)?(?:何か|なにか|なんか|何も|なにも)?(?:公式に|正式に)?(?:コメント|発表|声明|説明|発言|反応|見解|言及)|^(?:側)?(?:は|が)(?:何|なん)(?:て|と)(?:言|い)/;

/**
 * A fact's text telling what a name said: the name, then at most three words (a title and a name:
 * "Chinese Foreign Ministry spokesperson Wang Wenbin warned"), then a verb of saying; "according to
 * (…) Kato"; "…, said Kato." (not "said China's People's Liberation Army is …": what was said of it).
 */
const SAYING = String.raw`(?:said|says|stated|states|warned|warns|told|tells|announced|announces|responded|responds|replied|denied|denies|confirmed|confirms|commented|argued|argues|claimed|claims|insisted|noted|added|explained|described|called|urged|maintained|acknowledged|admitted|declared|accused|critici[sz]ed|rejected|dismissed|declined|refused|disclosed|revealed|reported)`;

/**
 * The names of the entity whose words the question asks for, or undefined when it asks no entity's
 * words. `entities` are the case's entities the question names, each as every name it goes by.
 *
 * @example
 * asksStatementOf('did JAXA say anything about being hacked', [['JAXA', 'Japan Aerospace Exploration Agency']]) // => ['JAXA', …]
 * asksStatementOf('was JAXA hacked', [['JAXA']]) // => undefined
 */
export function asksStatementOf(query: string, entities: readonly (readonly string[])[]): readonly string[] | undefined {
  const folded = query.normalize('NFKC');
  const lower = folded.toLowerCase();
  return entities.find((names) =>
    names.some((name) => {
      const needle = name.normalize('NFKC').toLowerCase();
      for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
        const before = folded.slice(0, at);
        const after = folded.slice(at + needle.length);
        if (
          (STATEMENT_BEFORE.test(before) && STATEMENT_AFTER.test(after)) ||
          STATEMENT_POSSESSIVE.test(after) ||
          STATEMENT_FROM.test(before) ||
          STATEMENT_AFTER_JA.test(after)
        )
          return true;
      }
      return false;
    }),
  );
}

/**
 * Whether `text` tells what one of `names` said (see {@link SAYING}).
 *
 * @example
 * speaks('Chief Cabinet Secretary Katsunobu Kato said police identified …', ['Katsunobu Kato', 'Kato']) // => true
 * speaks('JAXA was among the targets.', ['JAXA']) // => false
 */
export function speaks(text: string, names: readonly string[]): boolean {
  return speakingPattern(names)?.test(text) ?? false;
}

/** The pattern of {@link speaks}, built once per question; undefined when no name is in Latin letters. */
function speakingPattern(names: readonly string[]): RegExp | undefined {
  const latin = names.filter((name) => /^[\p{sc=Latin}\s.'’&-]+$/u.test(name)).map(escapeRegExp);
  if (latin.length === 0) return undefined;
  const name = `(?:${latin.join('|')})`;
  return new RegExp(
    String.raw`\b${name}\b(?:\s+[\w'’.-]+){0,3}?,?\s+${SAYING}\b|\baccording\s+to\s+(?:[\w'’.-]+\s+){0,3}?${name}\b|\b(?:said|says)\s+(?:the\s+)?${name}\s*(?:[.,;]|$)`,
    'i',
  );
}

/**
 * When something happened, asked as a question: "when exactly did the engineer leave japan", "when
 * was this announced", "what year", いつ, 何年, 何月 — not "when" joining a clause ("what did wang say
 * when the police questioned him": a pronoun follows, not a verb). Every judged "when" question of
 * the development sets has a fact with a year or a month among its answers.
 */
const ASKS_DATE =
  /\bwhen\s+(?:exactly\s+|roughly\s+|precisely\s+)?(?:did|was|were|is|are|does|do|has|have|had|will)\b|\bwhen['’]s\b|\b(?:what|which)\s+(?:year|month|date|day)\b|いつ(?![もかでぞ])|何年|何月|何日/i;

/**
 * How something came to light, asked: "how did police find out about Wang in the first place", "how
 * were the tick attacks first detected", "how did the seller figure out the company was fake",
 * どうやって発覚したの. Only a fact telling how someone learned of it answers ("… after learning that
 * the company did not exist"): a fact that the police identified someone does not say how.
 */
const ASKS_DISCOVERY =
  /\bhow\s+(?:did|do|does|was|were|had|has|have|is|are)\s+((?:[a-z'’-]+\s+){0,4}?)(?:first\s+)?(?:find|found|figure|figured|learn|learned|learnt|discover|discovered|detect|detected|notice|noticed|spot|spotted|uncover|uncovered|catch|caught|realis|realiz)\w*|どうやって(?:見つけ|気づ|気付|知っ|発覚)|どのように(?:発覚|見つか)|発覚(?:の|した)?きっかけ/i;
/** Words of the discoverer's place that name no one: "how did they find out", "how were the attacks detected". */
const NO_DISCOVERER = new Set([
  'the',
  'they',
  'he',
  'she',
  'it',
  'we',
  'you',
  'u',
  'people',
  'anyone',
  'someone',
  'first',
  'even',
  'ever',
  'actually',
  'originally',
]);

/** A fact telling how someone learned of something: "after learning", "when they discovered", "tipped off". */
const TELLS_DISCOVERY =
  /\b(?:after|upon|on|when|by|while)\s+(?:learning|discovering|finding|noticing|detecting|realizing|realising|spotting|investigating|checking)\b|\b(?:after|when|once)\s+(?:it|they|he|she|police|investigators|the\s+\w+)\s+(?:learned|learnt|discovered|found|noticed|detected|realized|realised)\b|\btipped\s+off\b|\bthrough\s+(?:a\s+)?tip\b|\bcame\s+to\s+light\b/i;

/**
 * The test for a question asking how something came to light (see {@link ASKS_DISCOVERY}): a fact
 * telling how someone learned of it — the one the question names, when it names one ("how did the
 * police find out": not the seller's learning).
 */
function discoveryTest(query: string): ((text: string) => boolean) | undefined {
  const match = ASKS_DISCOVERY.exec(query);
  if (match === null) return undefined;
  const passive = /^(?:was|were|is|are)$/i.test(query.slice(match.index).split(/\s+/)[1] ?? '');
  const named = passive
    ? []
    : (match[1] ?? '')
        .toLowerCase()
        .split(/\s+/)
        .filter((w) => w.length > 1 && !NO_DISCOVERER.has(w))
        .map((w) => w.replace(/s$/, ''));
  // A kind's words stand for each other: "the vendor" is the seller of the facts.
  const who = named.flatMap((w) => KINDS.find((kind) => kind.includes(w)) ?? [w]);
  return (text) => TELLS_DISCOVERY.test(text) && (who.length === 0 || who.some((w) => text.toLowerCase().includes(w)));
}

/**
 * A full name asked for: "what's wang's full name", "JAXA full name please", フルネーム, 下の名前 (not
 * "his real name": whether he used it).
 */
const ASKS_FULL_NAME = /\b(?:full|complete|first|given)\s+names?\b|フルネーム|下の名前/i;

/**
 * The test for a question asking a full name ({@link ASKS_FULL_NAME}): a fact writing a name of two
 * words or more of an entity the question names ("Japan Aerospace Exploration Agency", "Katsunobu
 * Kato"). A name the question holds as a word only, no entity's ("wang"), has no full name the case
 * knows: the facts call the suspect "Wang", and "Wang Wenbin" is another man.
 */
function fullNameTest(entities: readonly (readonly string[])[]): (text: string) => boolean {
  const full = entities.flat().filter((name) => /^[\p{sc=Latin}.'’&-]+(?:\s+[\p{sc=Latin}.'’&-]+)+$/u.test(name));
  if (full.length === 0) return () => false;
  const pattern = new RegExp(String.raw`\b(?:${full.map(escapeRegExp).join('|')})\b`, 'i');
  return (text) => pattern.test(text);
}

/**
 * Technical indicators asked for: "any IOCs or malware hashes from the tick attacks", "the C2 IPs",
 * "which domains did they use", IOC, ハッシュ値 — a security community's first question about an
 * attack. Only a fact giving one answers ({@link GIVES_INDICATOR}).
 */
const ASKS_INDICATOR =
  /\b(?:iocs?|indicators?\s+of\s+compromise|(?:file\s+|malware\s+)?hash(?:es)?(?!\s+(?:it\s+)?out\b)|md5s?|sha-?(?:1|256)s?|yara(?:\s+rules?)?|(?:c2|c&c|command[\s-]and[\s-]control)\s+(?:ips?|domains?|addresses|servers?\s+(?:ips?|addresses))|ip\s+addresses|(?:which|what)\s+(?:ips?|domains?))\b|ハッシュ/i;
/** A technical indicator in a fact's text: a hash (32+ hex digits), an IPv4 address, or a domain name. */
const GIVES_INDICATOR = /\b[a-f0-9]{32,}\b|\b\d{1,3}(?:\.\d{1,3}){3}\b|\b[a-z0-9-]+\.(?:com|net|org|info|biz|jp|cn|ru|io|xyz|top)\b/i;

/** What a question sets aside: "which companies besides jaxa", "other than JAXA", "apart from …". */
const SETS_ASIDE = /\b(?:besides?|other\s+than|apart\s+from|aside\s+from|except(?:\s+for)?)\s+([^?.!,;]+)/i;

/**
 * Every name of the entities the question sets aside ({@link SETS_ASIDE}), as one pattern: "which
 * other places besides jaxa got attacked" asks for names other than JAXA's, so a fact naming JAXA
 * ("JAXA was among the organisations hit") does not give one. Undefined when it sets none aside.
 */
function excludedNames(query: string, entities: readonly (readonly string[])[]): RegExp | undefined {
  const aside = SETS_ASIDE.exec(query)?.[1]?.normalize('NFKC').toLowerCase();
  if (aside === undefined) return undefined;
  const names = entities
    .filter((group) => group.some((name) => aside.includes(name.normalize('NFKC').toLowerCase())))
    .flat()
    .sort((a, b) => b.length - a.length);
  return names.length === 0 ? undefined : new RegExp(`(?:${names.map(escapeRegExp).join('|')})`, 'gi');
}

/** Whether a question asks whether two are one at all: the cheap test before {@link identityTest} builds its patterns. */
const SAME = /\bsame\b/i;

/**
 * A person of the case named by the first word of their name alone ("Wang" of Wang Wenbin): as a
 * question writes it (lower case, not followed by the rest of that name) and as a fact does.
 */
interface BareName {
  readonly typed: RegExp;
  readonly written: RegExp;
  readonly word: string;
}

function bareNames(people: readonly (readonly string[])[]): BareName[] {
  return people.flatMap(([first, ...rest]) => {
    if (first === undefined || rest.length === 0) return [];
    const after = rest.map(escapeRegExp).join(String.raw`\s+`);
    return [
      {
        word: first.toLowerCase(),
        typed: new RegExp(String.raw`\b${escapeRegExp(first.toLowerCase())}\b(?!\s+${after.toLowerCase()})`, 'g'),
        written: new RegExp(String.raw`\b${escapeRegExp(first)}\b(?!\s+${after})`),
      },
    ];
  });
}

/** Where a side's head ends: a relative clause or a qualifier after it ("the engineer who attacked JAXA"). */
const SIDE_END = /\s+(?:who|that|which|whom|from|with|in|at|police|they|he)\b[\s\S]*$/i;

/** One side of an identity question: its first person named or described, as a test of a fact's text. */
function sideMention(
  side: string,
  entities: readonly (readonly string[])[],
  bare: readonly BareName[],
): ((text: string) => boolean) | undefined {
  const head = side.replace(SIDE_END, '').toLowerCase();
  const found: { at: number; test: (text: string) => boolean }[] = [];
  for (const names of entities) {
    for (const name of names) {
      const at = head.indexOf(name.normalize('NFKC').toLowerCase());
      if (at < 0) continue;
      const pattern = new RegExp(String.raw`\b(?:${names.map(escapeRegExp).join('|')})\b`, 'i');
      found.push({ at, test: (text) => pattern.test(text) });
    }
  }
  // A person's first name word alone ("Wang", not "Wang Wenbin"): the one the facts call so.
  for (const name of bare)
    for (const match of head.matchAll(name.typed)) found.push({ at: match.index, test: (text) => name.written.test(text) });
  for (const kind of PERSON_KINDS) {
    for (const word of kind) {
      const match = new RegExp(String.raw`\b${word}s?\b`).exec(head);
      if (match === null) continue;
      const pattern = new RegExp(String.raw`\b(?:${kind.join('|')})s?\b`, 'i');
      found.push({ at: match.index, test: (text) => pattern.test(text) });
    }
  }
  return found.sort((a, b) => a.at - b.at)[0]?.test;
}

/**
 * The test for a question asking whether two people are one — "is the systems engineer the same
 * person as Wang" (the sides before "the same" and after "as"), "are Wang the buyer and Wang Wenbin
 * the same guy", "did the engineer and wang turn out to be the same person" (either side of "and"):
 * a fact that speaks of both — the first person each side names or describes — links or tells them
 * apart ("The report uses the name Wang for … and Wang Wenbin for …"); facts about one of them do
 * not say. `people`: the case's people's names, word by word (`AliasTable.personNames`). Undefined
 * when the question asks no such thing or a side names no one.
 */
function identityTest(
  query: string,
  entities: readonly (readonly string[])[],
  people: readonly (readonly string[])[],
): ((text: string) => boolean) | undefined {
  if (!SAME.test(query)) return undefined;
  const bare = bareNames(people);
  // "the same person", "the same guy", "the same Wang".
  const same = String.raw`(?:the\s+)?same\s+(?:person|guy|dude|man|woman|people|one|individual|suspect${bare.map((n) => `|${escapeRegExp(n.word)}`).join('')})`;
  const match =
    new RegExp(String.raw`\b(?:is|are|was|were)\s+(.+?)\s+${same}\s+as\s+(.+?)(?:[?.!,;]|\s+or\b|$)`, 'i').exec(query) ??
    new RegExp(
      String.raw`\b(?:is|are|was|were|did|do|does)\s+(.+?)\s+and\s+(.+?)\s+(?:(?:turn(?:ed)?\s+out\s+to\s+be|really)\s+)?${same}\b`,
      'i',
    ).exec(query);
  if (match === null) return undefined;
  const left = sideMention(match[1] ?? '', entities, bare);
  const right = sideMention(match[2] ?? '', entities, bare);
  if (left === undefined || right === undefined) return undefined;
  return (text) => left(text) && right(text);
}

/** What a question wants, and the test a fact's text must pass to hold it. */
export interface AnswerTest {
  readonly wanted: WantedAnswer;
  readonly holds: (text: string) => boolean;
}

/**
 * What an answer to `query` must hold, as a test of a fact's text; undefined for a question that
 * wants no particular kind of answer. `entities`: the case's entities the question names, each as
 * every name it goes by (for what one of them said); `people`: the case's people's names in Latin
 * letters, word by word (whether two are one: `AliasTable.personNames`).
 *
 * @example
 * answerTest('what was the fake company called')?.holds('a fake Japanese company') // => false
 * answerTest('who is the suspect') // => undefined
 */
export function answerTest(
  query: string,
  entities: readonly (readonly string[])[] = [],
  people: readonly (readonly string[])[] = [],
): AnswerTest | undefined {
  const identity = identityTest(query, entities, people);
  if (identity !== undefined) return { wanted: 'identity', holds: identity };
  if (ASKS_FULL_NAME.test(query)) return { wanted: 'name', holds: fullNameTest(entities) };
  if (ASKS_INDICATOR.test(query)) return { wanted: 'indicator', holds: (text) => GIVES_INDICATOR.test(text) };
  const kind = asksNameOf(query);
  if (kind !== undefined && ASKS_NUMBER.test(query)) {
    const numbered = numberedPattern(kind);
    return { wanted: 'name', holds: (text) => numbered.test(text) };
  }
  if (kind !== undefined) {
    const excluded = excludedNames(query, entities);
    return { wanted: 'name', holds: (text) => namesThing(excluded === undefined ? text : text.replace(excluded, 'the one'), kind) };
  }
  if (ASKS_AMOUNT.test(query)) return { wanted: 'amount', holds: (text) => AMOUNT.test(text) };
  if (ASKS_DATE.test(query)) return { wanted: 'date', holds: (text) => MENTIONS_DATE.test(text) };
  const discovery = discoveryTest(query);
  if (discovery !== undefined) return { wanted: 'discovery', holds: discovery };
  const speaker = asksStatementOf(query, entities);
  if (speaker !== undefined) {
    const speaking = speakingPattern(speaker);
    return { wanted: 'statement', holds: (text) => speaking?.test(text) ?? false };
  }
  return undefined;
}
