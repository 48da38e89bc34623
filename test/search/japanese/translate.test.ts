import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deinflect, Glossary, GlossaryError, hasJapanese, loadGlossary } from '../../../src/search/japanese/translate.js';

let glossary: Glossary;
beforeAll(async () => {
  glossary = await loadGlossary();
});

describe('Glossary.read: questions about the Tick/JAXA case', () => {
  // Each question must yield at least these English words (the ones the facts use or the search stems to).
  it.each([
    ['JAXAを攻撃したのは誰', ['jaxa', 'attack', 'who']],
    ['情報漏洩はあった?', ['information', 'leak']],
    ['官房長官は何と言った', ['chief', 'cabinet', 'secretary', 'what']],
    ['容疑者は逮捕されたの', ['suspect', 'arrest']],
    ['中国政府の反応は', ['china', 'government', 'reaction', 'response']],
    ['何社が被害を受けた', ['how', 'many', 'companies', 'damage']],
    ['データは盗まれた?', ['data', 'steal']],
    ['犯人は捕まった?', ['criminal', 'culprit', 'caught']],
    ['いつソフトを買おうとしたの', ['when', 'software', 'buy', 'purchase']],
    ['なぜ取引はキャンセルされたの', ['why', 'transactions', 'cancellation']],
    ['容疑者の妻は人民解放軍と関係があるの', ['suspect', 'wife', 'people', 'liberation', 'army']],
    ['容疑者は日本を出国したの', ['suspect', 'japan', 'departure', 'country']],
    ['システムエンジニアは偽の身分でサーバーを借りたの', ['systems', 'engineer', 'fake', 'server', 'rent']],
    ['損害はあったの', ['damage']],
    ['中国外務省の報道官は何と言った', ['china', 'ministry', 'foreign', 'press', 'what']],
    ['脆弱性を探していたのは誰', ['vulnerability', 'search', 'who']],
    ['研究機関も攻撃されたの', ['research', 'institution', 'attack']],
    ['中国軍の部隊が指示したの', ['china', 'army', 'unit']],
    ['ハッカー集団は誰', ['hacker', 'group', 'who']],
    ['何年に攻撃された', ['when', 'year', 'attack']],
    ['警察は何を捜査しているの', ['police', 'what', 'investigation']],
  ])('%s ⊇ %j', (question, words) => {
    expect(glossary.read(question).english).toEqual(expect.arrayContaining(words));
  });

  it('drops the verbs a question is wrapped in, like the English stop words (say, tell, happen)', () => {
    expect(glossary.read('官房長官は何と言った').english).toEqual(['chief', 'cabinet', 'secretary', 'what']);
    expect(glossary.read('何社が被害を受けた').english).toEqual(['how', 'many', 'companies', 'damage', 'injury', 'harm']);
    expect(glossary.read('2017年に何が起きたか教えて').english).toEqual(['2017', 'year', 'age', 'what']);
  });

  it('keeps the question order and drops particles and grammar', () => {
    const reading = glossary.read('JAXAを攻撃したのは誰');
    expect(reading.english[0]).toBe('jaxa');
    expect(reading.english[reading.english.length - 1]).toBe('who');
    expect(reading.words).toEqual(['攻撃']);
    expect(reading.unknown).toEqual([]);
    // Conjunctions and the conditionals of する are grammar too, not "however" or "in that case".
    expect(glossary.read('防犯カメラ買いたいんだけど').english).toEqual(['security', 'camera', 'buy', 'purchase']);
    expect(glossary.read('ハッキングされたっぽい、どうすればいい').english).toEqual(['hacking', 'how']);
    // So are the requests a question is wrapped in: "summarise its contents", "in detail".
    expect(glossary.read('会見の内容をまとめて').english).toEqual(['interview', 'audience', 'meeting']);
    expect(glossary.read('詳しく教えて').english).toEqual([]);
  });

  it('maps question words to English question words', () => {
    const first = (q: string) => glossary.read(q).english.slice(0, 2);
    expect(first('誰が攻撃した')).toEqual(['who', 'attack']);
    expect(first('だれが攻撃した')).toEqual(['who', 'attack']);
    expect(first('いつ攻撃されたの')).toEqual(['when', 'attack']);
    expect(first('なぜ中国は関与を否定したの')).toEqual(['why', 'china']);
    expect(first('どうして中国は否定したの')).toEqual(['why', 'china']);
    expect(first('どこのサーバーを使ったのか')).toEqual(['where', 'server']);
    expect(first('どのように攻撃したの')).toEqual(['how', 'attack']);
    expect(first('何人が関与したの')).toEqual(['how', 'many']);
    expect(first('いくつの企業が攻撃された')).toEqual(['how', 'many']);
    // `何と` / `何です` are 何 plus grammar, not the glossary's 何と ("how!") nor 何で ("why").
    expect(glossary.read('ティックとは何ですか').english).toEqual(['what']);
    // One segment of two question words: 何年 + 何月, not 何 + an unknown 年何月.
    expect(glossary.read('買おうとしたのは何年何月？')).toMatchObject({
      english: ['buy', 'purchase', 'when', 'year', 'month'],
      unknown: [],
    });
  });

  it('joins segments into the longest glossary word', () => {
    expect(glossary.read('情報漏洩はあった?').words).toEqual(['情報漏洩']);
    expect(glossary.read('官房長官は何と言った').words).toEqual(['官房長官']);
    // どんなところが is "what places" + が, not the conjunction ところが ("however").
    expect(glossary.read('JAXA以外にどんなところが狙われたの').words).toEqual(['以外', '狙う']);
    expect(glossary.read('サイバー攻撃は中国軍の指示によるもの?').english.slice(0, 3)).toEqual(['cyberattack', 'cyber', 'attack']);
  });

  it('reduces inflected verbs and adjectives to the dictionary form it looks up', () => {
    expect(glossary.read('データは盗まれた').words).toEqual(['データ', '盗む']);
    expect(glossary.read('盗まれていない').words).toEqual(['盗む']);
    expect(glossary.read('犯人は捕まった').words).toEqual(['犯人', '捕まる']);
    expect(glossary.read('被害は大きかった?').words).toEqual(['被害', '大きい']);
    expect(glossary.read('容疑者は何を話しましたか').words).toEqual(['容疑者', '話す']);
    expect(glossary.read('偽の会社を使ってソフトを買おうとしたのは誰').words).toEqual(['偽', '会社', '使う', 'ソフト', '買う']);
    expect(glossary.read('調べられている').english).toContain('investigate');
  });
});

