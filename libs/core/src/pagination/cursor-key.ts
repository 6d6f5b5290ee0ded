import { hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config/app-config.js';

/** HKDF "info": binds the derived key to cursors, so it differs from every other use of the secret. */
const INFO = 'taawoun pagination cursor key v1';

function derive(secret: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, '', INFO, 32));
}

/**
 * The key that signs pagination cursors, the same in every replica that shares the settings:
 * derived (HKDF-SHA256) from CURSOR_SECRET, else from JWT_SECRET (a separate key, so neither
 * secret's uses can be confused), else, outside production, from a secret generated once into
 * DATA_DIR/cursor-secret (processes sharing DATA_DIR agree). Production always has JWT_SECRET.
 */
export function cursorKey(
  config: Pick<AppConfig, 'CURSOR_SECRET' | 'JWT_SECRET' | 'DATA_DIR' | 'isProduction'>,
): Uint8Array {
  const secret = config.CURSOR_SECRET ?? config.JWT_SECRET;
  if (secret) return derive(secret);
  if (config.isProduction)
    throw new Error('JWT_SECRET or CURSOR_SECRET is required when NODE_ENV=production');
  const file = path.resolve(config.DATA_DIR, 'cursor-secret');
  try {
    return derive(readFileSync(file, 'utf8').trim());
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const generated = randomBytes(48).toString('base64url');
    try {
      writeFileSync(file, generated, { mode: 0o600, flag: 'wx' });
      return derive(generated);
    } catch {
      // Another process wrote it first: use theirs.
      return derive(readFileSync(file, 'utf8').trim());
    }
  }
}
