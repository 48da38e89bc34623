import { describe, expect, it } from 'vitest';
import { namedPlaces } from '../../src/search/places.js';

describe('namedPlaces', () => {
  it('finds countries by their English or Japanese names, in any letter case', () => {
    expect(namedPlaces('did tick also hack companies in South Korea?')).toEqual(['South Korea']);
    expect(namedPlaces('is the pla doing drills around taiwan')).toEqual(['Taiwan']);
    expect(namedPlaces('人民解放軍の台湾周辺での演習')).toEqual(['Taiwan']);
    expect(namedPlaces('米国政府の反応は')).toEqual(['United States']);
    // Continents no region code names (not Asia: the case is in it).
    expect(namedPlaces('are there chinese police stations in europe')).toEqual(['Europe']);
    expect(namedPlaces('was this the biggest hack in east asia')).toEqual([]);
    expect(namedPlaces('アメリカは何か言った？')).toEqual(['United States']);
    expect(namedPlaces('did china hack japan')).toEqual(['China', 'Japan']);
    // A people's adjective made by an ending (Korean, Russian, Taiwanese, Iranian, Israeli).
    expect(namedPlaces('are north korean hackers behind it')).toEqual(['North Korea']);
    expect(namedPlaces('russian or taiwanese or iranian or israeli')).toEqual(['Russia', 'Taiwan', 'Iran', 'Israel']);
    expect(namedPlaces('does anyone here read korean')).toEqual(['South Korea']);
  });

  it('reads abbreviations only as typed in capitals, and common other names', () => {
    expect(namedPlaces('what did the US government say')).toEqual(['United States']);
    expect(namedPlaces('the U.S. reaction')).toEqual(['United States']);
    expect(namedPlaces('was america hit too')).toEqual(['United States']);
    expect(namedPlaces('tell us more')).toEqual([]);
    expect(namedPlaces('is this for us or for them')).toEqual([]);
    expect(namedPlaces('has the pla hacked the us too?')).toEqual(['United States']);
    expect(namedPlaces('millions of us gov employee records')).toEqual(['United States']);
    expect(namedPlaces('the UK and the UN')).toEqual(['United Kingdom', 'United Nations']);
    expect(namedPlaces('Has the Tick group attacked any companies outside Japan?')).toEqual(['Japan', 'elsewhere']);
    expect(namedPlaces('did the engineer flee abroad')).toEqual([]);
  });

  it('does not find a name inside another word, nor a region name that is mostly another word', () => {
    // "oman" in "woman", インド in ウインドウズ, タイ in ネクタイ.
    expect(namedPlaces('the woman who gave the orders')).toEqual([]);
    expect(namedPlaces('ウインドウズのネクタイ')).toEqual([]);
    expect(namedPlaces('jordan shoes for chad')).toEqual([]);
  });
});
