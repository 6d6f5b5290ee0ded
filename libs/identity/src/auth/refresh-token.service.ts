import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RefreshTokenRepository } from './refresh-token.repository.js';

export const REFRESH_TOKEN_TTL_DAYS = 30;

/** What presenting a refresh token did. */
export type Consumption =
  /** The token was live: it is now used, and the caller may issue the next one of the family. */
  | { kind: 'rotated'; userId: string; familyId: string }
  /** The token was already used or revoked: its whole family is now revoked. */
  | { kind: 'reused'; familyId: string }
  /** Unknown or expired. */
  | { kind: 'invalid' };

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Random opaque refresh tokens, stored as SHA-256 hashes, rotated on every use, revoked by
 * family. Callers run {@link consume} and {@link issue} in one transaction, so the next token of
 * a family exists (and is revoked with it) by the time a concurrent replay is detected.
 */
@Injectable()
export class RefreshTokenService {
  constructor(private readonly tokens: RefreshTokenRepository) {}

  /** Starts a new family (a login) or continues one (a rotation). */
  async issue(userId: string, familyId: string = randomUUID()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.tokens.insert(userId, familyId, digest(token), REFRESH_TOKEN_TTL_DAYS);
    return token;
  }

  /**
   * Marks the token used in one conditional UPDATE, so of two concurrent uses at most one wins
   * (the other waits for the row lock, then finds it used). A token that was already used or
   * revoked, or whose family was revoked, revokes its whole family: someone replayed it.
   * Never throws for a bad token: the revocation must commit, so the caller decides the error.
   */
  async consume(token: string): Promise<Consumption> {
    const hash = digest(token);
    const rotated = await this.tokens.rotate(hash);
    if (rotated) return { kind: 'rotated', userId: rotated.userId, familyId: rotated.familyId };
    const known = await this.tokens.state(hash);
    if (!known) return { kind: 'invalid' };
    // An expired token that was never used is stale, not stolen: refuse it without revoking.
    // So is one issued before the user signed out everywhere (token_version bumped).
    if (known.live && (known.expired || known.superseded)) return { kind: 'invalid' };
    await this.tokens.revokeFamily(known.familyId);
    return { kind: 'reused', familyId: known.familyId };
  }

  /** Revokes every live refresh token of a user (sign out everywhere, password change or reset). */
  revokeAllOf(userId: string): Promise<void> {
    return this.tokens.revokeAllOf(userId);
  }

  /** Revokes the family of a token (logout); answers whether the token was known. */
  async revokeFamilyOf(token: string): Promise<boolean> {
    const familyId = await this.tokens.familyOf(digest(token));
    if (!familyId) return false;
    await this.tokens.revokeFamily(familyId);
    return true;
  }
}
