import { describe, expect, it } from 'vitest';
import {
  asksAdvice,
  asksCurrentNews,
  asksErrand,
  asksOverview,
  asksRecommendation,
  incidentNamePhrases,
  checksClaim,
  hackedWords,
  incidentNameWords,
  isAboutAsker,
  statementTopicWords,
} from '../../src/search/question-forms.js';

describe('isAboutAsker', () => {
  it("is true for a question about the asker's own things, whole words only", () => {
    expect(isAboutAsker('how do i cancel my nitro subscription')).toBe(true);
    expect(isAboutAsker('is this laptop MINE')).toBe(true);
    expect(isAboutAsker('agoda data leak am i affected')).toBe(true);
    expect(isAboutAsker('was data stolen')).toBe(false);
    expect(isAboutAsker('myriad attacks on jaxa')).toBe(false);
    expect(isAboutAsker('who is kato')).toBe(false);
    expect(isAboutAsker('私のパソコンがウイルスに感染した')).toBe(true);
    expect(isAboutAsker('JAXAを攻撃したのは誰')).toBe(false);
  });

  it('is false for "my" that only says how the member speaks or thinks', () => {
    expect(isAboutAsker('is his wife in the army? sorry my english')).toBe(false);
    expect(isAboutAsker('in my opinion it was china, what does kato say')).toBe(false);
    expect(isAboutAsker('my bad, i meant the engineer')).toBe(false);
    expect(isAboutAsker('Forgive my ignorance, but what was he planning to do with it?')).toBe(false);
    // The asker's context told before the question is a frame: not the asker's own things.
    expect(isAboutAsker('My grandson works in IT. Was anything stolen?')).toBe(false);
    expect(isAboutAsker('sorry my english, how do i reset my router')).toBe(true);
  });

  it('reads a remark after the question as no part of it, unless the remark asks', () => {
    expect(isAboutAsker('When did the attacks happen? need the years for my slide')).toBe(false);
    expect(isAboutAsker('is the purchase from 2016 or 2017? my notes disagree')).toBe(false);
    expect(isAboutAsker('what happened? is my data safe?')).toBe(true);
    expect(isAboutAsker('what happened? is my data safe')).toBe(true);
    expect(isAboutAsker('was jaxa hit? what about my company')).toBe(true);
    expect(isAboutAsker('my pc is slow, which security software is good?')).toBe(true);
  });
});

describe('asksAdvice', () => {
  it('is true for a request for advice on what the asker is to do, in English and Japanese', () => {
    for (const q of [
      'how do i get into ethical hacking',
      'what army should i start with in warhammer',
      'how can i learn japanese fast',
      'any tips for a job interview',
      'can i use a vpn at work',
      'could i bring a laptop on the plane',
      'do i need a permit to fly a drone',
      'is it safe to click links in emails',
      'how to send money back to china cheap',
      'アカウントがハッキングされた、どうすればいい',
      'プログラミングは何から始めればいい？',
      '面接のコツ教えて',
      '個人情報が漏れたかも、どうしよう',
    ])
      expect(asksAdvice(q), q).toBe(true);
  });

  it('is false for questions about the case, also ones that mention the asker', () => {
    for (const q of [
      'how did they hack jaxa',
      'why do they think china did it',
      'can i get a summary of what wang did',
      'where can i read the report',
      'can i see the source for that',
      'can i read what kato said',
      'is it true that china did it',
      "ok i'm confused, how is the fake company connected to the jaxa hacks?",
      'hey so i just saw something about jaxa getting hacked, can someone explain',
      'どうやってJAXAに侵入したの',
      "what was the engineer's job",
      'was he paid by the military',
      'was his wife in the military herself or just married to someone in the pla?',
      'サイバー攻撃があった期間を教えてください',
      '王容疑者は何をしたらしいの',
    ])
      expect(asksAdvice(q), q).toBe(false);
  });
});

describe('asksOverview', () => {
  it('is true for a request for the whole story, in English and Japanese', () => {
    for (const q of [
      'what happened',
      'what is this case about?',
      "what's this whole thing about",
      'whats going on',
      'tl;dr pls',
      'can someone give me a quick summary',
      'catch me up',
      'この件について簡単に知りたいです',
      '何があったの？',
      '概要を教えて',
    ])
      expect(asksOverview(q), q).toBe(true);
  });

  it('is false for questions about one thing and for other uses of the same words', () => {
    for (const q of [
      'who did it',
      'what is the pla',
      'what is this server about',
      'is this a court case',
      'when did it happen',
      'JAXAを攻撃したのは誰',
      'summarized', // no cue word on its own
    ])
      expect(asksOverview(q), q).toBe(false);
  });
});

