import { Writable } from 'node:stream';
import { createServer } from 'node:net';
import { pino } from 'pino';
import { loadConfig } from '@taawoun/core';
import { createApi, type RunningApi } from '../apps/api/src/create-api.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * The HTTP edge: which client address the server believes (TRUST_PROXY), which request ids it
 * accepts, who may read /metrics, and the worker's own port. Everything observed over real HTTP.
 */

/** An API whose request log lines are captured, to see the client address the server uses. */
async function apiWithCapturedLog(
  databaseUrl: string,
  env: Record<string, string>,
): Promise<{ api: RunningApi; lines: Record<string, unknown>[] }> {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    PORT: '0',
    DATA_DIR: '.data/test',
    RUN_JOBS: 'false',
    ...env,
    DATABASE_URL: databaseUrl,
  });
  const logger = pino({ level: 'info' }, sink);
  const api = await createApi(config, { host: '127.0.0.1', logger });
  return { api, lines };
}

/** The client address logged for the request that carried `marker` in its URL. */
function loggedAddress(lines: Record<string, unknown>[], marker: string): unknown {
  const line = lines.find((l) => {
    const req = l.req as { url?: string } | undefined;
    return typeof req?.url === 'string' && req.url.includes(marker);
  });
  return (line?.req as { remoteAddress?: unknown } | undefined)?.remoteAddress;
}

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

describe('TRUST_PROXY', () => {
  it('is off by default: a forged X-Forwarded-For does not change the client address', async () => {
    const { api, lines } = await apiWithCapturedLog(t.databaseUrl, {});
    try {
      await fetch(`${api.url}/health?m=forged`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(loggedAddress(lines, 'm=forged')).toBe('127.0.0.1');
    } finally {
      await api.close();
    }
  });

  it('believes X-Forwarded-For only from a listed proxy', async () => {
    const trusted = await apiWithCapturedLog(t.databaseUrl, { TRUST_PROXY: '127.0.0.1/32, 10.0.0.1' });
    const untrusted = await apiWithCapturedLog(t.databaseUrl, { TRUST_PROXY: '10.0.0.1' });
    try {
      const headers = { 'x-forwarded-for': '203.0.113.9' };
      await fetch(`${trusted.api.url}/health?m=listed`, { headers });
      await fetch(`${untrusted.api.url}/health?m=unlisted`, { headers });
      expect(loggedAddress(trusted.lines, 'm=listed')).toBe('203.0.113.9');
      expect(loggedAddress(untrusted.lines, 'm=unlisted')).toBe('127.0.0.1');
    } finally {
      await trusted.api.close();
      await untrusted.api.close();
    }
  });

  it('refuses a malformed value, naming the variable', () => {
    // No `true` (any client could choose its address) and no hop count (Fastify 5 ignores them).
    for (const value of ['yes', '10.0.0.1/33', '127.0.0.1,,x', 'true', '1', '10.0.0.0/8,']) {
      expect(() => loadConfig({ NODE_ENV: 'test', TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    }
  });
});

describe('the request log', () => {
  it('writes one line per request, when it is answered, with the request id, status and time', async () => {
    const { api, lines } = await apiWithCapturedLog(t.databaseUrl, {});
    try {
      await fetch(`${api.url}/health?m=once`, { headers: { 'x-request-id': 'log-once-1' } });
      const mine = lines.filter((l) => l.reqId === 'log-once-1');
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        msg: 'request completed',
        req: { method: 'GET', url: '/health?m=once', remoteAddress: '127.0.0.1' },
        res: { statusCode: 200 },
      });
      expect(typeof mine[0].responseTime).toBe('number');
    } finally {
      await api.close();
    }
  });
});

describe('request ids', () => {
  const idOf = async (requestId: string): Promise<string | null> =>
    (await fetch(`${t.url}/health`, { headers: { 'x-request-id': requestId } })).headers.get('x-request-id');

  it('keeps a short well-formed id', async () => {
    expect(await idOf('trace-me_1.2')).toBe('trace-me_1.2');
    expect(await idOf('a'.repeat(64))).toBe('a'.repeat(64));
  });

  it('replaces a long or malformed id by a generated one', async () => {
    for (const bad of ['a'.repeat(65), 'has space', 'semi;colon', 'naïve', '<script>']) {
      const id = await idOf(bad);
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('generates one when none is given', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('/metrics outside production', () => {
  it('is open without METRICS_TOKEN', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(200);
  });

  it('asks for the token when METRICS_TOKEN is set', async () => {
    const dev = await startTestApi({ METRICS_TOKEN: 'd'.repeat(32) }, t.databaseUrl);
    try {
      expect((await fetch(`${dev.url}/metrics`)).status).toBe(401);
      const res = await fetch(`${dev.url}/metrics`, {
        headers: { authorization: `Bearer ${'d'.repeat(32)}` },
      });
      expect(res.status).toBe(200);
    } finally {
      await dev.close();
    }
  });
});

describe('/metrics in production', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(48) };

  it('is off when METRICS_TOKEN is unset', async () => {
    const prod = await startTestApi(production, t.databaseUrl);
    try {
      expect((await fetch(`${prod.url}/metrics`)).status).toBe(404);
      const res = await fetch(`${prod.url}/metrics`, { headers: { authorization: 'Bearer anything' } });
      expect(res.status).toBe(404);
    } finally {
      await prod.close();
    }
  });

  it('answers only with Authorization: Bearer $METRICS_TOKEN', async () => {
    const token = 'm'.repeat(40);
    const prod = await startTestApi({ ...production, METRICS_TOKEN: token }, t.databaseUrl);
    try {
      const get = (authorization?: string) =>
        fetch(`${prod.url}/metrics`, { headers: authorization ? { authorization } : {} });
      const none = await get();
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      expect(await none.text()).not.toContain('process_cpu_user_seconds_total');
      for (const wrong of [
        `Bearer ${token}x`,
        `Bearer ${'m'.repeat(39)}`,
        `Basic ${token}`,
        token,
        'Bearer ',
      ]) {
        expect((await get(wrong)).status).toBe(401);
      }
      const ok = await get(`Bearer ${token}`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('process_cpu_user_seconds_total');
    } finally {
      await prod.close();
    }
  });

  it('refuses a short METRICS_TOKEN', () => {
    expect(() =>
      loadConfig({ ...production, DATABASE_URL: 'postgres://x@h/d', METRICS_TOKEN: 'short' }),
    ).toThrow(/METRICS_TOKEN/);
  });
});

describe('the worker port', () => {
  async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      server.on('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
  }

  it('listens on WORKER_PORT, not on the shared PORT', async () => {
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    const worker = await startTestApi(
      { PORT: String(apiPort), WORKER_PORT: String(workerPort) },
      t.databaseUrl,
      'worker',
    );
    try {
      expect(worker.url).toBe(`http://127.0.0.1:${workerPort}`);
      expect((await fetch(`${worker.url}/health`)).status).toBe(200);
    } finally {
      await worker.close();
    }
  });

  it('defaults WORKER_PORT to 3001 and PORT to 3000', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.WORKER_PORT).toBe(3001);
    expect(config.PORT).toBe(3000);
  });
});
