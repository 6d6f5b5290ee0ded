import { createHash, randomBytes } from 'node:crypto';

/** A new guest access token: 256 random bits, base64url (43 characters). */
export function newGuestToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a guest access token: what the order stores and what a read compares. */
export function guestTokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