describe('asksCurrentNews', () => {
  it('reads a remark after the question as no part of it', () => {
    expect(asksCurrentNews('what was he supposed to sign? teenagers will ask me this')).toBe(false);
    expect(asksCurrentNews('what was he supposed to sign? will he sign it now')).toBe(true);
  });

  it("is true for a question about the day's news or what is coming, in English and Japanese", () => {
    for (const q of [
      'what did wang wenbin say about taiwan last week',
      'is the pla holding drills this week',
      'what is the pla doing lately',
      'has JAXA had any other data breaches since then?',
      'when does winter break start',
      "when is jaxa's next launch",
      'is there a japan-china summit coming up',
      '今週の日中外相会談ってどうだった？',
      'JAXAの次のロケット打ち上げはいつ？',
      'will china ever admit it',
      "won't japan retaliate",
      'is tokyo gonna sanction beijing',
      'are they going to arrest him',
      'will japan put sanctions on china',
      'has jaxa been attacked again recently',
      'what did the police do last week',
      'did tick hit jaxa again',
      'the other jaxa breach, what was it',
      'was there a second attack months later',
    ])
      expect(asksCurrentNews(q), q).toBe(true);
  });

  it('is false for "now", "right now", "still", "latest" and "next" about the case', () => {
    for (const q of [
      'where is the engineer now',
      'are the police hunting anyone right now',
      'what did he do next',
      'are the cops still on it',
      'whats the latest on the jaxa case',
      '警察って今も調べてるんですか？',
      // What he meant to do then, and requests to the bot, are no future.
      'what was he going to do with the software',
      'what was wang gonna do with it',
      'will you tell me who the suspect is',
      'will someone explain the fake company thing',
      // The investigation under way is the case's: what comes of it is asked about the case.
      '警察は今後何を捜査していくんですか',
      'will the police keep investigating',
      '警察は今後何を調べるの',
      '警察は今後どうするの？',
      'i recently read that jaxa was hacked, is that true',
      'did he do it against his will or did his wife force him',
    ])
      expect(asksCurrentNews(q), q).toBe(false);
  });
});

describe('incidentNamePhrases', () => {
  it('reads the Japanese noun phrase before の and an incident noun, ended by a particle', () => {
    expect(incidentNamePhrases('年金機構の情報漏えいは何件でしたか')).toEqual(['年金機構']);
    expect(incidentNamePhrases('KADOKAWAの情報流出って結局どれくらい漏れたの？')).toEqual(['KADOKAWA']);
    expect(incidentNamePhrases('ある通販会社の個人情報流出事件はどうなった')).toEqual(['通販会社']);
    expect(incidentNamePhrases('JAXAへのサイバー攻撃')).toEqual([]);
    expect(incidentNamePhrases('情報漏洩はあった？')).toEqual([]);
  });
});

describe('statementTopicWords', () => {
  it('reads what a statement was about, without stop words', () => {
    expect(statementTopicWords('what did the foreign ministry say about the tiktok ban')).toEqual(['tiktok', 'ban']);
    expect(statementTopicWords("what's kato's stance on nuclear power?")).toEqual(['nuclear', 'power']);
  });

  it('is empty for the case itself, an event told by a verb, or no statement', () => {
    for (const q of [
      'what did china say about all this',
      'recall kato commenting on this affair at a press conference',
      'how did beijing react to getting called out',
      'what did kato say',
      'who is wang wenbin',
    ])
      expect(statementTopicWords(q), q).toEqual([]);
  });
});

describe('checksClaim', () => {
  it('is true for a claim to confirm or correct', () => {
    for (const q of [
      'my friend said it was in 2019, is that right?',
      'it was 2017 right?',
      "wasn't it in march",
      'when did the attacks happen, was it 2019?',
      'is it true he was arrested',
      '2016年って本当？',
      'a tweet says the attacks were in 2015',
      'kato said the pla did it. true or false',
      'what year was it really?',
    ])
      expect(checksClaim(q), q).toBe(true);
  });
  it('is false for a plain question', () => {
    for (const q of ['what happened in 2020', 'right now who is looking for him', 'is he right about china'])
      expect(checksClaim(q), q).toBe(false);
  });
});

