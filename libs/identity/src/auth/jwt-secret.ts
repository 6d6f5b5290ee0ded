import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '@taawoun/core';

/**
 * The access-token signing secret: JWT_SECRET, or outside production a secret generated once
 * into DATA_DIR/jwt-secret (so tokens survive restarts of the demo). Production without
 * JWT_SECRET never gets here: configuration validation stops start-up first.
 */
export function jwtSecret(config: AppConfig): Uint8Array {
  if (config.JWT_SECRET) return new TextEncoder().encode(config.JWT_SECRET);
  if (config.isProduction) throw new Error('JWT_SECRET is required when NODE_ENV=production');
  const file = path.resolve(config.DATA_DIR, 'jwt-secret');
  try {
    return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return new TextEncoder().encode(secret);
    } catch {
      // Another process wrote it first: use theirs.
      return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
    }
  }
}
