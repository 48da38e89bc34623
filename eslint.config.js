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
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
