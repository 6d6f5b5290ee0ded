import { Inject, Injectable } from '@nestjs/common';
import { BadUserInputError, ConflictError, Db, requireUuid } from '@taawoun/core';
import type Stripe from 'stripe';
import { LedgerRepository } from '../ledger/ledger.repository.js';
import { PayoutAccountRepository, type PayoutAccountStatus } from './payout-account.repository.js';
import { PayoutRepository, type PayoutRow } from './payout.repository.js';
import { PayoutMails } from './payout-mails.js';
import { STRIPE_CLIENT } from '../stripe/stripe-client.js';

/** The job transferring one STRIPE_CONNECT payout (enqueued in the run's transaction). */
export const PAYOUT_TRANSFER_JOB = 'payments.payout-transfer';

const URL_MAX = 2048;

function httpUrl(field: string, value: string): string {
  if (value.length > URL_MAX) throw BadUserInputError.field(field, `must be at most ${URL_MAX} characters`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw BadUserInputError.field(field, 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw BadUserInputError.field(field, 'must be an absolute http(s) URL');
  return url.toString();
}

/** Stripe said no for good (bad request, no capability...): retrying with the same key cannot help. */
function permanent(error: unknown): boolean {
  const type = (error as { type?: string } | null)?.type;
  return (
    type === 'StripeInvalidRequestError' || type === 'StripeCardError' || type === 'StripePermissionError'
  );
}

/**
 * The status of a payout account from a Stripe account object (its whole state, so a replayed
 * event gives the same answer): ACTIVE once transfers can be paid, RESTRICTED when Stripe holds it
 * (details sent but not enough, overdue requirements, rejected), ONBOARDING otherwise.
 */
export function connectStatus(
  account: Pick<Stripe.Account, 'payouts_enabled' | 'details_submitted' | 'capabilities' | 'requirements'>,
): PayoutAccountStatus {
  if (account.payouts_enabled && account.capabilities?.transfers === 'active') return 'ACTIVE';
  const requirements = account.requirements;
  if (
    account.details_submitted ||
    (requirements?.past_due?.length ?? 0) > 0 ||
    requirements?.disabled_reason?.startsWith('rejected')
  )
    return 'RESTRICTED';
  return 'ONBOARDING';
}

/**
 * Stripe Connect for payouts: the express account (created once per cooperative, under an
 * idempotency key derived from it), its onboarding links, `account.updated`, and the transfer of
 * STRIPE_CONNECT payouts (idempotency key = the payout id, so a retry never pays twice).
 */
@Injectable()
export class PayoutConnectService {
  constructor(
    private readonly db: Db,
    private readonly accounts: PayoutAccountRepository,
    private readonly payouts: PayoutRepository,
    private readonly ledger: LedgerRepository,
    private readonly mails: PayoutMails,
    @Inject(STRIPE_CLIENT) private readonly stripe: Stripe | null,
  ) {}

  private client(): Stripe {
    if (!this.stripe)
      throw new ConflictError('Stripe Connect payouts are not configured (STRIPE_SECRET_KEY)');
    return this.stripe;
  }

  /** The onboarding link of the cooperative's Stripe account, created on first use only. */
  async startOnboarding(cooperativeId: string, returnUrl: string, refreshUrl: string): Promise<string> {
    requireUuid(cooperativeId, 'Cooperative');
    const ret = httpUrl('returnUrl', returnUrl);
    const refresh = httpUrl('refreshUrl', refreshUrl);
    const stripe = this.client();
    const accountId = await this.db.transaction(async () => {
      await this.accounts.startStripe(cooperativeId);
      // The row lock serializes concurrent starts; the idempotency key covers a crash after Stripe answered.
      const account = await this.accounts.lock(cooperativeId);
      if (account?.stripeAccountId) return account.stripeAccountId;
      const created = await stripe.accounts.create(
        {
          type: 'express',
          capabilities: { transfers: { requested: true } },
          metadata: { cooperativeId },
        },
        { idempotencyKey: `payout-account-${cooperativeId}` },
      );
      await this.accounts.setStripeAccount(cooperativeId, created.id);
      return created.id;
    });
    const link = await stripe.accountLinks.create({
      account: accountId,
      return_url: ret,
      refresh_url: refresh,
      type: 'account_onboarding',
    });
    return link.url;
  }

  /**
   * `account.updated`: stores the account's state (unknown accounts change nothing). Events come
   * late, twice and out of order, so the account is read again from Stripe: whatever order they are
   * applied in, the last one stores Stripe's current state.
   */
  async applyAccountUpdated(account: Pick<Stripe.Account, 'id'>): Promise<void> {
    const current = await this.client().accounts.retrieve(account.id);
    await this.accounts.applyStripeStatus(
      current.id,
      connectStatus(current),
      !!current.charges_enabled,
      !!current.payouts_enabled,
    );
  }

  /**
   * `transfer.reversed`: a transfer reversed in full (read again from Stripe, so a stale or repeated
   * event changes nothing) makes its payout FAILED with a PAYOUT_REVERSAL, once. Partial reversals
   * are left to an admin (one reversal entry per payout).
   */
  async applyTransferReversed(transfer: Pick<Stripe.Transfer, 'id'>): Promise<void> {
    const current = await this.client().transfers.retrieve(transfer.id);
    if (!current.reversed || current.amount_reversed < current.amount) return;
    const failed = await this.payouts.markReversed(current.id, 'The Stripe transfer was reversed');
    if (!failed) return;
    await this.ledger.append([
      {
        cooperativeId: failed.cooperativeId,
        type: 'PAYOUT_REVERSAL',
        amount: failed.amount,
        payoutId: failed.id,
      },
    ]);
    await this.mails.failed(failed, 'The Stripe transfer was reversed');
  }

  /**
   * Transfers a PENDING STRIPE_CONNECT payout. Safe to run twice at once or after a crash: the
   * same idempotency key gives the same transfer, and only the conditional UPDATE's winner mails.
   * A refusal for good marks it FAILED with a PAYOUT_REVERSAL; anything else throws (the job retries).
   */
  async transfer(payoutId: string): Promise<void> {
    const payout = await this.payouts.toTransfer(payoutId);
    if (!payout) return;
    const stripe = this.client();
    let transfer: Stripe.Transfer;
    try {
      if (!payout.stripeAccountId)
        throw Object.assign(new Error('No Stripe account'), { type: 'StripeInvalidRequestError' });
      transfer = await stripe.transfers.create(
        {
          amount: payout.amount,
          currency: payout.currency.toLowerCase(),
          destination: payout.stripeAccountId,
          transfer_group: `payout-${payout.id}`,
          metadata: { payoutId: payout.id, cooperativeId: payout.cooperativeId },
        },
        { idempotencyKey: `payout-${payout.id}` },
      );
    } catch (error) {
      if (!permanent(error)) throw error;
      await this.fail(
        payout,
        error instanceof Error ? error.message.slice(0, 500) : 'Stripe refused the transfer',
      );
      return;
    }
    await this.db.transaction(async () => {
      const paid = await this.payouts.markPaid(payout.id, transfer.id);
      if (paid) await this.mails.sent(paid, transfer.id);
    });
  }

  private async fail(payout: PayoutRow, reason: string): Promise<void> {
    await this.db.transaction(async () => {
      const failed = await this.payouts.markFailed(payout.id, reason);
      if (!failed) return;
      await this.ledger.append([
        {
          cooperativeId: failed.cooperativeId,
          type: 'PAYOUT_REVERSAL',
          amount: failed.amount,
          payoutId: failed.id,
        },
      ]);
      await this.mails.failed(failed, reason);
    });
  }
}
