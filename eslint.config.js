// The linter keeps the rooms of the architecture apart (see docs/architecture.md):
// only the Electron glue imports `electron`; the renderer sees the backend only through the
// contract's types; shared code (electron/common) runs in every process, so it imports no Node.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const electronModules = ['electron', 'electron/*', 'electron-store'];
const electronOnly = {
  paths: electronModules.filter((name) => !name.includes('*')).map((name) => ({
    name,
    message: 'Only the Electron glue (electron/main/ and electron/preload/) may import Electron.',
  })),
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['electron/**/*.ts', 'test/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', electronOnly] },
  },
  {
    files: ['electron/backend/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        ...electronOnly,
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'The backend imports no UI.' },
          { group: ['**/renderer/**'], message: 'The backend imports no UI.' },
          { group: ['**/electron/main/**', '**/electron/preload/**', '../main/**', '../../main/**', '../preload/**'], message: 'The backend never depends on the Electron glue.' },
        ],
      }],
    },
  },
  {
    files: ['electron/common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        ...electronOnly,
        patterns: [
          { group: ['node:*', 'fs', 'path', 'http', 'crypto'], message: 'Shared code runs in every process: no Node modules.' },
          { group: ['**/backend/**', '**/main/**', '**/preload/**', '**/renderer/**', 'react', 'react-dom'], message: 'Shared code depends on nothing but itself.' },
        ],
      }],
    },
  },
  {
    // Hooks called in a stable order, with honest dependency lists.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        ...electronOnly,
        patterns: [
          { group: ['node:*'], message: 'The renderer is sandboxed: no Node.' },
          { group: ['**/electron/backend/**', '**/electron/main/**', '**/electron/preload/**'], message: 'The renderer talks to the backend only through window.workbench (electron/common/contract).' },
        ],
      }],
    },
  },
);
