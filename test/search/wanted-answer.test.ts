import { describe, expect, it } from 'vitest';
import { answerTest, asksNameOf, asksStatementOf, namesThing, numbersThing, speaks } from '../../src/search/wanted-answer.js';

describe('asksNameOf', () => {
  it('reads the kind of thing whose name a question asks, in English and Japanese', () => {
    expect(asksNameOf('what was the shell company called?')).toContain('company');
    expect(asksNameOf("what's the name of the antivirus program he wanted")).toContain('software');
    expect(asksNameOf('the firms name?')).toContain('company');
    expect(asksNameOf('software name?')).toContain('software');
    expect(asksNameOf('which antivirus brand was it')).toContain('software');
    expect(asksNameOf('what malware did they use')).toContain('malware');
    expect(asksNameOf('what malware families does Tick use?')).toContain('malware');
    expect(asksNameOf("what's the group ID for tick")).toContain('group');
    expect(asksNameOf('whats the fake company name')).toContain('company');
    expect(asksNameOf('names of the companies involved')).toContain('company');
    // The longest noun phrase is the thing: the group's name, not a hacker's.
    expect(asksNameOf('name of the hacker group')).toContain('group');
    expect(asksNameOf('name of the engineer at the company')).toContain('engineer');
    expect(asksNameOf('使われたウイルスの名前って何？')).toContain('malware');
    expect(asksNameOf('なんていう会社だったの')).toContain('company');
    // Which business: its name.
    expect(asksNameOf('which japanese company was selling that software')).toContain('company');
    expect(asksNameOf('which hosting provider rented the server to the engineer?')).toContain('provider');
    expect(asksNameOf('tick hackers belong to which PLA unit number exactly')).toContain('unit');
    expect(asksNameOf('which prefectural police force is running the investigation?')).toContain('force');
    // Where someone went: a country's name.
    expect(asksNameOf('which country did the engineer flee to?')).toContain('country');
    expect(asksNameOf('what country did the engineer escape to?')).toContain('country');
    expect(asksNameOf('where did the engineer flee to')).toContain('country');
    expect(asksNameOf('where is the engineer now')).toBeUndefined();
    expect(asksNameOf('what kind of malware did they use')).toContain('malware');
    expect(asksNameOf('which PLA unit exactly? is there a unit number?')).toContain('unit');
    expect(asksNameOf('do they give a unit number')).toContain('unit');
    expect(asksNameOf('which other companies were hit? any names at all?')).toContain('company');
    expect(asksNameOf('which companies besides jaxa got hit?')).toContain('company');
    expect(asksNameOf('besides jaxa which companies got hit?')).toContain('company');
    expect(asksNameOf('which security software was it exactly?')).toContain('software');
    expect(asksNameOf('what vendor sold it?')).toContain('vendor');
    expect(asksNameOf('what software did he try to buy?')).toBeUndefined();
    expect(asksNameOf('what malware tick used for the attacks')).toContain('malware');
    expect(asksNameOf('what malware or exploits did tick use')).toContain('malware');
    expect(asksNameOf('what was the fake company actually called')).toContain('company');
    expect(asksNameOf('who was the seller that cancelled the deal?')).toContain('seller');
    expect(asksNameOf('can you list the other companies that got hit besides jaxa')).toContain('company');
    expect(asksNameOf('what kind of targets other than jaxa were hit')).toBeUndefined();
    expect(asksNameOf('which unit of the chinese military directed them?')).toContain('unit');
    expect(asksNameOf("what's the designation of the PLA unit behind tick")).toContain('unit');
    expect(asksNameOf('which security software exactly? product name?')).toContain('product');
    expect(asksNameOf('who hacked jaxa? any names?')).toBeUndefined();
    // "what brand" names no kind: the question's own kind word is the head.
    expect(asksNameOf('which security software was it, like what brand')).toContain('software');
  });

  it("reads a person's name asked for, by the head of the phrase", () => {
    expect(asksNameOf('whats the suspects name')).toContain('suspect');
    expect(asksNameOf('software guy name?')).toContain('guy');
    expect(asksNameOf("what is the name of wang's wife")).toContain('wife');
    expect(asksNameOf('whats wangs wifes name')).toContain('wife');
    expect(asksNameOf('容疑者の名前は？')).toContain('suspect');
  });

  it('is undefined for other questions, and for "called" as a verb', () => {
    for (const q of [
      'did they use a fake name',
      'is it true the vendor called it off',
      'which companies were hit',
      'which company were they targeting',
      'which group did it',
      'Which country is the suspect from',
      'Is the Chinese spokesman called Wang the same person as the Wang who tried to buy the software?',
      'did they use a fake company name to rent the server',
    ])
      expect(asksNameOf(q), q).toBeUndefined();
  });
});

