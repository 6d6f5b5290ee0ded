import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Data access lives in repositories (`*.repository.ts`): every SQL statement and every TypeORM
 * repository call of a table in one typed place. This ratchet counts the data-access calls left
 * anywhere else in apps/ and libs/; `test/support/data-access-todo.txt` lists them per file and may
 * only shrink: a new file with SQL, or more calls in a listed file, fails; so does a listed count
 * that is no longer true (update the list when a file gets cleaner: `UPDATE_DATA_ACCESS_TODO=1`).
 */
const root = path.resolve(import.meta.dirname, '..');
const todoFile = path.join(root, 'test/support/data-access-todo.txt');

/** Where SQL belongs: repositories, the database plumbing itself, migrations and the bench's bulk path. */
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
    if (allowed(file)) continue;
    const text = readFileSync(path.join(root, file), 'utf8');
    const n = CALLS.reduce((sum, call) => sum + count(text, call), 0);
    if (n > 0) found.set(file, n);
  }
  return found;
}

function readTodo(): Map<string, number> {
  const todo = new Map<string, number>();
  for (const line of readFileSync(todoFile, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [n, file] = line.trim().split(/\s+/, 2);
    todo.set(file, Number(n));
  }
  return todo;
}

describe('data access only in repositories', () => {
  const found = dataAccessOutsideRepositories();
  if (process.env.UPDATE_DATA_ACCESS_TODO === '1') {
    const header =
      '# Data-access calls still outside repositories, per file (count, path). Only shrinks: see test/data-access.spec.ts.\n';
    writeFileSync(todoFile, header + [...found].map(([file, n]) => `${n} ${file}`).join('\n') + '\n');
  }
  const todo = readTodo();

  it('no file outside repositories gains data-access calls', () => {
    const grown = [...found]
      .filter(([file, n]) => n > (todo.get(file) ?? 0))
      .map(([file, n]) => `${file}: ${n} (allowed ${todo.get(file) ?? 0}); move the SQL into a repository`);
    expect(grown).toEqual([]);
  });

  it('the to-do list is exact (it only shrinks)', () => {
    const stale = [...todo]
      .filter(([file, n]) => (found.get(file) ?? 0) < n)
      .map(([file, n]) => `${file}: listed ${n}, now ${found.get(file) ?? 0}`);
    expect(stale).toEqual([]);
  });
});
