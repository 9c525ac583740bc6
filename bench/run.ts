/**
 * npm run bench — every benchmark of the project, one after another. Benchmarks measure
 * timings and memory; tests never do.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const benches = ['start.ts', 'argon2.ts', 'pages.ts'];
for (const file of benches) {
  console.log(`\n### ${file}`);
  const r = spawnSync(process.execPath, [path.join(import.meta.dirname, file)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