describe('incidentNameWords', () => {
  it('reads the words naming one incident in a definite noun phrase', () => {
    expect(incidentNameWords('who was behind the sony pictures hack')).toEqual(['pictures', 'sony']);
    expect(incidentNameWords('that japanese pension data leak, how many got hit')).toEqual(['data', 'pension', 'japanese']);
    expect(incidentNameWords('who did the US office of personnel management hack')).toEqual([
      'management',
      'personnel',
      'of',
      'office',
      'us',
    ]);
    expect(incidentNameWords('how did the guy pull off the jaxa attack')).toEqual(['jaxa']);
  });

  it('reads other events by their names: a launch, a mission, drills', () => {
    expect(incidentNameWords('what happened with the jaxa h3 rocket launch')).toEqual(['rocket', 'h3', 'jaxa']);
  });
  it('reads the group behind an incident, and a possessive as naming it', () => {
    expect(incidentNameWords("was russia's sandworm group involved")).toEqual(['sandworm', 'russia']);
    expect(incidentNameWords('is that the same gang as the lapsus gang')).toEqual(['lapsus']);
    expect(incidentNameWords("is jaxa's breach the worst")).toEqual(['jaxa']);
    // A contraction owns nothing: "what's the hacker group" names the case's own words only.
    expect(incidentNameWords("what's the hacker group called")).toEqual(['hacker']);
    expect(incidentNameWords("that's the group")).toEqual([]);
  });

  it('leaves out vague modifiers, indefinite phrases and words that are no part of a name', () => {
    expect(incidentNameWords('can i get a rundown of the whole jaxa hacking thing')).toEqual(['jaxa']);
    expect(incidentNameWords('was it a ddos attack')).toEqual([]);
    expect(incidentNameWords('should i be worried that stuff got stolen in these attacks')).toEqual([]);
    expect(incidentNameWords('the big recent breach')).toEqual([]);
    expect(incidentNameWords('was the software buy linked to the attacks')).toEqual([]);
  });
});

describe('hackedWords', () => {
  it('reads who was hacked, one word alone after the verb', () => {
    expect(hackedWords('did china ever hack nasa')).toEqual(['nasa']);
    expect(hackedWords('did they ever catch the guys who hacked twitter too')).toEqual(['twitter']);
    expect(hackedWords('who hacked into jaxa')).toEqual(['jaxa']);
    // The passive's subject, and one after "any".
    expect(hackedWords('does nasa get hacked too')).toEqual(['nasa']);
    expect(hackedWords('how many orgs got hacked total')).toEqual(['orgs']);
    expect(hackedWords('did they hit any hospitals')).toEqual(['hospitals']);
    // Whose data leaked: before its users' data, or as having had a leak.
    expect(hackedWords('was binance user data leaked')).toEqual(['binance']);
    expect(hackedWords("sony's customer data stolen?")).toEqual(['sony']);
    expect(hackedWords('did discord have a data leak')).toEqual(['discord']);
    // Not a noun phrase's first word, the nouns, the word after a passive, or no one in particular.
    expect(hackedWords('did they hack the rocket data')).toEqual([]);
    expect(hackedWords('when did the hacking campaign happen')).toEqual([]);
    expect(hackedWords("is jaxa's breach the worst")).toEqual([]);
    expect(hackedWords('whats the point if ur trying to hack ppl')).toEqual([]);
    // A kind of data, or the asker's, is no owner.
    expect(hackedWords('someone said rocket data was leaked. true?')).toEqual([]);
    expect(hackedWords('was any of our personal data leaked in this??')).toEqual([]);
    expect(hackedWords('was any user data leaked')).toEqual([]);
  });
});

