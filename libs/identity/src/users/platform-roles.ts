import { Injectable } from '@nestjs/common';
import type { PlatformRole } from '@taawoun/core';
import { UserAccountRepository, type RoleGrantRow } from './user-account.repository.js';

/**
 * Granting platform roles (PARTNER...) from other libs, without them writing `users`. A role
 * goes only to an account whose address is verified; it applies from the account's next request.
 */
@Injectable()
export class PlatformRoles {
  constructor(private readonly accounts: UserAccountRepository) {}

  /** Null when no account has this (normalised) address; `verified: false` when nothing was granted. */
  grantByEmail(email: string, role: PlatformRole): Promise<RoleGrantRow | null> {
    return this.accounts.grantRoleByEmail(email, role);
  }
}
