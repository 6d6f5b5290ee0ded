import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { environment } from './environment.js';
import { ConfigError, loadConfig } from './load-config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('says a non-number is not an integer, rather than out of range', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual(['PORT must be an integer number']);
  });

  it('accepts only a Stripe publishable key as STRIPE_PUBLISHABLE_KEY (never a secret one)', () => {
    expect(problemsOf({ STRIPE_PUBLISHABLE_KEY: 'pk_test_abc123' })).toEqual([]);
    expect(problemsOf({ STRIPE_PUBLISHABLE_KEY: 'sk_test_abc123' })).toEqual([
      'STRIPE_PUBLISHABLE_KEY must look like pk_test_… or pk_live_…',
    ]);
  });

  it('has working defaults for development', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      COMMISSION_BPS: 500,
      CARD_HOLD_MINUTES: 30,
    });
    expect(config.RUN_JOBS).toBe(true);
    expect(config.BENCH_MODE).toBe(false);
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('reads numbers, booleans and URLs from strings', () => {
    const config = loadConfig({
      PORT: '8080',
      RUN_JOBS: 'false',
      DATABASE_URL: 'postgres://u:p@db:5432/x',
      PUBLIC_URL: 'https://taawoun.ma/',
    });
    expect(config).toMatchObject({ PORT: 8080, RUN_JOBS: false, DATABASE_URL: 'postgres://u:p@db:5432/x' });
    expect(config.publicUrl).toBe('https://taawoun.ma');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ COMMISSION_BPS: '-1' }, 'COMMISSION_BPS'],
    [{ RUN_JOBS: 'yes' }, 'RUN_JOBS'],
    [{ BENCH_MODE: '1' }, 'BENCH_MODE'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ASSET_STORAGE: 'ftp' }, 'ASSET_STORAGE'],
    [{ ASSET_STORAGE: 's3' }, 'S3_BUCKET'],
    [{ S3_ACCESS_KEY_ID: 'key' }, 'S3_SECRET_ACCESS_KEY'],
    [{ S3_FORCE_PATH_STYLE: 'yes' }, 'S3_FORCE_PATH_STYLE'],
    [{ ASSET_MAX_BYTES: '10' }, 'ASSET_MAX_BYTES'],
    [{ ASSET_MAX_PIXELS: '0' }, 'ASSET_MAX_PIXELS'],
  ])('refuses %j naming %s', (env, variable) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(variable);
  });

  it('requires JWT_SECRET and DATABASE_URL in production, and turns jobs off by default there', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.join('\n')).toMatch(/JWT_SECRET/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgres://db/x',
    });
    expect(config.RUN_JOBS).toBe(false);
  });
});

describe('environment', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'taawoun-env-'));
  const file = path.join(dir, '.env');
  writeFileSync(file, 'PORT=4000\nLOG_LEVEL=debug\n');

  it('reads .env outside production, real variables winning', () => {
    expect(environment({ LOG_LEVEL: 'warn' }, file)).toMatchObject({ PORT: '4000', LOG_LEVEL: 'warn' });
  });

  it('ignores .env in production', () => {
    expect(environment({ NODE_ENV: 'production' }, file)).toEqual({ NODE_ENV: 'production' });
  });
});
