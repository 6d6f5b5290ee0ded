import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@taawoun/core';

const INFO = 'taawoun payout details key v1';
/** Outside production with no secret at all (tests, first demo run): a fixed development key. */
const DEVELOPMENT_SECRET = 'taawoun development payout details secret, never used in production';
const VERSION = 1;

/**
 * Encrypts RIBs at rest (AES-256-GCM, random 12-byte nonce, version byte first) with a key
 * derived (HKDF-SHA256) from PAYOUT_DETAILS_SECRET, else JWT_SECRET. Only the bank CSV export
 * decrypts; every API answer shows the stored last four characters.
 */
@Injectable()
export class RibCipher {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    const secret = config.PAYOUT_DETAILS_SECRET ?? config.JWT_SECRET;
    if (!secret && config.isProduction)
      throw new Error('JWT_SECRET or PAYOUT_DETAILS_SECRET is required when NODE_ENV=production');
    this.key = Buffer.from(hkdfSync('sha256', secret ?? DEVELOPMENT_SECRET, '', INFO, 32));
  }

  encrypt(rib: string): Buffer {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(rib, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]);
  }

  decrypt(stored: Buffer): string {
    if (stored[0] !== VERSION) throw new Error('Unknown payout details encryption version');
    const decipher = createDecipheriv('aes-256-gcm', this.key, stored.subarray(1, 13));
    decipher.setAuthTag(stored.subarray(13, 29));
    return Buffer.concat([decipher.update(stored.subarray(29)), decipher.final()]).toString('utf8');
  }
}
