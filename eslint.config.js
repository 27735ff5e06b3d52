// Lint rules for the whole tree: typescript-eslint's recommended set, with the few rules this
// code base decides differently named and explained.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'temp/', 'test-artifacts/', 'api-report/', 'playground/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // TypeScript checks names in .ts files; the .mjs scripts run code in the page (page.evaluate) and in Node.
      'no-undef': 'off',
      // Unused parameters that document a signature (`_page`) are fine; unused variables are not.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `void promise` marks a deliberately unawaited call.
      'no-void': 'off',
      // Casts at the FAPI/JSON boundary and in tests are deliberate; `any` stays visible in review.
      '@typescript-eslint/no-explicit-any': 'off',
      // Short-circuit calls (`a && b()`) are used for optional callbacks.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    // Resource methods whose bodies load on first call are declared by an interface of the class's
    // name and installed on its prototype (defineLazyMethods): that merging is the design, not a slip.
    files: ['kernel/resources/*.ts', 'plugins/*/methods.ts'],
    rules: { '@typescript-eslint/no-unsafe-declaration-merging': 'off' },
  },
  {
    // The CommonJS consumer fixture checks what `require()` of the package types as.
    files: ['**/*.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
