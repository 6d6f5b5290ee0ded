import type { RequestContext } from '@taawoun/core';

/** The operations of this folder that send e-mail on a client's request. */
export type AccountMailAction = 'requestPasswordReset' | 'requestEmailVerification';

/**
 * THE single call site for rate limiting the account e-mails (per IP and per account/address).
 * TODO(abuse helper): call the PostgreSQL rate limiter built for issue 8's "Abuse limits" here,
 * throwing its typed error when over the limit. Until then this lets everything through.
 */
export function limitAccountMail(
  _rc: RequestContext | null,
  _action: AccountMailAction,
  _key: string,
): Promise<void> {
  return Promise.resolve();
}
