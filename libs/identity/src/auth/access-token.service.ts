import { Injectable } from '@nestjs/common';
import { AppConfig, UnauthenticatedError } from '@taawoun/core';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { jwtSecret } from './jwt-secret.js';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'taawoun';

export interface AccessTokenClaims {
  userId: string;
  tokenVersion: number;
}

/** Short-lived HS256 access tokens carrying only the user id and the user's token version. */
@Injectable()
export class AccessTokenService {
  private readonly key: Uint8Array;

  constructor(config: AppConfig) {
    this.key = jwtSecret(config);
  }

  issue(claims: AccessTokenClaims): Promise<string> {
    return new SignJWT({ ver: claims.tokenVersion })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
      .sign(this.key);
  }

  /** Verifies signature, issuer and expiry; any failure is UNAUTHENTICATED, never a 500. */
  async verify(token: string): Promise<AccessTokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER });
      if (typeof payload.sub !== 'string' || typeof payload.ver !== 'number') throw new Error('claims');
      return { userId: payload.sub, tokenVersion: payload.ver };
    } catch (error) {
      const expired = error instanceof joseErrors.JWTExpired;
      throw new UnauthenticatedError(
        expired ? 'The access token has expired' : 'The access token is invalid',
      );
    }
  }
}