describe('the committed glossary', () => {
  it('keeps a word whose first gloss holds nested parentheses: 犬 is "dog (Canis (lupus) familiaris)" in EDICT', () => {
    expect(glossary.lookup('犬')?.[0]).toBe('dog');
  });
});

describe('deinflect', () => {
  it.each([
    ['盗まれた', '盗む'],
    ['捕まった', '捕まる'],
    ['逮捕された', '逮捕'],
    ['攻撃した', '攻撃'],
    ['大きかった', '大きい'],
    ['言いました', '言う'],
    ['受けた', '受ける'],
    ['買おう', '買う'],
    ['盗んだ', '盗む'],
    ['盗まれていない', '盗む'],
    ['見つからなかった', '見つかる'],
  ])('%s → %s', (inflected, base) => {
    expect(deinflect(inflected)).toContain(base);
  });
});

describe('unknown words', () => {
  it('reports content words the glossary lacks, joining a name split into single kanji', () => {
    const reading = glossary.read('汪文斌報道官の発言は');
    expect(reading.unknown).toEqual(['汪文斌']);
    expect(reading.english).toEqual(expect.arrayContaining(['press', 'statement']));
    expect(reading.english).not.toContain('sentence'); // 文 inside the name is not "sentence"
    expect(glossary.read('ティックとは何ですか').unknown).toEqual(['ティック']);
    expect(glossary.read('加藤官房長官は何と言った').unknown).toEqual(['加藤']);
  });

  it('lists translated words in dictionary form and unknown words as written, in order', () => {
    expect(glossary.read('加藤官房長官は何と言った').words).toEqual(['加藤', '官房長官']);
    expect(glossary.read('王容疑者の妻は誰').words).toEqual(['王', '容疑者', '妻']);
  });

  it('does not report hiragana it cannot read: that is grammar far more often than content', () => {
    expect(glossary.read('そうなんですね').unknown).toEqual([]);
  });
});

