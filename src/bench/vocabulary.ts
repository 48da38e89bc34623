import { ZipfSampler, createRng } from './prng.js';

/**
 * The word stock of the synthetic cases and of the benchmark queries. Real English words for the
 * common parts of a news sentence, plus a few thousand made-up proper names, so an index sees a
 * vocabulary of realistic size and shape (a long tail of rare names, a head of frequent words).
 *
 * Built once from a fixed seed: every generated folder and every query list draws from the same
 * words, whatever their own seeds.
 */

const GIVEN_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Betty', 'Mark', 'Margaret', 'Steven', 'Sandra',
  'Paul', 'Ashley', 'Andrew', 'Emily', 'Joshua', 'Donna', 'Kenneth', 'Michelle', 'Kevin', 'Carol',
  'Brian', 'Amanda', 'George', 'Melissa', 'Timothy', 'Deborah', 'Ronald', 'Stephanie', 'Edward', 'Rebecca',
  'Hiroshi', 'Yuki', 'Takeshi', 'Aiko', 'Kenji', 'Naomi', 'Satoshi', 'Emi', 'Daisuke', 'Haruka',
  'Wei', 'Li', 'Jun', 'Min', 'Hao', 'Lan', 'Chen', 'Ying', 'Feng', 'Mei',
  'Olga', 'Dmitri', 'Ivan', 'Elena', 'Sergei', 'Anna', 'Pierre', 'Claire', 'Hans', 'Ingrid',
  'Ahmed', 'Fatima', 'Omar', 'Layla', 'Raj', 'Priya', 'Carlos', 'Lucia', 'Mateo', 'Sofia',
];

const SURNAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee',
  'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King',
  'Tanaka', 'Suzuki', 'Takahashi', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato', 'Yoshida',
  'Yamada', 'Sasaki', 'Yamaguchi', 'Matsumoto', 'Inoue', 'Kimura', 'Hayashi', 'Shimizu', 'Mori', 'Ikeda',
  'Wang', 'Zhang', 'Liu', 'Yang', 'Huang', 'Zhao', 'Zhou', 'Wu', 'Xu', 'Sun',
  'Ivanov', 'Petrov', 'Volkov', 'Sokolov', 'Dubois', 'Laurent', 'Muller', 'Schmidt', 'Fischer', 'Weber',
  'Khan', 'Patel', 'Singh', 'Kumar', 'Silva', 'Santos', 'Costa', 'Rossi', 'Bianchi', 'Novak',
];

const ROLES = [
  'spokesperson', 'engineer', 'analyst', 'investigator', 'prosecutor', 'detective', 'director', 'researcher',
  'official', 'executive', 'consultant', 'contractor', 'lawyer', 'judge', 'minister', 'secretary',
  'administrator', 'developer', 'manager', 'auditor', 'inspector', 'officer', 'diplomat', 'journalist',
];

const ORG_SUFFIXES = [
  'Systems', 'Technologies', 'Holdings', 'Electronics', 'Networks', 'Labs', 'Institute', 'Corporation',
  'Aerospace', 'Security', 'Logistics', 'Industries', 'Software', 'Dynamics', 'Trading', 'Solutions',
  'Research', 'Robotics', 'Energy', 'Telecom', 'Analytics', 'Semiconductor', 'Defense', 'Capital',
];

const AGENCIES = [
  'National Police Agency', 'Metropolitan Police Department', 'Ministry of Defense', 'Ministry of Foreign Affairs',
  'Public Security Bureau', 'Cabinet Office', 'Federal Bureau of Investigation', 'Department of Justice',
  'National Cyber Security Centre', 'Europol', 'Interpol', 'Tokyo District Court', 'Supreme Court',
  'Ministry of Economy', 'Financial Services Agency', 'Space Agency', 'Coast Guard', 'Customs Bureau',
  'Immigration Services Agency', 'Information Commissioner', 'Prosecutors Office', 'Defense Intelligence Unit',
];

const CITIES = [
  'Tokyo', 'Osaka', 'Kyoto', 'Nagoya', 'Sapporo', 'Fukuoka', 'Yokohama', 'Kobe', 'Sendai', 'Hiroshima',
  'Tsukuba', 'Chiba', 'Beijing', 'Shanghai', 'Shenzhen', 'Guangzhou', 'Hong Kong', 'Taipei', 'Seoul', 'Busan',
  'Singapore', 'Bangkok', 'Manila', 'Jakarta', 'Hanoi', 'Sydney', 'Melbourne', 'London', 'Paris', 'Berlin',
  'Munich', 'Amsterdam', 'Brussels', 'Geneva', 'Vienna', 'Prague', 'Warsaw', 'Moscow', 'Kyiv', 'Istanbul',
  'Dubai', 'Mumbai', 'Delhi', 'Washington', 'New York', 'Boston', 'Chicago', 'Seattle', 'San Francisco', 'Toronto',
];

