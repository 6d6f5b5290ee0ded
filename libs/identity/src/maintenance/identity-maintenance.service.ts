import { Injectable, type OnModuleInit } from '@nestjs/common';
import { deleteInBatches, Jobs, RateLimiter } from '@taawoun/core';
import { RefreshTokenRepository } from '../auth/refresh-token.repository.js';
import { LoginAttemptRepository } from '../throttling/login-attempt.repository.js';
import { LOGIN_FAILURE_MEMORY_SECONDS } from '../throttling/login-throttle.service.js';

export const PRUNE_JOB = 'identity.prune';

/** Rows deleted per statement: short locks, nothing carried back into memory. */
export const PRUNE_BATCH_SIZE = 5000;

export interface PruneCounts {
  loginAttempts: number;
  refreshTokens: number;
  rateLimitBuckets: number;
}

/**
 * A nightly clean-up (03:15, Casablanca time): login failures older than the throttle remembers,
 * refresh tokens expired for more than a day and rate-limit buckets past their windows are of no
 * use to anyone any more. Deleted in bounded batches in SQL; only counts come back.
 */
@Injectable()
export class IdentityMaintenanceService implements OnModuleInit {
  constructor(
    private readonly jobs: Jobs,
    private readonly loginAttempts: LoginAttemptRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly rateLimiter: RateLimiter,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(PRUNE_JOB, () => this.prune().then(() => undefined), { cron: '15 3 * * *' });
  }

  async prune(batchSize = PRUNE_BATCH_SIZE): Promise<PruneCounts> {
    const loginAttempts = await deleteInBatches(
      (limit) => this.loginAttempts.deleteOlderThanBatch(LOGIN_FAILURE_MEMORY_SECONDS, limit),
      batchSize,
    );
    const refreshTokens = await deleteInBatches(
      (limit) => this.refreshTokens.deleteLongExpiredBatch(limit),
      batchSize,
    );
    const rateLimitBuckets = await this.rateLimiter.prune(batchSize);
    return { loginAttempts, refreshTokens, rateLimitBuckets };
  }
}
