// The built web app the journeys (test/web/) and the serving test need: built once per Jest run
// (global setup) when missing or older than its sources, so `npm ci && npm test` works on a fresh
// clone without a prior `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['apps/web', 'schema.graphql'];
const GENERATED = path.join('apps', 'web', 'src', 'gql');
export const WEB_INDEX = path.join('dist', 'web', 'index.html');

function newestMtime(entry: string): number {
  if (entry === GENERATED) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Whether dist/web is missing or older than a file of apps/web or the schema. */
export function webBuildIsStale(): boolean {
  if (!existsSync(WEB_INDEX)) return true;
  const built = statSync(WEB_INDEX).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

/** Runs `npm run web:build` when the build is stale; throws with its output when it fails. */
export function ensureWebBuilt(): void {
  if (!webBuildIsStale()) return;
  process.stderr.write('\nBuilding the web app for the tests (npm run web:build)…\n');
  const result = spawnSync('npm', ['run', 'web:build', '--silent'], { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`npm run web:build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
}
