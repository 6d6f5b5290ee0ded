import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '@taawoun/core';
import { jwtSecret } from './jwt-secret.js';

const decode = (key: Uint8Array) => new TextDecoder().decode(key);

describe('JWT signing secret', () => {
  it('uses JWT_SECRET when set', () => {
    const config = loadConfig({ JWT_SECRET: 's'.repeat(40), DATA_DIR: '/nonexistent' });
    expect(decode(jwtSecret(config))).toBe('s'.repeat(40));
  });

  it('outside production, generates a secret once into DATA_DIR and reuses it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'taawoun-jwt-'));
    const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir });
    const first = decode(jwtSecret(config));
    expect(first.length).toBeGreaterThanOrEqual(48);
    expect(decode(jwtSecret(config))).toBe(first);
    const file = path.join(dir, 'jwt-secret');
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0); // readable by its owner only
  });

  it('stops start-up in production without JWT_SECRET, and refuses a short one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' })).toThrow(
      ConfigError,
    );
    expect(() =>
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', JWT_SECRET: 'short' }),
    ).toThrow(/JWT_SECRET must be at least 32 characters/);
  });
});
