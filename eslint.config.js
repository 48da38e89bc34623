// @ts-check
/**
 * Lint rules: typescript-eslint's strict, type-checked set — the rules that catch real mistakes in
 * typed code (floating promises, unsafe `any`, needless conditions) — with the few exceptions below,
 * each for a reason. Formatting is Prettier's job (`.prettierrc.json`), not ESLint's.
 */
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', '.scratch/**', 'coverage/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Template literals with numbers are how messages are written here (`${count} facts`).
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `(x) => log.info(x)` and `() => resolve()` are the idiom for callbacks; a void result in a
      // shorthand arrow confuses nobody.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Spreading a string into code points is deliberate here: lengths and slices of names and
      // quotes count characters (CJK, emoji), never UTF-16 units; no grapheme logic is wanted.
      '@typescript-eslint/no-misused-spread': 'off',
      // A leading underscore marks a parameter a signature needs and the body does not.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Test fakes implement async interfaces without awaiting anything; vitest's asymmetric matchers
    // (`expect.objectContaining`) are typed `any`; tests may assert that a value they just checked
    // exists, and clean up with `?.` what a failed `beforeAll` may never have set.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Tests read Discord's JSON as untyped records and compare text with String(value).
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The fake Discord speaks the wire protocol: raw numbers where discord-api-types has enums, and
    // every field Discord still sends, deprecated or not.
    files: ['test/e2e/fake-discord/**/*.ts', 'test/bot/respond.test.ts'],
    rules: {
      '@typescript-eslint/no-deprecated': 'off',
      '@typescript-eslint/no-unsafe-enum-assignment': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
