import { Injectable } from '@nestjs/common';
import { type Actor, PlatformRole, type RequestContext, UnauthenticatedError } from '@taawoun/core';
import { UserAccountRepository } from '../users/user-account.repository.js';
import { AccessTokenService } from './access-token.service.js';

const resolved = new WeakMap<RequestContext, Promise<void>>();

/**
 * Turns the request's bearer token into an {@link Actor}, once per request. Roles and
 * memberships are read from the database on every request, so a removed membership or role
 * takes effect at once, not when the token expires.
 */
@Injectable()
export class ActorService {
  constructor(
    private readonly tokens: AccessTokenService,
    private readonly accounts: UserAccountRepository,
  ) {}

  ensureResolved(rc: RequestContext): Promise<void> {
    let pending = resolved.get(rc);
    if (!pending) {
      pending = this.resolve(rc);
      resolved.set(rc, pending);
    }
    return pending;
  }

  private async resolve(rc: RequestContext): Promise<void> {
    const header = rc.authorization?.trim();
    if (!header) return;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      rc.authError = new UnauthenticatedError('The Authorization header must be "Bearer <access token>"');
      return;
    }
    try {
      rc.actor = await this.load(await this.tokens.verify(match[1]));
    } catch (error) {
      if (error instanceof UnauthenticatedError) rc.authError = error;
      else throw error;
    }
  }

  async load(claims: { userId: string; tokenVersion: number }): Promise<Actor> {
    const row = await this.accounts.actor(claims.userId);
    if (!row || row.tokenVersion !== claims.tokenVersion)
      throw new UnauthenticatedError('The access token was revoked');
    return {
      userId: claims.userId,
      platformRoles: new Set([PlatformRole.BUYER, ...row.platformRoles]),
      memberships: new Map(row.memberships.map((m) => [m.cooperativeId, m.role])),
    };
  }
}