describe('asksErrand', () => {
  it("is true for an errand of the asker's, whatever it names, in English and Japanese", () => {
    for (const q of [
      'tick bite rash what to do',
      'japanese company interview tips',
      'chinese food near me',
      'cheap flights china to japan',
      'where can i rent a vps in tokyo',
      'refund a failed purchase',
      'japan tourist visa for chinese citizens',
      'passport renewal foreign ministry',
      '警察に相談したい',
      '落とし物を警察に問い合わせたいです。',
      'JAXAの宇宙飛行士になるには？',
      '日本の会社で働くには？',
      '妻へのプレゼント何がいい？',
      '運転免許の更新はどこで？',
      'バイトの契約書ってどこでもらう？',
      'tick bite symptoms',
      'fake company reviews on google',
      'japanese security software for mac',
      'security badge not working',
      'windows license expired',
      'does jaxa sell merch',
      "getting a driver's license in japan",
      'Officeのライセンス認証ができない',
      '契約書のテンプレートはどこ？',
      'chinese printer brands worth buying',
      'solidworks student license',
      'free office license for students',
      // Session 18: a payment gone wrong, papers asked for, shares; consulting someone, how a thing is done.
      'paypay transaction failed',
      'transaction declined on company card',
      'refund for a canceled order',
      'police officer exam requirements',
      'can i buy jaxa shares',
      '詐欺の被害って警察に相談できる？',
      '会社ってどうやって作るの？',
      '中国のビザってどうやって取るの？',
      'failed credit card transaction',
      'shipping cost from china to japan',
      "wang's chinese restaurant hours",
      'foreign ministry travel advisory',
      'rental server for family photos',
      'Windowsのライセンス安く買える？',
      'このサーバーに入れない',
      '水漏れの修理',
      'police report for a stolen phone',
      'cancel phone contract fee',
      'is this paypay message a scam',
      'shiba inu price in japan',
      'army bomb not connecting',
      'is security software worth it on mac',
      'china game license approval time',
      'chinese army museum tickets',
      'how much data for 2 weeks',
      'fake taxi scams in beijing',
      'レンタルサーバーの料金は？',
      '中国でLINEは使える？',
      'military working dog adoption',
      'JAXAの宇宙食って買える？',
      '中国語の勉強どうしてる？',
      // Session 19: what a thing costs, sending money.
      'windows server license cost',
      'sending money from japan to china',
      'are japan china flights back to normal',
      'vpn that works in china',
      'dog license registration',
      'open source security camera software',
      'space agency model kits',
      'minecraft server whitelist me pls',
      'Windows Serverのライセンス費用',
      'bank transfer failed what now',
      '近くの交番を探してる',
      'military museum in tokyo',
      'what do they ask at immigration questioning',
      'are chinese made cameras safe',
      'is norton security software worth paying for',
      'how to tell if a shop is fake',
      'chinese skincare brands worth trying',
      'where is the chinese embassy in tokyo',
      'is the logging server down',
      'starting a farming company in japan',
      'software vulnerability scanner for ubuntu',
    ])
      expect(asksErrand(q), q).toBe(true);
  });

  it('is false for questions about the case, also ones wanting to know or naming the asker', () => {
    for (const q of [
      '攻撃があった時期を知りたい',
      'この件について簡単に知りたいです',
      'what did the seller do when the sale fell through',
      'why was the sale cancelled',
      // What the case's purchase cost asks what happened (a gap when no fact says), not an errand.
      'how much did the software cost',
      'did the engineer leave japan',
      'is wang still in japan or did he leave',
      'JAXAを攻撃したのは誰',
      '警察は今後何を捜査していくの',
      'what was the tip-off that the company was fake',
      'any tips on where to read more about the tick group',
      'did the chinese side say every country deals with hacking',
      'what security software did wang try to buy',
      'did police review the rental server logs',
      'did they download anything from jaxa',
      'did the police get any tips about wang',
      'この件をちゃんと理解したい',
      'この件って何か更新あった？',
      'did his wife tell him what to do',
      'can you explain the jaxa hack simply for students',
      // The things of an errand in a question about what happened: the case's (a gap when no fact says).
      "did the engineer's visa expire",
      'did they find any symptoms of the hack at jaxa',
      'was the software cheap',
      'エンジニアのビザは切れてたの？',
      'なんで王はそのソフトを買いたいの',
      // How it was done, told in the past.
      'レンタルサーバーはどうやって使われたんですか',
      'そのエンジニアはレンタルサーバーをどうやって使ったとされていますか',
      'どうやってそのソフトを買おうとしたのですか',
      'レンタルサーバーってどうやって借りてたんだっけ',
      'was the transaction canceled',
      'そのセキュリティソフトって誰でも買えるものじゃないの？',
      'どうして外国人は直接購入できない？',
    ])
      expect(asksErrand(q), q).toBe(false);
  });
});

describe('asksRecommendation', () => {
  it('is true for a request for a recommendation, in English and Japanese', () => {
    for (const q of [
      'recommend a vpn',
      'any recs for a password manager',
      'best antivirus for a windows laptop',
      'whats the best place to rent a gpu server',
      'which vpn should i use in china',
      '防犯カメラ買いたいんだけどおすすめある？',
      'セキュリティソフトはどれがオススメ？',
      'what antivirus software do you all use on your home PC?',
      'what security software does the school use on the lab computers?',
      'which antivirus or security software do you all use on the school computers?',
      'PLAとABSどっちがいい？',
      'best universities in japan for exchange',
      'best japanese game companies',
      'best ramen in japan',
    ])
      expect(asksRecommendation(q), q).toBe(true);
  });

  it('is false for questions about the case, also ones using "best"', () => {
    for (const q of [
      'what is the best evidence for china being behind it',
      'whats your best guess on who did it',
      'best source to read about the tick group',
      'best summary of the jaxa case?',
      'which software did wang try to buy',
      'JAXAを攻撃したのは誰',
      'what software did the engineer use',
    ])
      expect(asksRecommendation(q), q).toBe(false);
  });
});
