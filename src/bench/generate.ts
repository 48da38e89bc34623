import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRng, type Rng } from './prng.js';
import { factQuestions, factText, randomEvent, sourceSentence, variantCount, type GeneratedEvent } from './templates.js';
import { vocabulary, type Vocabulary } from './vocabulary.js';

export { generateQueries } from './queries.js';

/** Options of {@link generateFactsFolder}. */
export interface GenerateOptions {
  /** Total number of facts over all cases. */
  readonly facts: number;
  /** Same seed, same folder, byte for byte. */
  readonly seed: number;
  /** Number of cases; default 1 up to 10k facts, then one per 25k facts. */
  readonly cases?: number;
  /** Share of Japanese passages; default 0.05. */
  readonly japaneseShare?: number;
  /** Facts per `facts-NNN.yaml` file; default 2000. */
  readonly factsPerFile?: number;
}

export interface GeneratedCitation {
  readonly source: string;
  readonly quote: string;
}

export interface GeneratedFact {
  readonly id: string;
  text: string;
  readonly cite: readonly GeneratedCitation[];
  readonly tags: readonly string[];
  /** Questions members ask for it: every fourth fact has two (so a case's question vectors are measured too). */
  readonly questions: readonly string[];
  /** Kept so a later edit ({@link changeFacts}) can reword the fact plausibly. */
  readonly event: GeneratedEvent;
}

export interface GeneratedSource {
  readonly id: string;
  readonly title: string;
  /** Relative to the case folder. */
  readonly file: string;
  readonly publisher: string;
  readonly date: string;
  readonly text: string;
}

export interface GeneratedFile {
  /** e.g. `facts-001.yaml`. */
  readonly name: string;
  readonly facts: GeneratedFact[];
}

export interface GeneratedCase {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly sources: readonly GeneratedSource[];
  readonly aliases: readonly (readonly string[])[];
  readonly files: readonly GeneratedFile[];
}

/** A folder written by {@link generateFactsFolder}, with the model it was written from. */
export interface GeneratedFolder {
  readonly root: string;
  readonly cases: readonly GeneratedCase[];
  readonly factCount: number;
}

/** Sentences per source document: enough sources that none grows past ~100 KB. */
const QUOTES_PER_SOURCE = 400;
const FILLER_SHARE = 0.25;

/**
 * Builds the cases of a synthetic facts folder in memory (no I/O). Deterministic for a seed.
 *
 * @example
 * const cases = buildCases({ facts: 1000, seed: 1 });
 */
export function buildCases(options: GenerateOptions): GeneratedCase[] {
  const vocab = vocabulary();
  const rng = createRng(options.seed);
  const caseCount = options.cases ?? (options.facts <= 10_000 ? 1 : Math.ceil(options.facts / 25_000));
  const cases: GeneratedCase[] = [];
  let remaining = options.facts;
  for (let c = 0; c < caseCount; c += 1) {
    const count = Math.ceil(remaining / (caseCount - c));
    remaining -= count;
    cases.push(buildCase(rng, vocab, c + 1, count, options));
  }
  return cases;
}

