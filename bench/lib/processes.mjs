// Child processes of the bench: the API (production build), the floor, the load generator, the
// seeder; and the RSS/CPU sampler of a server process (/proc, Linux).
import { fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const READY_TIMEOUT_MS = 120_000;

/** Starts `node <script>` and resolves once a stdout line matches `ready` (its match), with a log file. */
function startNode(script, env, ready, logFile) {
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stderr.pipe(log);
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} not ready after ${READY_TIMEOUT_MS / 1000} s (log: ${logFile})`));
    }, READY_TIMEOUT_MS);
    child.stdout.on('data', (chunk) => {
      log.write(chunk);
      if (seen === null) return;
      seen += chunk.toString('utf8');
      const match = seen.match(ready);
      if (match) {
        seen = null;
        clearTimeout(timer);
        resolve({ child, match, stop: () => stopChild(child) });
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code ?? signal}) before it was ready; see ${logFile}`));
    });
  });
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The API's production build in its own process, with BENCH_MODE (x-sql-queries) on. */
export async function startApi({ databaseUrl, port, logFile }) {
  const env = {
    NODE_ENV: 'production',
    BENCH_MODE: 'true',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    JWT_SECRET: randomBytes(36).toString('base64'),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    RUN_JOBS: 'false',
    ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}),
  };
  const api = await startNode('dist/apps/api/src/main.js', env, /Taawoun is running/, logFile);
  return { ...api, url: `http://127.0.0.1:${port}/graphql` };
}

/** bench/floor.mjs in its own process. */
export async function startFloor({ databaseUrl, logFile }) {
  const floor = await startNode(
    'bench/floor.mjs',
    {
      DATABASE_URL: databaseUrl,
      ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}),
    },
    /listening (\d+)/,
    logFile,
  );
  return { ...floor, url: `http://127.0.0.1:${floor.match[1]}/graphql` };
}

/** Runs one job in a fresh load-generator process (bench/load.mjs) and answers its result. */
export function runLoad(job) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(ROOT, 'bench', 'load.mjs'), [], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer = null;
    child.once('message', (message) => (answer = message));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (answer?.ok) resolve(answer.result);
      else reject(new Error(`load generator failed (exit ${code}): ${answer?.error ?? 'no answer'}`));
    });
    child.send(job);
  });
}

/** Runs `node dist/apps/cli/src/seed.js --products N --cooperatives M` on the database. */
export function seed({ databaseUrl, products, cooperatives, logFile }) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['dist/apps/cli/src/seed.js', '--products', String(products), '--cooperatives', String(cooperatives)],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'development',
          LOG_LEVEL: 'error',
          DATABASE_URL: databaseUrl,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const log = createWriteStream(logFile, { flags: 'a' });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`seeding failed (exit ${code}); see ${logFile}`)),
    );
  });
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function readProc(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { rssMb: rssKb / 1024, ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** Samples a process's RSS every 500 ms and its CPU time, from start() to stop(). */
export function sampler(pid) {
  let samples = [];
  let timer = null;
  let first = null;
  let started = 0;
  return {
    start() {
      samples = [];
      first = readProc(pid);
      started = performance.now();
      if (first) samples.push(first.rssMb);
      timer = setInterval(() => {
        const now = readProc(pid);
        if (now) samples.push(now.rssMb);
      }, 500);
    },
    stop() {
      clearInterval(timer);
      const last = readProc(pid);
      if (last) samples.push(last.rssMb);
      if (!first || !last || samples.length === 0) return null;
      const seconds = (performance.now() - started) / 1000;
      return {
        rssStartMb: samples[0],
        rssEndMb: samples.at(-1),
        rssMaxMb: Math.max(...samples),
        cpuPercent: ((last.ticks - first.ticks) / TICKS_PER_SECOND / seconds) * 100,
      };
    },
  };
}
