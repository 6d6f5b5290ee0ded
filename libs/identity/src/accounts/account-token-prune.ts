import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Jobs } from '@taawoun/core';
import { AccountTokenRepository } from './account-token.repository.js';

export const PRUNE_ACCOUNT_TOKENS_JOB = 'identity.prune-account-tokens';

/** Nightly (03:30, Casablanca time): account tokens expired for more than a day go. */
@Injectable()
export class AccountTokenPrune implements OnModuleInit {
  constructor(
    private readonly jobs: Jobs,
    private readonly tokens: AccountTokenRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(
      PRUNE_ACCOUNT_TOKENS_JOB,
      async () => {
        await this.tokens.pruneExpired();
      },
      { cron: '30 3 * * *' },
    );
  }
}
