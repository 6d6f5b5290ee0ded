import { Injectable } from '@nestjs/common';
import { AppConfig, RateLimiter } from '@taawoun/core';
import { normaliseEmail } from '../users/email-address.js';
import { UNKNOWN_IP } from './login-throttle.service.js';

const HOUR = 60 * 60;

/**
 * Per-address and per-account limits on the account operations that cost work or send mail,
 * checked before that work. They apply alike whether the e-mail has an account, so a refusal
 * reveals nothing. (Login has its own rules: {@link LoginThrottleService}.)
 */
@Injectable()
export class AccountRateLimits {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /** Before `register` hashes a password: `RATE_LIMIT_REGISTER_PER_IP_HOUR`, then `..._PER_EMAIL_HOUR`. */
  async register(email: string, ip: string | null): Promise<void> {
    await this.limiter.consume(
      `register:ip:${ip ?? UNKNOWN_IP}`,
      this.config.RATE_LIMIT_REGISTER_PER_IP_HOUR,
      HOUR,
      'Too many accounts created from this address; try again later',
    );
    await this.limiter.consume(
      `register:email:${normaliseEmail(email)}`,
      this.config.RATE_LIMIT_REGISTER_PER_EMAIL_HOUR,
      HOUR,
      'Too many registrations for this e-mail; try again later',
    );
  }

  /**
   * Before an account e-mail is sent on request (`requestPasswordReset`,
   * `requestEmailVerification`): `RATE_LIMIT_ACCOUNT_MAIL_PER_IP_HOUR` per address, then
   * `RATE_LIMIT_ACCOUNT_MAIL_PER_EMAIL_HOUR` per e-mail (both purposes share the budget).
   */
  async accountMail(email: string, ip: string | null): Promise<void> {
    await this.limiter.consume(
      `account-mail:ip:${ip ?? UNKNOWN_IP}`,
      this.config.RATE_LIMIT_ACCOUNT_MAIL_PER_IP_HOUR,
      HOUR,
      'Too many requests from this address; try again later',
    );
    await this.limiter.consume(
      `account-mail:email:${normaliseEmail(email)}`,
      this.config.RATE_LIMIT_ACCOUNT_MAIL_PER_EMAIL_HOUR,
      HOUR,
      'Too many e-mails asked for this address; try again later',
    );
  }
}
