import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Data access lives in repositories (`*.repository.ts`): every SQL statement and every TypeORM
 * repository call of a table in one typed place. No file anywhere else in apps/ or libs/ may
 * reach the database: a service, resolver, loader, job or CLI command calls a repository.
 */
const root = path.resolve(import.meta.dirname, '..');

/** Where SQL belongs: repositories, the database plumbing itself (core's Db, the job queue) and migrations. */
function allowed(file: string): boolean {
  return (
    file.endsWith('.repository.ts') ||
    file.startsWith('libs/core/src/database/') ||
    file.startsWith('libs/core/src/jobs/') ||
    file.startsWith('apps/cli/src/migration-') ||
    file.endsWith('.spec.ts')
  );
}

/** Calls that reach the database: raw SQL, query builders, TypeORM repositories. */
const CALLS = ['.query(', '.query<', 'createQueryBuilder(', '.execute(', '.repo('];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

function count(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) n += 1;
  return n;
}

function dataAccessOutsideRepositories(): Map<string, number> {
  const found = new Map<string, number>();
  for (const file of [...sourceFiles('apps'), ...sourceFiles('libs')].sort()) {
    // The web app runs in the browser: its `.query(` calls are GraphQL requests to the API.
    if (allowed(file) || file.startsWith('apps/web/')) continue;
    const text = readFileSync(path.join(root, file), 'utf8');
    const n = CALLS.reduce((sum, call) => sum + count(text, call), 0);
    if (n > 0) found.set(file, n);
  }
  return found;
}

describe('data access only in repositories', () => {
  it('no file outside repositories calls the database', () => {
    const outside = [...dataAccessOutsideRepositories()].map(
      ([file, n]) => `${file}: ${n} data-access call(s); move the SQL into a repository`,
    );
    expect(outside).toEqual([]);
  });
});
