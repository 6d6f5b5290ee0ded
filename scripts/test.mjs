// `npm test`: Jest (ESM mode, which NestJS 12 needs), then one plain closing line
// "tests: N passed, N failed, N skipped" for tools that read a run's last line.
// Extra arguments go to Jest: `npm test -- test/catalog`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const results = path.resolve('.data', `jest-results-${process.pid}.json`);
mkdirSync(path.dirname(results), { recursive: true });
const jest = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--no-warnings',
    require.resolve('jest/bin/jest'),
    '--json',
    `--outputFile=${results}`,
    ...process.argv.slice(2),
  ],
  { stdio: ['inherit', 'ignore', 'inherit'] },
);
let summary = 'tests: 0 passed, 0 failed';
try {
  const r = JSON.parse(readFileSync(results, 'utf8'));
  summary = `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
  rmSync(results);
} catch {
  // Jest failed before writing results (e.g. a configuration error): its exit code says so.
}
process.stdout.write(`${summary}\n`);
process.exit(jest.status ?? 1);
