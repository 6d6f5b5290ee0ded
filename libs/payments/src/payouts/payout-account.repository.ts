import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

export type PayoutMethod = 'STRIPE_CONNECT' | 'BANK_TRANSFER';
export type PayoutAccountStatus = 'NOT_STARTED' | 'ONBOARDING' | 'ACTIVE' | 'RESTRICTED';

/** A payout account as the API may show it: never the RIB itself. */
export interface PayoutAccountRow {
  cooperativeId: string;
  method: PayoutMethod;
  status: PayoutAccountStatus;
  stripeAccountId: string | null;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  accountHolder: string | null;
  ribLast4: string | null;
}

/** The encrypted RIB, for the bank export only. */
export interface PayoutAccountSecretRow {
  cooperativeId: string;
  ribCiphertext: Buffer | null;
}

const COLUMNS = `a.cooperative_id AS "cooperativeId", a.method, a.status, a.stripe_account_id AS "stripeAccountId",
  a.charges_enabled AS "chargesEnabled", a.payouts_enabled AS "payoutsEnabled",
  a.account_holder AS "accountHolder", a.rib_last4 AS "ribLast4"`;

export const PAYOUT_ACCOUNT_SQL = {
  byCooperatives: `SELECT ${COLUMNS} FROM payout_accounts a WHERE a.cooperative_id = ANY($1::uuid[])`,
  /** $1 cooperative, $2 holder, $3 RIB ciphertext, $4 last four: the account becomes a bank transfer one. */
  setBank: `INSERT INTO payout_accounts AS a (cooperative_id, method, status, account_holder, rib_ciphertext, rib_last4)
            VALUES ($1, 'BANK_TRANSFER', 'ACTIVE', $2, $3, $4)
            ON CONFLICT (cooperative_id) DO UPDATE
               SET method = 'BANK_TRANSFER', status = 'ACTIVE', account_holder = EXCLUDED.account_holder,
                   rib_ciphertext = EXCLUDED.rib_ciphertext, rib_last4 = EXCLUDED.rib_last4, updated_at = now()
            RETURNING ${COLUMNS}`,
  /** Makes the account a Stripe Connect one (keeping an existing Stripe account) and locks it. */
  startStripe: `INSERT INTO payout_accounts AS a (cooperative_id, method, status)
                VALUES ($1, 'STRIPE_CONNECT', 'NOT_STARTED')
                ON CONFLICT (cooperative_id) DO UPDATE SET method = 'STRIPE_CONNECT',
                  status = CASE WHEN a.stripe_account_id IS NULL THEN 'NOT_STARTED' ELSE a.status END, updated_at = now()
                RETURNING ${COLUMNS}`,
  lock: `SELECT ${COLUMNS} FROM payout_accounts a WHERE a.cooperative_id = $1 FOR UPDATE`,
  setStripeAccount: `UPDATE payout_accounts a SET stripe_account_id = $2, status = 'ONBOARDING', updated_at = now()
                      WHERE a.cooperative_id = $1 RETURNING ${COLUMNS}`,
  /** account.updated: the state Stripe reports, whatever order events arrive in (it is the whole state). */
  applyStripeStatus: `UPDATE payout_accounts a SET status = $2, charges_enabled = $3, payouts_enabled = $4, updated_at = now()
                       WHERE a.stripe_account_id = $1 RETURNING ${COLUMNS}`,
  secrets: `SELECT a.cooperative_id AS "cooperativeId", a.rib_ciphertext AS "ribCiphertext"
              FROM payout_accounts a WHERE a.cooperative_id = ANY($1::uuid[])`,
} as const;

/** Every statement on `payout_accounts`. */
@Injectable()
export class PayoutAccountRepository {
  constructor(private readonly db: Db) {}

  byCooperatives(cooperativeIds: readonly string[]): Promise<PayoutAccountRow[]> {
    return this.db.query<PayoutAccountRow>(PAYOUT_ACCOUNT_SQL.byCooperatives, [cooperativeIds]);
  }

  async setBank(
    cooperativeId: string,
    accountHolder: string,
    ribCiphertext: Buffer,
    ribLast4: string,
  ): Promise<PayoutAccountRow> {
    const [row] = await this.db.query<PayoutAccountRow>(PAYOUT_ACCOUNT_SQL.setBank, [
      cooperativeId,
      accountHolder,
      ribCiphertext,
      ribLast4,
    ]);
    return row;
  }

  async startStripe(cooperativeId: string): Promise<void> {
    await this.db.query(PAYOUT_ACCOUNT_SQL.startStripe, [cooperativeId]);
  }

  async lock(cooperativeId: string): Promise<PayoutAccountRow | undefined> {
    const [row] = await this.db.query<PayoutAccountRow>(PAYOUT_ACCOUNT_SQL.lock, [cooperativeId]);
    return row;
  }

  async setStripeAccount(cooperativeId: string, stripeAccountId: string): Promise<void> {
    await this.db.query(PAYOUT_ACCOUNT_SQL.setStripeAccount, [cooperativeId, stripeAccountId]);
  }

  async applyStripeStatus(
    stripeAccountId: string,
    status: PayoutAccountStatus,
    chargesEnabled: boolean,
    payoutsEnabled: boolean,
  ): Promise<PayoutAccountRow | undefined> {
    const [row] = await this.db.query<PayoutAccountRow>(PAYOUT_ACCOUNT_SQL.applyStripeStatus, [
      stripeAccountId,
      status,
      chargesEnabled,
      payoutsEnabled,
    ]);
    return row;
  }

  secrets(cooperativeIds: readonly string[]): Promise<PayoutAccountSecretRow[]> {
    return this.db.query<PayoutAccountSecretRow>(PAYOUT_ACCOUNT_SQL.secrets, [cooperativeIds]);
  }
}
