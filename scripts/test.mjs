// `npm test`: Jest (ESM mode, which NestJS 12 needs: unit and end-to-end specs, browser journeys),
// then Vitest (the web app's component tests, apps/web/src/**/*.test.ts(x)), then one plain closing
// line "tests: N passed, N failed, N skipped" summing both, for tools that read a run's last line.
// Extra arguments: paths under apps/web go to Vitest, everything else to Jest
// (`npm test -- test/catalog`, `npm test -- apps/web/src/lib`); with only paths of one kind,
// only that runner runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const isWebPath = (a) => a.startsWith('apps/web');
const webPaths = args.filter(isWebPath);
const jestArgs = args.filter((a) => !isWebPath(a));
const jestPaths = jestArgs.filter((a) => !a.startsWith('-'));
const runJest = webPaths.length === 0 || jestPaths.length > 0;
const runVitest = webPaths.length > 0 || jestPaths.length === 0;

mkdirSync('.data', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let status = 0;

/** Adds a runner's JSON report (Jest's format; Vitest's json reporter writes the same) to the totals. */
function count(file) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    rmSync(file);
  } catch {
    // The runner failed before writing results (e.g. a configuration error): its exit code says so.
  }
}

function run(args, stdout) {
  const result = spawnSync(process.execPath, args, { stdio: ['inherit', stdout, 'inherit'] });
  if (result.status !== 0) status = result.status ?? 1;
}

if (runJest) {
  const results = path.resolve('.data', `jest-results-${process.pid}.json`);
  run(
    [
      '--experimental-vm-modules',
      '--no-warnings',
      require.resolve('jest/bin/jest'),
      '--json',
      `--outputFile=${results}`,
      ...jestArgs,
    ],
    'ignore',
  ); // Jest reports on stderr; its stdout is the JSON also written to the file
  count(results);
}
if (runVitest) {
  const results = path.resolve('.data', `vitest-results-${process.pid}.json`);
  const vitest = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  run(
    [
      vitest,
      'run',
      '--config',
      'apps/web/vite.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results}`,
      ...webPaths.map((p) => path.relative('apps/web', p)),
    ],
    'inherit',
  );
  count(results);
}
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(status);