describe('namesThing', () => {
  const company = asksNameOf('what was the company called') ?? [];
  const software = asksNameOf('software name?') ?? [];

  it('finds a name given to a thing of the kind', () => {
    expect(namesThing('He used a shell company called Acme Trading.', company)).toBe(true);
    expect(namesThing('He tried to buy the Acme security software.', software)).toBe(true);
    expect(namesThing('“Acme” is a small Japanese company.', company)).toBe(true);
    expect(namesThing('The order went to vendor Acme in Osaka.', company)).toBe(true);
  });

  it("finds a person's name only where the text gives it to them", () => {
    const suspect = asksNameOf('whats the suspects name') ?? [];
    const wife = asksNameOf("whats his wife's name") ?? [];
    expect(namesThing('The report refers to the Chinese national suspected of buying it as Wang.', suspect)).toBe(true);
    expect(namesThing('Authorities suspect Wang, the Chinese national, tried to buy it.', suspect)).toBe(true);
    expect(namesThing('The wife of a PLA member told Wang to do it.', wife)).toBe(false);
    expect(namesThing('According to Kato, the Chinese national left the country.', suspect)).toBe(false);
  });

  it('does not take a nationality, a sentence start or a person nearby for a name', () => {
    expect(namesThing('Wang tried to buy the software through a fake Japanese company.', company)).toBe(false);
    expect(namesThing('The report refers to the man trying to buy the security software as Wang.', software)).toBe(false);
    expect(namesThing('The seller who dealt with Wang canceled the transaction.', company)).toBe(false);
    expect(namesThing('Software like this is sold only to Japanese companies.', software)).toBe(false);
  });
});