describe('extend', () => {
  it('reads alias names as one word, before the dictionary, without changing the original', () => {
    const withAliases = glossary.extend([
      ['宇宙航空研究開発機構', ['JAXA']],
      ['汪文斌', ['Wang', 'Wenbin']],
    ]);
    const reading = withAliases.read('宇宙航空研究開発機構を攻撃したのは誰');
    expect(reading.english).toEqual(['jaxa', 'attack', 'assault', 'raid', 'who']);
    expect(reading.words).toEqual(['宇宙航空研究開発機構', '攻撃']);
    expect(withAliases.read('汪文斌報道官の発言は').unknown).toEqual([]);
    expect(withAliases.read('汪文斌報道官の発言は').english.slice(0, 2)).toEqual(['wang', 'wenbin']);
    expect(glossary.read('宇宙航空研究開発機構').english).toContain('universe');
    expect(withAliases.size).toBe(glossary.size + 2);
  });
});

describe('width folding and text without Japanese', () => {
  it('folds full-width Latin and digits and half-width katakana (NFKC)', () => {
    expect(glossary.read('ＪＡＸＡを攻撃したのは誰').english).toEqual(glossary.read('JAXAを攻撃したのは誰').english);
    expect(glossary.read('ﾃﾞｰﾀは盗まれた?').english).toEqual(expect.arrayContaining(['data', 'steal']));
    expect(glossary.read('２０１６年に何があった').english).toEqual(expect.arrayContaining(['2016', 'what']));
    expect(glossary.read('ＰＬＡは関与したのか').english[0]).toBe('pla');
  });

  it('passes Latin text through as lower-cased words', () => {
    expect(glossary.read('Who attacked JAXA?')).toEqual({ english: ['who', 'attacked', 'jaxa'], unknown: [], words: [] });
    expect(glossary.read('')).toEqual({ english: [], unknown: [], words: [] });
    expect(glossary.read('?!… 😀')).toEqual({ english: [], unknown: [], words: [] });
  });

  it('hasJapanese detects kana and kanji, after width folding, but not shared punctuation', () => {
    expect(hasJapanese('JAXAを攻撃したのは誰')).toBe(true);
    expect(hasJapanese('ﾃﾞｰﾀ')).toBe(true);
    expect(hasJapanese('who attacked JAXA?')).toBe(false);
    expect(hasJapanese('、。')).toBe(false);
  });
});

describe('bounded work', () => {
  /** A deterministic mix of kanji, kana, Latin, digits, punctuation, emoji and lone surrogates. */
  function randomText(length: number, seed: number): string {
    const pools = [
      '攻撃情報漏洩逮捕容疑者中国政府被害官房長官何誰',
      'はがをにのでともかしたされるまれっ',
      'データサーバーティックｱｲｳ',
      'JAXA pla 2016 ',
      '?!、。「」😀',
      '\ud800\udfff',
    ];
    let state = seed;
    let out = '';
    while (out.length < length) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      const pool = pools[state % pools.length] ?? '';
      out += pool[Math.floor(state / 7) % pool.length] ?? '';
    }
    return out.slice(0, length);
  }

  it('reads a 6000-character random string without throwing, in bounded time', () => {
    for (const seed of [1, 2, 3]) {
      const text = randomText(6000, seed);
      const started = performance.now();
      const reading = glossary.read(text);
      expect(performance.now() - started).toBeLessThan(200);
      expect(reading.english.length + reading.unknown.length).toBeLessThanOrEqual(200);
    }
  });

  it('reads only the first 200 characters', () => {
    const padding = 'あ'.repeat(200);
    expect(glossary.read(`${padding}攻撃`).english).toEqual([]);
    expect(glossary.read(`${padding}攻撃`, { maxChars: 300 }).english).toContain('attack');
  });
});

