import { describe, expect, it } from 'vitest';
import { CATALOGS, EN, JA, catalogFor, format, placeholdersOf, type MessageKey } from '../../src/answer/locale/index.js';
import { en } from '../../src/answer/locale/en.js';

const keys = Object.keys(en).sort();

describe('the catalogs', () => {
  it('have exactly the same keys in every locale', () => {
    for (const catalog of Object.values(CATALOGS)) expect(Object.keys(catalog.messages).sort()).toEqual(keys);
  });

  it('have no empty value', () => {
    for (const catalog of Object.values(CATALOGS)) {
      for (const [key, value] of Object.entries(catalog.messages)) expect(value.trim(), `${catalog.locale} ${key}`).not.toBe('');
    }
  });

  it('use the same placeholders as English in every locale', () => {
    for (const catalog of Object.values(CATALOGS)) {
      for (const key of keys) {
        const k = key as MessageKey; // keys come from Object.keys(en): each is a MessageKey
        expect(placeholdersOf(catalog.messages[k]), `${catalog.locale} ${key}`).toEqual(placeholdersOf(en[k]));
      }
    }
  });

  it('pair every _one key with an _other key', () => {
    for (const key of keys) {
      if (key.endsWith('_one')) expect(keys).toContain(key.replace(/_one$/, '_other'));
      if (key.endsWith('_other')) expect(keys).toContain(key.replace(/_other$/, '_one'));
    }
  });

  it('is chosen by the interaction’s locale: ja is Japanese, anything else English', () => {
    expect(catalogFor('ja')).toBe(JA);
    for (const locale of ['en-US', 'en-GB', 'fr', 'zh-CN', '', null, undefined]) expect(catalogFor(locale)).toBe(EN);
  });

  it('fills placeholders and picks the plural form', () => {
    expect(EN.t('queryTooLong', { max: 200 })).toBe('That question is too long — please keep it under 200 characters.');
    expect(EN.tn('cooldown', 1, {})).toBe(
      '-# Only you see this answer: you asked again within the cooldown, so it did not go to the channel (public again in 1 second).',
    );
    expect(EN.tn('cooldown', 3, {})).toBe(
      '-# Only you see this answer: you asked again within the cooldown, so it did not go to the channel (public again in 3 seconds).',
    );
    expect(JA.tn('cooldown', 3, {})).toBe(
      '-# この回答はあなたにだけ表示されています。間隔をあけずに質問されたため、チャンネルには投稿していません（3秒後から再び公開で回答します）。',
    );
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