/** Security and investigation nouns, most frequent first (the Zipf rank is the list order). */
const NOUNS = [
  'server', 'network', 'software', 'data', 'account', 'password', 'email', 'malware', 'system', 'company',
  'contract', 'license', 'investigation', 'attack', 'breach', 'vulnerability', 'credential', 'database', 'file', 'device',
  'backdoor', 'exploit', 'firewall', 'phishing', 'ransomware', 'trojan', 'botnet', 'payload', 'domain', 'certificate',
  'invoice', 'subsidiary', 'warrant', 'indictment', 'passport', 'identity', 'rental', 'laptop', 'router', 'satellite',
  'rocket', 'engine', 'blueprint', 'design', 'patent', 'prototype', 'document', 'report', 'record', 'log',
  'address', 'connection', 'session', 'token', 'key', 'encryption', 'signature', 'update', 'patch', 'module',
  'sensor', 'drone', 'chip', 'processor', 'component', 'supplier', 'shipment', 'payment', 'transfer', 'wallet',
  'cryptocurrency', 'bank', 'fund', 'bribe', 'fee', 'salary', 'loan', 'asset', 'property', 'vehicle',
  'facility', 'laboratory', 'factory', 'office', 'headquarters', 'branch', 'embassy', 'consulate', 'port', 'airport',
  'meeting', 'interview', 'testimony', 'statement', 'confession', 'evidence', 'search', 'raid', 'arrest', 'trial',
  'verdict', 'sentence', 'appeal', 'charge', 'complaint', 'lawsuit', 'fine', 'sanction', 'ban', 'export',
  'intrusion', 'leak', 'theft', 'fraud', 'forgery', 'espionage', 'sabotage', 'surveillance', 'reconnaissance', 'campaign',
  'operation', 'unit', 'group', 'team', 'crew', 'cell', 'network operator', 'proxy', 'relay', 'tunnel',
  'script', 'macro', 'attachment', 'link', 'website', 'portal', 'forum', 'channel', 'message', 'chat',
  'spreadsheet', 'archive', 'backup', 'image', 'recording', 'footage', 'photograph', 'map', 'manual', 'specification',
  'algorithm', 'protocol', 'firmware', 'kernel', 'driver', 'library', 'repository', 'compiler', 'cluster', 'datacenter',
  'antenna', 'radar', 'missile', 'submarine', 'turbine', 'reactor', 'battery', 'magnet', 'alloy', 'composite',
];

/** Past-tense verbs of the actions a news passage reports. */
const VERBS = [
  'accessed', 'breached', 'purchased', 'leaked', 'detected', 'arrested', 'questioned', 'denied', 'confirmed', 'identified',
  'investigated', 'searched', 'seized', 'stole', 'copied', 'deleted', 'encrypted', 'installed', 'downloaded', 'uploaded',
  'signed', 'canceled', 'ordered', 'approved', 'rejected', 'reported', 'disclosed', 'published', 'announced', 'warned',
  'accused', 'charged', 'indicted', 'sentenced', 'fined', 'sanctioned', 'banned', 'exported', 'imported', 'shipped',
  'rented', 'registered', 'forged', 'bribed', 'recruited', 'instructed', 'contacted', 'visited', 'monitored', 'tracked',
  'traced', 'blocked', 'patched', 'exploited', 'compromised', 'infiltrated', 'targeted', 'attacked', 'hacked', 'scanned',
  'transferred', 'laundered', 'funded', 'paid', 'hired', 'dismissed', 'interviewed', 'analyzed', 'audited', 'inspected',
  'requested', 'received', 'sent', 'deployed', 'developed', 'designed', 'tested', 'launched', 'suspended', 'resumed',
];

