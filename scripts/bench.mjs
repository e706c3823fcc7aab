// Runs the benchmarks one after another: every bench/*.bench.ts, or only those named
// (`npm run bench -- kindergarten-page cold-start`). Each writes bench/results/<name>.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const available = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();

const asked = process.argv.slice(2).map((a) => path.basename(a).replace(/(\.bench)?\.ts$/, ''));
const unknown = asked.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}`);
  console.error(`available: ${available.join(', ')}`);
  process.exit(2);
}

const names = asked.length > 0 ? asked : available;
const summary = [];
for (const name of names) {
  console.log(`\n== ${name}`);
  const started = Date.now();
  const run = spawnSync('npx', ['tsx', path.join('bench', `${name}.bench.ts`)], {
    cwd: root,
    stdio: 'inherit',
  });
  const result = path.join(benchDir, 'results', `${name}.json`);
  summary.push({
    benchmark: name,
    status: run.status === 0 ? 'ok' : `FAILED (exit ${run.status ?? run.signal})`,
    seconds: Math.round((Date.now() - started) / 1000),
    json: run.status === 0 && existsSync(result) ? path.relative(root, result) : '-',
  });
}

console.log('');
console.table(summary);
process.exit(summary.every((s) => s.status === 'ok') ? 0 : 1);
