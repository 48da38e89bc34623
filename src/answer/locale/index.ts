/**
 * Catalogs of member-facing strings, one per locale, and how one is chosen: Discord's
 * `interaction.locale` ('ja' → Japanese, anything else → English). Renderers take a {@link Catalog}
 * as a parameter (English by default, for the console and `npm run ask`): there is no global
 * "current locale".
 */
import { en, type MessageKey, type Messages } from './en.js';
import { ja } from './ja.js';

export type { MessageKey, Messages };

/** The locales with a catalog. */
export type CatalogLocale = 'en' | 'ja';

/** The `{names}` in a template, as a union of string literals. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** The values a key's English template needs; no argument at all for a key without placeholders. */
type VarsOf<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never]
  ? []
  : [vars: { readonly [P in Placeholders<(typeof en)[K]>]: string | number }];

/** Keys `base` that have both `base_one` and `base_other`. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}_one` ? (`${B}_other` extends MessageKey ? B : never) : never;
}[MessageKey];

export interface Catalog {
  readonly locale: CatalogLocale;
  readonly messages: Messages;
  /**
   * The message `key` with its `{placeholders}` filled in.
   *
   * @example
   * EN.t('queryTooLong', { max: 200 }) // 'That question is too long — please keep it under 200 characters.'
   */
  t<K extends MessageKey>(key: K, ...vars: VarsOf<K>): string;
  /**
   * The `_one` or `_other` form of `base` for `count` (which is also its `{count}`).
   *
   * @example
   * EN.tn('answer.results', 7, {}) // '7 results'
   */
  tn<B extends PluralBase>(base: B, count: number, vars: Omit<VarsOf<`${B}_other` & MessageKey>[0] & object, 'count'>): string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` from `vars`; a name without a value stays as written (a test keeps that from happening). */
export function format(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** The placeholder names of a template, sorted (for the catalogs' consistency test). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').sort();
}

function makeCatalog(locale: CatalogLocale, messages: Messages): Catalog {
  const lookup = (key: MessageKey, vars: Readonly<Record<string, string | number>> | undefined): string =>
    format(messages[key], vars ?? {});
  return {
    locale,
    messages,
    t: (key, ...vars) => lookup(key, vars[0]),
    tn: (base, count, vars) => {
      const form = count === 1 ? 'one' : 'other';
      // PluralBase guarantees both forms exist; the template literal type is checked there.
      const key = `${base}_${form}` as const;
      return lookup(key, { ...vars, count });
    },
  };
}

export const EN: Catalog = makeCatalog('en', en);
export const JA: Catalog = makeCatalog('ja', ja);

/** Every catalog, by locale. */
export const CATALOGS: Readonly<Record<CatalogLocale, Catalog>> = { en: EN, ja: JA };

/**
 * The catalog for a Discord locale: 'ja' → Japanese; anything else (en-US, fr, absent) → English.
 *
 * @example
 * catalogFor('ja').locale    // 'ja'
 * catalogFor('pt-BR').locale // 'en'
 */
export function catalogFor(locale: string | null | undefined): Catalog {
  return locale === 'ja' ? JA : EN;
}