describe('glossary files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'casebot-glossary-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** The message of the GlossaryError loading `content` gives (failing the test if it loads or fails otherwise). */
  async function loadError(name: string, content: string | Uint8Array): Promise<string> {
    const file = join(dir, name);
    await writeFile(file, content);
    return messageOf(
      await Glossary.load(file).then(
        () => null,
        (error: unknown) => error,
      ),
    );
  }

  function messageOf(error: unknown): string {
    if (!(error instanceof GlossaryError)) throw new Error(`expected a GlossaryError, got ${String(error)}`);
    return error.message;
  }

  it('the committed glossary is large, attributed, and loads once', async () => {
    expect(glossary.size).toBeGreaterThan(25_000);
    const head = (await readFile(new URL('../../../src/search/japanese/glossary.tsv', import.meta.url), 'utf8')).slice(0, 1000);
    expect(head).toMatch(/^#casebot-glossary 1 keys=\d+\n/);
    expect(head).toContain('EDRDG');
    expect(head).toContain('CC BY-SA');
    expect(await loadGlossary()).toBe(glossary);
  });

  it('parses a small glossary from text', () => {
    const small = Glossary.fromText('#casebot-glossary 1 keys=2\n# comment\n攻撃\tattack|assault;criticism\n逮捕\tarrest\n');
    expect(small.size).toBe(2);
    expect(small.lookup('攻撃')).toEqual(['attack', 'assault', 'criticism']);
    expect(small.read('JAXAを攻撃したのは誰').english).toEqual(['jaxa', 'attack', 'assault', 'who']);
    expect(small.read('容疑者は逮捕された').unknown).toEqual(['容疑者']);
  });

  it('rejects a file that is not a glossary, with the file and what to do', async () => {
    const binary = await loadError('binary.tsv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe]));
    expect(binary).toMatch(/binary\.tsv: the glossary is not valid UTF-8; regenerate it with `npx tsx scripts\/build-glossary\.ts`/);

    const json = await loadError('glossary.json', '{"攻撃": ["attack"]}\n');
    expect(json).toMatch(/glossary\.json:1: not a casebot glossary \(first line should start with "#casebot-glossary 1"/);
  });

  it('rejects a truncated file and a malformed line, naming the line', async () => {
    const truncated = await loadError('truncated.tsv', '#casebot-glossary 1 keys=3\n攻撃\tattack\n逮捕\tarrest\n');
    expect(truncated).toMatch(/truncated\.tsv: the header declares 3 keys but the file holds 2 \(truncated\?\)/);

    const badLine = await loadError('bad-line.tsv', '#casebot-glossary 1\n攻撃\tattack\n逮捕 arrest\n');
    expect(badLine).toMatch(/bad-line\.tsv:3: expected "key<TAB>gloss\|gloss;gloss", found "逮捕 arrest"/);

    const duplicate = await loadError('duplicate.tsv', '#casebot-glossary 1\n攻撃\tattack\n攻撃\tassault\n');
    expect(duplicate).toMatch(/duplicate\.tsv:3: key "攻撃" appears twice/);
  });

  it('reports a missing file as a GlossaryError', async () => {
    const missing = messageOf(
      await Glossary.load(join(dir, 'missing.tsv')).then(
        () => null,
        (error: unknown) => error,
      ),
    );
    expect(missing).toMatch(/missing\.tsv: cannot read the glossary \(ENOENT/);
  });
});
