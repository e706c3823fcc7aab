// The one test command: formatting, lint, type checks, the web build, then every test
// (unit, integration on PGlite and on PostgreSQL when TEST_DATABASE_URL is set, browser).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const steps = [
  ['prettier', ['npx', 'prettier', '--check', '--log-level', 'warn', '.']],
  ['eslint', ['npx', 'eslint', '--max-warnings', '0', '.']],
  ['tsc (node)', ['npx', 'tsc', '-p', 'tsconfig.json']],
  ['tsc (web)', ['npx', 'tsc', '-p', 'apps/web/tsconfig.json']],
  ['web build', ['npm', 'run', '--silent', 'build:web']],
];
const only = process.argv.slice(2);

for (const [name, cmd] of steps) {
  if (only.length > 0) break;
  const started = Date.now();
  const result = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit' });
  console.log(`${name}: ${result.status === 0 ? 'ok' : 'FAILED'} (${Date.now() - started} ms)`);
  if (result.status !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

mkdirSync('test-results', { recursive: true });
const vitest = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/vitest.json',
    ...only,
  ],
  { stdio: 'inherit' },
);
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numRuntimeErrors ?? 0);
  skipped = report.numPendingTests + report.numTodoTests;
} catch {
  failed = Math.max(failed, 1);
}
if (vitest.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(vitest.status === 0 && failed === 0 ? 0 : 1);
