import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Db, Jobs } from '@taawoun/core';
import { LOGIN_WINDOW_SECONDS } from '../throttling/login-throttle.service.js';

export const PRUNE_JOB = 'identity.prune';

/**
 * A nightly clean-up (03:15, Casablanca time): login attempts past the throttling window and
 * refresh tokens expired for more than a day are of no use to anyone any more.
 */
@Injectable()
export class IdentityMaintenanceService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly jobs: Jobs,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(PRUNE_JOB, () => this.prune().then(() => undefined), { cron: '15 3 * * *' });
  }

  async prune(): Promise<{ loginAttempts: number; refreshTokens: number }> {
    const attempts = await this.db.query(
      `DELETE FROM login_attempts WHERE attempted_at <= now() - make_interval(secs => $1) RETURNING id`,
      [LOGIN_WINDOW_SECONDS],
    );
    const tokens = await this.db.query(
      `DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day' RETURNING id`,
    );
    return { loginAttempts: attempts.length, refreshTokens: tokens.length };
  }
}
