// The production build of the API (dist/apps) that the bench smoke test (test/bench-smoke) runs:
// built once per Jest run (global setup) when missing or older than its sources, so that
// `npm ci && npm test` works on a fresh clone without a prior `npm run build`. CI builds before it
// tests, so there this finds the build fresh and does nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['apps/api', 'apps/worker', 'apps/cli', 'libs', 'migrations', 'tsconfig.build.json'];
export const SERVER_ENTRY = path.join('dist', 'apps', 'api', 'src', 'main.js');

function newestMtime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Whether dist/apps is missing or older than a source file of the server. */
export function serverBuildIsStale(): boolean {
  if (!existsSync(SERVER_ENTRY)) return true;
  const built = statSync(SERVER_ENTRY).mtimeMs;
  return SOURCES.some((s) => existsSync(s) && newestMtime(s) > built);
}

/** Compiles the server (tsc + tsc-alias, as `npm run build` does) when stale; throws with its output on failure. */
export function ensureServerBuilt(): void {
  if (!serverBuildIsStale()) return;
  process.stderr.write('\nBuilding the API for the tests (tsc -p tsconfig.build.json)…\n');
  for (const [command, args] of [
    ['npx', ['tsc', '-p', 'tsconfig.build.json']],
    ['npx', ['tsc-alias', '-p', 'tsconfig.build.json']],
  ] as const) {
    const result = spawnSync(command, args, { encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(
        `${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
      );
  }
}
