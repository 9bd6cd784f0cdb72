import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { frontDoorRule } from './scripts/eslint-front-door.js';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'main/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]", message: 'No .only in committed tests.' },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'bench/**/*.{js,mjs,ts}', 'e2e/**/*.ts', '*.config.{js,ts,cjs}', 'electron.vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // better-sqlite3's and drizzle's `.transaction` begin deferred: a write there that reads first fails at once
    // (SQLITE_BUSY / SQLITE_BUSY_SNAPSHOT) whenever another connection writes, instead of waiting its turn.
    files: ['main/**/*.{ts,mjs}', 'bench/**/*.{ts,mjs}', 'scripts/**/*.{ts,mjs}', 'e2e/**/*.ts'],
    ignores: ['main/db/transactions.ts', 'main/webhooks/store/attempt-log.worker.mjs'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          property: 'transaction',
          message: 'Use writeTransaction / defineWriteTransaction (BEGIN IMMEDIATE) or readTransaction / defineReadTransaction from main/db (main/db/transactions.ts).',
        },
      ],
    },
  },
  {
    // Production code reaches another main/ folder only through its front door (main/<folder>/index.ts), so each
    // folder decides what it offers; and it never imports test-only code (scripts/eslint-front-door.js).
    files: ['main/**/*.{ts,mts,mjs}', 'preload/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-*.ts', '**/*-fixture*.ts', 'main/test-support/**', '**/simulator/**'],
    plugins: { kayse: { rules: { 'front-door': frontDoorRule } } },
    rules: { 'kayse/front-door': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The renderer and shared code must not reach into main or Node.
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**', 'node:*', 'electron'], message: 'Renderer/shared code runs without Node: go through the contract.' }] }],
    },
  },
  {
    // `tables.changed` goes out from one place, which holds it until the write commits (main/kernel/tables-changed.ts).
    // A later block's no-restricted-syntax replaces the earlier one's, so the `.only` selector is repeated here.
    files: ['main/**/*.ts'],
    ignores: ['main/kernel/tables-changed.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]", message: 'No .only in committed tests.' },
        {
          selector: "CallExpression[callee.property.name='emit'][arguments.0.value='tables.changed']",
          message: "Announce changed tables with announceChanged(events, tables) from main/kernel: it waits for the commit and announces a transaction's writes once.",
        },
      ],
    },
  },
);