function buildCase(rng: Rng, vocab: Vocabulary, number: number, factCount: number, options: GenerateOptions): GeneratedCase {
  const id = `bench-${String(number).padStart(2, '0')}`;
  const japaneseShare = options.japaneseShare ?? 0.05;
  const perFile = options.factsPerFile ?? 2000;
  const sourceCount = Math.max(3, Math.ceil(factCount / QUOTES_PER_SOURCE));
  const sentences: string[][] = Array.from({ length: sourceCount }, () => []);
  const sourceIds = Array.from({ length: sourceCount }, (_, i) => `src-${String(i + 1).padStart(3, '0')}`);

  const facts: GeneratedFact[] = [];
  const askedInCase = new Set<string>();
  for (let i = 0; i < factCount; i += 1) {
    const event = randomEvent(rng, vocab, japaneseShare);
    const variant = rng.int(0, variantCount(event) - 1);
    const primary = rng.int(0, sourceCount - 1);
    const quote = sourceSentence(event, variant);
    sentences[primary]?.push(quote);
    const cite: GeneratedCitation[] = [{ source: sourceIds[primary] ?? 'src-001', quote }];
    // Some facts rest on two reports, as real ones corroborated by a second outlet do.
    if (rng.chance(0.1)) {
      const second = (primary + rng.int(1, sourceCount - 1)) % sourceCount;
      const otherQuote = sourceSentence(event, variant + 1);
      sentences[second]?.push(otherQuote);
      cite.push({ source: sourceIds[second] ?? 'src-001', quote: otherQuote });
    }
    const tags = new Set<string>();
    const tagCount = rng.int(1, 3);
    while (tags.size < tagCount) tags.add(vocab.tags.sample(rng));
    // Every fourth fact, not a random draw: the draws of everything else stay as they were.
    // A question already on another fact is left out, as check-facts asks moderators to do.
    const questions = i % 4 === 0 ? factQuestions(event).filter((q) => !askedInCase.has(q)) : [];
    for (const q of questions) askedInCase.add(q);
    facts.push({
      id: `fact-${String(i + 1).padStart(6, '0')}`,
      text: clip(factText(event, variant)),
      cite,
      tags: [...tags],
      questions,
      event,
    });
  }

  const sources = sentences.map((list, i): GeneratedSource => {
    const fillers = Math.ceil(list.length * FILLER_SHARE);
    for (let f = 0; f < fillers; f += 1) list.push(sourceSentence(randomEvent(rng, vocab, japaneseShare), rng.int(0, 5)));
    shuffle(rng, list);
    const org = vocab.orgs.sample(rng);
    return {
      id: sourceIds[i] ?? `src-${i + 1}`,
      title: `${org.name} report ${i + 1} on the ${vocab.nouns.sample(rng)} ${vocab.nouns.sample(rng)} case`,
      file: `sources/${sourceIds[i] ?? `src-${i + 1}`}.txt`,
      publisher: `${vocab.orgs.sample(rng).name} News`,
      date: `${rng.int(2016, 2024)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      text: paragraphs(rng, list),
    };
  });

  const files: GeneratedFile[] = [];
  for (let start = 0; start < facts.length; start += perFile) {
    files.push({ name: `facts-${String(files.length + 1).padStart(3, '0')}.yaml`, facts: facts.slice(start, start + perFile) });
  }
  const lead = vocab.orgs.sample(rng);
  return {
    id,
    title: `Synthetic case ${number}: the ${lead.name} ${vocab.nouns.sample(rng)} investigation`,
    summary: `A generated case for benchmarks: ${factCount} facts about investigators, companies and agencies, drawn from ${sourceCount} generated reports. None of it is true.`,
    sources,
    aliases: aliasGroups(rng, vocab),
    files,
  };
}

/** Japanese renderings of some vocabulary names, for alias groups that mix scripts as real ones do. */
const JAPANESE_NAMES: Readonly<Record<string, string>> = {
  'National Police Agency': '警察庁',
  'Metropolitan Police Department': '警視庁',
  'Ministry of Defense': '防衛省',
  'Ministry of Foreign Affairs': '外務省',
  'Cabinet Office': '内閣府',
  'Tokyo District Court': '東京地方裁判所',
  'Supreme Court': '最高裁判所',
  'Financial Services Agency': '金融庁',
  'Space Agency': '宇宙航空研究開発機構',
  'Coast Guard': '海上保安庁',
  'Immigration Services Agency': '出入国在留管理庁',
  'Ministry of Economy': '経済産業省',
  Tokyo: '東京',
  Osaka: '大阪',
  Kyoto: '京都',
  Nagoya: '名古屋',
  Sapporo: '札幌',
  Fukuoka: '福岡',
  Yokohama: '横浜',
  Kobe: '神戸',
  Sendai: '仙台',
  Hiroshima: '広島',
  Beijing: '北京',
  Shanghai: '上海',
  Seoul: 'ソウル',
  Taipei: '台北',
  Tanaka: '田中',
  Yamada: '山田',
  Suzuki: '鈴木',
  Kato: '加藤',
  Watanabe: '渡辺',
  Ito: '伊藤',
  Nakamura: '中村',
  Kobayashi: '小林',
  Yoshida: '吉田',
  Yamamoto: '山本',
  Matsumoto: '松本',
  Inoue: '井上',
  Kimura: '木村',
  Hayashi: '林',
  Shimizu: '清水',
  Mori: '森',
  Ikeda: '池田',
  Wang: '王',
  Zhang: '張',
  Liu: '劉',
};

/** ~30 alias groups: organisations with acronyms, places and people, some with Japanese names. */
function aliasGroups(rng: Rng, vocab: Vocabulary): string[][] {
  const used = new Set<string>();
  const groups: string[][] = [];
  const add = (names: readonly string[]): void => {
    const fresh = [...new Set(names)].filter((n) => n.length > 0 && !used.has(n.toLowerCase()));
    if (fresh.length < 2) return;
    for (const n of fresh) used.add(n.toLowerCase());
    groups.push(fresh);
  };
  for (let i = 0; i < 14; i += 1) {
    const org = vocab.orgs.sample(rng);
    add([org.name, org.acronym.length >= 2 ? org.acronym : '', JAPANESE_NAMES[org.name] ?? '']);
  }
  for (let i = 0; i < 8; i += 1) {
    const place = vocab.places.sample(rng);
    add([place, JAPANESE_NAMES[place] ?? '']);
  }
  for (let i = 0; i < 10; i += 1) {
    const person = vocab.people.sample(rng);
    add([person.full, JAPANESE_NAMES[person.surname] ? `${JAPANESE_NAMES[person.surname]}氏` : '', rng.chance(0.5) ? person.surname : '']);
  }
  return groups;
}

function paragraphs(rng: Rng, sentences: readonly string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < sentences.length;) {
    const take = rng.int(3, 6);
    lines.push(sentences.slice(i, i + take).join(' '));
    i += take;
  }
  return `${lines.join('\n')}\n`;
}

function shuffle(rng: Rng, items: unknown[]): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    const a = items[i];
    const b = items[j];
    if (a !== undefined && b !== undefined) {
      items[i] = b;
      items[j] = a;
    }
  }
}

/** Facts are at most 300 characters; a long template fill is cut at a word and closed. */
function clip(text: string): string {
  if (text.length <= 300) return text;
  const cut = text.slice(0, 298);
  return `${cut.slice(0, cut.lastIndexOf(' '))}.`;
}

/** JSON strings are valid YAML double-quoted scalars, and writing them is far faster than `yaml.stringify`. */
const q = (s: string): string => JSON.stringify(s);

function caseYaml(c: GeneratedCase): string {
  const lines = [`id: ${c.id}`, `title: ${q(c.title)}`, `summary: ${q(c.summary)}`, 'sources:'];
  for (const s of c.sources) {
    lines.push(
      `  - id: ${s.id}`,
      `    title: ${q(s.title)}`,
      `    file: ${s.file}`,
      `    publisher: ${q(s.publisher)}`,
      `    date: ${q(s.date)}`,
      '    url: null',
    );
  }
  lines.push('aliases:');
  for (const group of c.aliases) lines.push(`  - [${group.map(q).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

function factsYaml(file: GeneratedFile): string {
  const lines = ['facts:'];
  for (const f of file.facts) {
    lines.push(`  - id: ${f.id}`, `    text: ${q(f.text)}`, '    cite:');
    for (const c of f.cite) lines.push(`      - source: ${c.source}`, `        quote: ${q(c.quote)}`);
    lines.push(`    tags: [${f.tags.join(', ')}]`);
    if (f.questions.length > 0) lines.push('    questions:', ...f.questions.map((question) => `      - ${q(question)}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Writes `cases` under `root` (which is emptied first). */
export async function writeCases(root: string, cases: readonly GeneratedCase[]): Promise<void> {
  await rm(root, { recursive: true, force: true });
  for (const c of cases) {
    const dir = path.join(root, c.id);
    await mkdir(path.join(dir, 'sources'), { recursive: true });
    await writeFile(path.join(dir, 'case.yaml'), caseYaml(c));
    for (const s of c.sources) await writeFile(path.join(dir, s.file), s.text);
    for (const f of c.files) await writeFile(path.join(dir, f.name), factsYaml(f));
  }
}

/**
 * Writes a synthetic facts folder of `options.facts` facts under `root` (replacing what is there):
 * `<case>/case.yaml`, `<case>/facts-NNN.yaml` (≤ 2000 facts each) and `<case>/sources/*.txt`,
 * every quote occurring verbatim in its source.
 *
 * @example
 * const folder = await generateFactsFolder(await makeTempDir(), { facts: 10_000, seed: 7 });
 */
export async function generateFactsFolder(root: string, options: GenerateOptions): Promise<GeneratedFolder> {
  const cases = buildCases(options);
  await writeCases(root, cases);
  return { root, cases, factCount: options.facts };
}

/**
 * Rewords `fraction` of the folder's facts in place (same ids, quotes and tags; new text) and
 * rewrites only the fact files that hold them: what a moderator's small edit looks like to a
 * reload. Returns the changed facts' keys (`case/id`).
 */
export async function changeFacts(folder: GeneratedFolder, fraction: number, seed: number): Promise<string[]> {
  const rng = createRng(seed);
  const all: { c: GeneratedCase; file: GeneratedFile; fact: GeneratedFact }[] = [];
  for (const c of folder.cases) for (const file of c.files) for (const fact of file.facts) all.push({ c, file, fact });
  const want = Math.min(all.length, Math.max(1, Math.round(all.length * fraction)));
  const picked = new Set<number>();
  while (picked.size < want) picked.add(rng.int(0, all.length - 1));
  const touched = new Map<GeneratedFile, GeneratedCase>();
  const keys: string[] = [];
  for (const i of picked) {
    const entry = all[i];
    if (!entry) continue;
    const { event } = entry.fact;
    // Another template of the same event: the edit keeps the subject but changes the wording.
    const reworded = clip(factText(event, rng.int(1, variantCount(event) - 1) + variantOf(entry.fact)));
    entry.fact.text = reworded === entry.fact.text ? `${reworded.slice(0, 290)} (revised)` : reworded;
    touched.set(entry.file, entry.c);
    keys.push(`${entry.c.id}/${entry.fact.id}`);
  }
  for (const [file, c] of touched) await writeFile(path.join(folder.root, c.id, file.name), factsYaml(file));
  return keys;
}

/**
 * {@link changeFacts} on a folder written by {@link generateFactsFolder} with `options`, without the
 * caller holding the generated folder meanwhile: generation is deterministic, so it is rebuilt here
 * and dropped again. The benchmark uses this so that its reload measurements see the heap a bot has,
 * not the bot's plus a second in-memory copy of 100k generated facts.
 */
export async function changeGeneratedFacts(root: string, options: GenerateOptions, fraction: number, seed: number): Promise<string[]> {
  return changeFacts({ root, cases: buildCases(options), factCount: options.facts }, fraction, seed);
}

function variantOf(fact: GeneratedFact): number {
  for (let v = 0; v < variantCount(fact.event); v += 1) if (factText(fact.event, v) === fact.text) return v;
  return 0;
}

/** A fresh empty temporary directory. */
export function makeTempDir(prefix = 'casebot-bench-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}