describe('answerTest', () => {
  it('wants an amount for what something cost', () => {
    const test = answerTest('how much was the security software worth?');
    expect(test?.holds('The security software could only be sold to Japanese companies.')).toBe(false);
    // A year or a count is no price.
    expect(test?.holds('He tried to buy it in November 2016 for 200 companies.')).toBe(false);
    expect(test?.holds('The licence sold for 3 million yen.')).toBe(true);
    expect(answerTest('いくらで売られてたの？')?.holds('It cost $500.')).toBe(true);
    expect(answerTest('how much was the bounty on him')?.wanted).toBe('amount');
    expect(answerTest('How much was the software license going to cost?')?.wanted).toBe('amount');
  });

  it('wants a name given to a unit or a group', () => {
    const unit = answerTest('what is the name of the pla unit behind it');
    expect(unit?.holds('The group acted under the direction of a Chinese military unit.')).toBe(false);
    expect(answerTest('what is the hacking group called')?.holds('“Tick” is a Chinese hacking group.')).toBe(true);
  });

  it('wants a full name written as one of the names of an entity the question names', () => {
    const jaxa = [['JAXA', 'Japan Aerospace Exploration Agency']];
    expect(answerTest('JAXA full name please', jaxa)?.holds('The Japan Aerospace Exploration Agency (JAXA) was hit.')).toBe(true);
    expect(answerTest('JAXA full name please', jaxa)?.holds('JAXA was hit.')).toBe(false);
    // A name that is no entity's has no full name the case knows.
    expect(answerTest("what's wang's full name")?.holds('Wang Wenbin warned Japan.')).toBe(false);
    expect(answerTest('did he use his real name')).toBeUndefined();
  });

  it('wants a fact speaking of both people when asked whether two are one', () => {
    const wenbin = [['Wang Wenbin', '汪文斌']];
    // The case's people by name, word by word, as its aliases give them (AliasTable.personNames).
    const people = [['Wang', 'Wenbin']];
    const twoWangs = 'The report uses the name Wang for the suspect, and Wang Wenbin for the spokesperson.';
    const same = answerTest('is Wang Wenbin the same person as the Wang who tried to buy the software?', wenbin, people);
    expect(same?.wanted).toBe('identity');
    expect(same?.holds(twoWangs)).toBe(true);
    expect(same?.holds('Spokesperson Wang Wenbin warned Japan.')).toBe(false);
    expect(answerTest('are Wang the buyer and Wang Wenbin the same guy??', wenbin, people)?.holds(twoWangs)).toBe(true);
    // The engineer of one fact and the Wang of others: no fact speaks of both.
    const engineer = answerTest('did the systems engineer and wang turn out to be the same person', [], people);
    expect(engineer?.wanted).toBe('identity');
    expect(engineer?.holds('Police identified a Chinese systems engineer as a suspect.')).toBe(false);
    expect(
      answerTest('is the jaxa hacker the same person as the guy with the fake company')?.holds('an engineer identified as a suspect'),
    ).toBe(true);
    expect(answerTest('is this the same software as before')).toBeUndefined();
  });

  it('wants a technical indicator (a hash, an address, a domain) when one is asked for', () => {
    const iocs = answerTest('any IOCs from the jaxa intrusion? hashes, C2 IPs?');
    expect(iocs?.wanted).toBe('indicator');
    expect(iocs?.holds('The attackers used a rental server.')).toBe(false);
    expect(iocs?.holds('The implant called back to 203.0.113.7.')).toBe(true);
    expect(answerTest('did they hash out a deal')).toBeUndefined();
  });

  it('sets aside the names of what the question excludes ("besides jaxa")', () => {
    const jaxa = [['JAXA', 'Japan Aerospace Exploration Agency']];
    expect(answerTest('which other companies were attacked beside jaxa', jaxa)?.wanted).toBe('name');
    expect(answerTest('what are the other companies that got hit besides jaxa?', jaxa)?.wanted).toBe('name');
    const others = answerTest('which other organisations besides jaxa got hit?', jaxa);
    expect(others?.wanted).toBe('name');
    expect(others?.holds('The Japan Aerospace Exploration Agency (JAXA) was among the organisations hit.')).toBe(false);
    expect(others?.holds('Acme Labs was among the organisations hit.')).toBe(true);
    // "took place" is a verb, no place named.
    expect(answerTest('which other places besides jaxa were hit?', jaxa)?.holds('The attacks by Tick took place in 2016.')).toBe(false);
  });

  it('wants what an entity said told by a fact in which it speaks', () => {
    const jaxa = ['JAXA', 'Japan Aerospace Exploration Agency', '宇宙航空研究開発機構'];
    const test = answerTest('did JAXA say anything about being hacked?', [jaxa]);
    expect(test?.wanted).toBe('statement');
    expect(test?.holds('JAXA was among the targets of the attacks.')).toBe(false);
    expect(test?.holds('JAXA said no data had leaked.')).toBe(true);
  });

  it('wants a number or an ID when one is asked as the name', () => {
    const id = answerTest("what's tick's group ID?");
    expect(id?.holds('“Tick” is a Chinese hacking group.')).toBe(false);
    expect(id?.holds('Tick is tracked as G0060.')).toBe(true);
    expect(numbersThing('PLA Unit 61398 was named.', ['unit'])).toBe(true);
    expect(numbersThing('The attacks were in 2016 and 2017 against 200 companies.', ['unit'])).toBe(false);
  });

  it('wants a date of a question asking when', () => {
    for (const q of [
      'when exactly did the engineer leave japan',
      "when's the purchase from",
      'what year was it',
      'エンジニアはいつ出国したの？',
    ]) {
      const test = answerTest(q);
      expect(test?.wanted, q).toBe('date');
      expect(test?.holds('The engineer had left the country, Kato said.'), q).toBe(false);
      expect(test?.holds('The attempt took place in November 2016.'), q).toBe(true);
    }
    // "when" joining a clause, いつも ("always"): no date asked.
    expect(answerTest('what did wang say when the police questioned him')).toBeUndefined();
    expect(answerTest('中国側の反応は？どうせいつもの反論でしょ')).toBeUndefined();
  });

  it('wants how something came to light told of the one the question names', () => {
    const seller = 'The seller canceled the transaction after learning that the company did not exist.';
    const police = answerTest('how did police find out about him in the first place?');
    expect(police?.wanted).toBe('discovery');
    expect(police?.holds(seller)).toBe(false);
    expect(police?.holds('Police identified a suspect.')).toBe(false);
    expect(police?.holds('Police were tipped off by the seller.')).toBe(true);
    // The vendor is the seller of the facts; "they" and a passive name no one.
    expect(answerTest('how did the vendor catch on?')?.holds(seller)).toBe(true);
    expect(answerTest('how did the reseller figure it out?')?.holds(seller)).toBe(true);
    expect(answerTest('how did they figure out it was fake')?.holds(seller)).toBe(true);
    expect(answerTest('how were the attacks first detected')?.holds('The attacks took place in 2016.')).toBe(false);
  });

  it('wants nothing in particular of other questions', () => {
    for (const q of ['how much data was stolen', 'who is the suspect', 'how many companies were hit'])
      expect(answerTest(q), q).toBeUndefined();
  });
});