const ADJECTIVES = [
  'confidential', 'classified', 'sensitive', 'internal', 'foreign', 'domestic', 'fake', 'false', 'stolen', 'encrypted',
  'malicious', 'suspicious', 'unauthorized', 'anonymous', 'remote', 'military', 'civilian', 'commercial', 'secret', 'critical',
  'vulnerable', 'outdated', 'proprietary', 'industrial', 'financial', 'technical', 'legal', 'diplomatic', 'strategic', 'public',
  'private', 'corporate', 'national', 'regional', 'local', 'international', 'illegal', 'fraudulent', 'compromised', 'hidden',
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Tags moderators put on facts; few, reused often. */
const TAGS = [
  'cyberattack', 'espionage', 'arrest', 'malware', 'court', 'investigation', 'diplomacy', 'fraud', 'export-control', 'data-leak',
  'phishing', 'ransomware', 'military', 'space', 'semiconductor', 'finance', 'police', 'sanctions', 'statement', 'timeline',
  'suspect', 'victim', 'evidence', 'infrastructure', 'supply-chain', 'research', 'intellectual-property', 'denial', 'attribution', 'response',
];

const JA_SURNAMES = ['山田', '田中', '鈴木', '佐藤', '高橋', '渡辺', '伊藤', '中村', '小林', '加藤', '吉田', '山本', '松本', '井上', '木村', '林', '清水', '森', '池田', '橋本', '王', '張', '李', '劉', '陳'];
const JA_ORGS = ['警察庁', '警視庁', '防衛省', '外務省', '経済産業省', '内閣府', '公安調査庁', '東京地方検察庁', '宇宙航空研究開発機構', '情報処理推進機構', '国家安全保障局', '金融庁', '出入国在留管理庁', '中国外交部', '人民解放軍', '最高裁判所', '東京地方裁判所', '海上保安庁'];
const JA_PLACES = ['東京', '大阪', '京都', '名古屋', '札幌', '福岡', '横浜', '神戸', '仙台', '広島', 'つくば', '千葉', '北京', '上海', '深圳', '香港', '台北', 'ソウル'];
const JA_NOUNS = ['サーバー', 'ネットワーク', 'ソフトウェア', 'データ', 'アカウント', 'パスワード', 'メール', 'マルウェア', 'システム', '会社', '契約', 'ライセンス', '捜査', 'サイバー攻撃', '情報漏えい', '脆弱性', '認証情報', 'データベース', 'ファイル', '端末', 'バックドア', '偽名', '偽装会社', '衛星', 'ロケット', '設計図', '特許', '文書', '報告書', '証拠', '家宅捜索', '逮捕状', '起訴', '判決', '制裁', '輸出', '送金', '暗号資産', '研究所', '工場'];
const JA_VERBS = ['確認した', '逮捕した', '調査した', '押収した', '発表した', '否定した', '認めた', '購入しようとした', '不正に入手した', '削除した', '送信した', '契約した', '取り消した', '報告した', '警告した', '特定した', '捜索した', '起訴した', '提出した', '公表した'];

/** Words that never occur in a generated case: the off-topic queries a real bot also receives. */
export const OFF_TOPIC_WORDS = [
  'pizza', 'recipe', 'football', 'weather', 'tomorrow', 'guitar', 'chords', 'birthday', 'cake', 'movie',
  'tickets', 'vacation', 'beach', 'puppy', 'kitten', 'knitting', 'pattern', 'lottery', 'numbers', 'horoscope',
  'gardening', 'tomatoes', 'karaoke', 'sushi', 'ramen', 'basketball', 'playoffs', 'anime', 'episode', 'skateboard',
];

/** A person as the generator writes them: full name, surname, and sometimes a Japanese rendering. */
export interface Person {
  readonly full: string;
  readonly surname: string;
}

export interface Organisation {
  readonly name: string;
  /** Initials for multi-word names, used in alias groups ("NPA"). */
  readonly acronym: string;
}

export interface Vocabulary {
  readonly people: ZipfSampler<Person>;
  readonly orgs: ZipfSampler<Organisation>;
  readonly places: ZipfSampler<string>;
  readonly roles: ZipfSampler<string>;
  readonly nouns: ZipfSampler<string>;
  readonly verbs: ZipfSampler<string>;
  readonly adjectives: ZipfSampler<string>;
  readonly tags: ZipfSampler<string>;
  readonly months: readonly string[];
  readonly ja: {
    readonly surnames: ZipfSampler<string>;
    readonly orgs: ZipfSampler<string>;
    readonly places: ZipfSampler<string>;
    readonly nouns: ZipfSampler<string>;
    readonly verbs: ZipfSampler<string>;
  };
  /** Every single word (lower-cased) the generator can write in English; queries draw from it. */
  readonly englishWords: ZipfSampler<string>;
  /** Every Japanese term the generator can write. */
  readonly japaneseTerms: readonly string[];
}

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'ch', 'cr', 'dr', 'gr', 'kr', 'sh', 'st', 'th', 'tr'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ei', 'ou'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'm', 'k', 'th', 'nd', 'rt', 'ck', 'x'];

/** A pronounceable made-up name ("Korvane", "Threlmoss"): the long tail of a real vocabulary. */
function inventName(rng: ReturnType<typeof createRng>): string {
  const syllables = rng.int(2, 3);
  let word = '';
  for (let i = 0; i < syllables; i += 1) word += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === syllables - 1 ? rng.pick(CODAS) : '');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function inventDistinct(rng: ReturnType<typeof createRng>, count: number, taken: Set<string>): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const name = inventName(rng);
    const key = name.toLowerCase();
    if (taken.has(key)) continue;
    taken.add(key);
    out.push(name);
  }
  return out;
}

