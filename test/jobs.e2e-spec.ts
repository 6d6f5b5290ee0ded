import { Db, Jobs } from '@taawoun/core';
import { startTestApi, type TestApi } from './support/test-api.js';

/** Jobs enqueue inside the caller's transaction and run on a process with RUN_JOBS=true. */
let t: TestApi;
let jobs: Jobs;
let db: Db;

beforeAll(async () => {
  t = await startTestApi({ RUN_JOBS: 'true' });
  jobs = t.api.app.get(Jobs);
  db = t.api.app.get(Db);
  await t.sql(`CREATE TABLE job_probe (label text PRIMARY KEY)`);
  await jobs.register<{ label: string }>('test.probe', async ({ label }) => {
    await db.query(`INSERT INTO job_probe (label) VALUES ($1) ON CONFLICT DO NOTHING`, [label]);
  });
});
afterAll(() => t.close());

async function queued(label: string): Promise<number> {
  const rows = await t.sql<{ n: string }>(
    `SELECT count(*) AS n FROM pgboss.job WHERE name = 'test.probe' AND data->>'label' = $1`,
    [label],
  );
  return Number(rows[0].n);
}

async function eventually(check: () => Promise<boolean>, attempts = 100): Promise<boolean> {
  for (let i = 0; i < attempts; i += 1) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

it('a job sent in a transaction that rolls back never exists', async () => {
  await expect(
    db.transaction(async () => {
      await jobs.send('test.probe', { label: 'rolled-back' });
      expect(await db.query(`SELECT 1 FROM pgboss.job WHERE data->>'label' = 'rolled-back'`)).toHaveLength(1);
      throw new Error('abort');
    }),
  ).rejects.toThrow('abort');
  expect(await queued('rolled-back')).toBe(0);
});

it('a job sent in a committed transaction runs on the worker', async () => {
  await db.transaction(() => jobs.send('test.probe', { label: 'committed' }));
  expect(await queued('committed')).toBe(1);
  const ran = await eventually(
    async () => (await t.sql(`SELECT 1 FROM job_probe WHERE label = 'committed'`)).length === 1,
  );
  expect(ran).toBe(true);
});

it('refuses unknown job names', async () => {
  await expect(jobs.send('nope', {})).rejects.toThrow('Unknown job nope');
});