describe('asksStatementOf', () => {
  const jaxa = ['JAXA', 'Japan Aerospace Exploration Agency', '宇宙航空研究開発機構'];
  const tick = ['Tick', 'ティック'];

  it('reads what an entity said asked for, in English and Japanese', () => {
    for (const q of [
      'did JAXA say anything publicly about being hacked?',
      'did jaxa put out its own statement about the hack?',
      "what was JAXA's official response",
      'any statement from jaxa?',
      'has the Japan Aerospace Exploration Agency commented',
      'JAXAは何かコメントしてる？',
      '宇宙航空研究開発機構は何と言ってる？',
    ])
      expect(asksStatementOf(q, [tick, jaxa]), q).toEqual(jaxa);
  });

  it('reads no statement in questions about what happened to the entity, or what others said of it', () => {
    for (const q of [
      'was JAXA hacked',
      'is tick state sponsored or just freelancers',
      'what did kato say about jaxa',
      'JAXAは被害を受けたの？',
    ])
      expect(asksStatementOf(q, [tick, jaxa]), q).toBeUndefined();
  });
});

describe('speaks', () => {
  it('is true when the name, maybe with a title and a name, says something', () => {
    const kato = ['Katsunobu Kato', 'Kato', 'Chief Cabinet Secretary'];
    expect(speaks('Chief Cabinet Secretary Katsunobu Kato said police identified a suspect.', kato)).toBe(true);
    expect(speaks('The engineer had left the country, Kato said.', kato)).toBe(true);
    expect(speaks('According to Kato, the engineer used a rental server.', kato)).toBe(true);
    expect(speaks('Police identified an engineer, said Kato.', kato)).toBe(true);
    expect(speaks('Chinese Foreign Ministry spokesperson Wang Wenbin argued that …', ['Chinese Foreign Ministry'])).toBe(true);
  });

  it('is false when the name is only spoken of', () => {
    const pla = ["People's Liberation Army", "China's People's Liberation Army", 'PLA'];
    expect(speaks("Kato said China's People's Liberation Army is highly likely to be involved.", pla)).toBe(false);
    expect(speaks('JAXA was among the targets.', ['JAXA'])).toBe(false);
    expect(speaks('人民解放軍が関与', ['人民解放軍'])).toBe(false);
  });
});