function acronymOf(name: string): string {
  const words = name.split(' ').filter((w) => w.length > 0 && w !== 'of' && w !== 'and');
  return words.map((w) => w.charAt(0).toUpperCase()).join('');
}

/** The fixed seed of the vocabulary (not of a case): changing it changes every benchmark. */
const VOCABULARY_SEED = 20240611;

let cached: Vocabulary | null = null;

/** The shared vocabulary (built on first use, then reused). */
export function vocabulary(): Vocabulary {
  if (cached) return cached;
  const rng = createRng(VOCABULARY_SEED);
  const taken = new Set<string>([...SURNAMES, ...GIVEN_NAMES, ...CITIES, ...NOUNS, ...VERBS, ...ADJECTIVES].map((w) => w.toLowerCase()));
  const inventedSurnames = inventDistinct(rng, 1800, taken);
  const inventedOrgRoots = inventDistinct(rng, 700, taken);
  const inventedPlaces = inventDistinct(rng, 250, taken);

  const surnames = [...SURNAMES, ...inventedSurnames];
  // Interleave real and invented names so the frequent head is not all real names.
  const people: Person[] = [];
  const seenPeople = new Set<string>();
  for (let i = 0; people.length < 3000; i += 1) {
    const surname = surnames[(i * 7919) % surnames.length] ?? 'Smith';
    const full = `${rng.pick(GIVEN_NAMES)} ${surname}`;
    if (seenPeople.has(full)) continue;
    seenPeople.add(full);
    people.push({ full, surname });
  }
  const orgs: Organisation[] = AGENCIES.map((name) => ({ name, acronym: acronymOf(name) }));
  for (const root of inventedOrgRoots) {
    const name = `${root} ${rng.pick(ORG_SUFFIXES)}`;
    orgs.push({ name, acronym: acronymOf(name) });
  }
  // Shuffle agencies into the company list so the head mixes both kinds.
  for (let i = orgs.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    const a = orgs[i];
    const b = orgs[j];
    if (a && b) {
      orgs[i] = b;
      orgs[j] = a;
    }
  }
  const places = [...CITIES, ...inventedPlaces];

  const words = new Set<string>();
  const addWords = (text: string): void => {
    for (const w of text.toLowerCase().split(/[^a-z0-9-]+/)) if (w.length >= 3) words.add(w);
  };
  // Order matters: common words first, so the Zipf head of the query words is the common vocabulary.
  for (const list of [NOUNS, VERBS, ADJECTIVES, ROLES, TAGS, CITIES, SURNAMES, AGENCIES]) for (const w of list) addWords(w);
  for (const p of people) addWords(p.full);
  for (const o of orgs) addWords(o.name);
  for (const p of places) addWords(p);

  cached = {
    people: new ZipfSampler(people, 0.9),
    orgs: new ZipfSampler(orgs, 0.9),
    places: new ZipfSampler(places, 0.9),
    roles: new ZipfSampler(ROLES, 1),
    nouns: new ZipfSampler(NOUNS, 0.8),
    verbs: new ZipfSampler(VERBS, 0.8),
    adjectives: new ZipfSampler(ADJECTIVES, 0.8),
    tags: new ZipfSampler(TAGS, 1),
    months: MONTHS,
    ja: {
      surnames: new ZipfSampler(JA_SURNAMES, 1),
      orgs: new ZipfSampler(JA_ORGS, 1),
      places: new ZipfSampler(JA_PLACES, 1),
      nouns: new ZipfSampler(JA_NOUNS, 1),
      verbs: new ZipfSampler(JA_VERBS, 1),
    },
    englishWords: new ZipfSampler([...words], 0.7),
    japaneseTerms: [...JA_SURNAMES, ...JA_ORGS, ...JA_PLACES, ...JA_NOUNS],
  };
  return cached;
}
