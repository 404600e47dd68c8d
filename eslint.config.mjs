import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const layerRule = (modules, message, patterns = []) => [
  'error',
  {
    paths: modules.map((name) => ({ name, message })),
    patterns: patterns.map((group) => ({ group: [group], message })),
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist-renderer',
      'dist-phone',
      'dist-electron',
      'release',
      'test-results',
      '.bench',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': layerRule(
        ['dexie', 'dexie-react-hooks', 'electron'],
        'Only renderer/src/persistence talks to Dexie; the renderer never imports electron.',
      ),
    },
  },
  {
    files: ['renderer/src/persistence/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': layerRule(
        ['electron', 'react', 'zustand'],
        'Persistence does not reach up into the UI.',
      ),
    },
  },
  {
    files: ['renderer/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': layerRule(
        [
          'react',
          'react-dom',
          'dexie',
          'dexie-react-hooks',
          'zustand',
          'electron',
          'i18next',
          'react-i18next',
        ],
        'The domain is pure TypeScript: no React, Dexie, zustand, DOM, i18n or Electron.',
        ['@dnd-kit/*', '../*'],
      ),
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: { 'no-console': 'off' },
  },
);
