import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import {
  AppConfig,
  BadUserInputError,
  ConflictError,
  Cursors,
  Db,
  InvalidStateTransitionError,
  Jobs,
  LOGGER,
  NotFoundError,
  money,
  oneByKey,
  pageSize,
  requireUuid,
  toConnection,
  type Connection,
  type RequestContext,
} from '@taawoun/core';
import { LedgerRepository } from '../ledger/ledger.repository.js';
import { formatPayoutCsv } from './payout-csv.js';
import { PayoutMails } from './payout-mails.js';
import { PAYOUT_TRANSFER_JOB, PayoutConnectService } from './payout-connect.service.js';
import { PayoutAccountRepository, type PayoutAccountRow } from './payout-account.repository.js';
import {
  PayoutAccountModel,
  PayoutAccountStatusEnum,
  PayoutMethodEnum,
  PayoutStatusEnum,
  type PayoutModel,
} from './payout.model.js';
import { PayoutRepository, type PayoutRow, type PayoutStatus } from './payout.repository.js';
import { RIB_PROBLEM_MESSAGES, checkRib, ribLast4 } from './rib.js';
import { RibCipher } from './rib-cipher.js';

const PAYOUTS_CURSOR = 'payouts:newest';
const HOLDER_MAX = 200;
const REFERENCE_MAX = 255;
const REASON_MAX = 500;
/** The most pending bank payouts one CSV export lists (one per cooperative and run: far above need). */
export const PAYOUT_CSV_MAX_ROWS = 5000;

function oneLine(field: string, value: string, max: number): string {
  const text = value.trim();
  if (!text) throw BadUserInputError.field(field, 'must not be empty');
  if (text.length > max) throw BadUserInputError.field(field, `must be at most ${max} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) throw BadUserInputError.field(field, 'must be one line of text');
  return text;
}

export function toPayoutModel(row: PayoutRow): PayoutModel {
  return {
    id: row.id,
    cooperativeId: row.cooperativeId,
    method: row.method as PayoutMethodEnum,
    amount: money(row.amount, row.currency),
    status: row.status as PayoutStatusEnum,
    reference: row.reference,
    createdAt: row.createdAt,
    paidAt: row.paidAt,
  };
}

export function toPayoutAccountModel(row: PayoutAccountRow): PayoutAccountModel {
  return {
    method: row.method as PayoutMethodEnum,
    status: row.status as PayoutAccountStatusEnum,
    chargesEnabled: row.method === 'STRIPE_CONNECT' && row.chargesEnabled,
    payoutsEnabled: row.payoutsEnabled || (row.method === 'BANK_TRANSFER' && row.status === 'ACTIVE'),
    accountHolder: row.method === 'BANK_TRANSFER' ? row.accountHolder : null,
    ribLast4: row.method === 'BANK_TRANSFER' ? row.ribLast4 : null,
  };
}

/**
 * Payouts: the cooperatives' payout accounts (bank details), runs that pay each cooperative its
 * payable balance, and the admin's record of bank transfers. Each money effect is a ledger entry
 * keyed by the payout (PAYOUT when created, PAYOUT_REVERSAL when it fails), so the balance always
 * equals the sum of entries.
 */
@Injectable()
export class PayoutsService {
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
    private readonly cursors: Cursors,
    private readonly accounts: PayoutAccountRepository,
    private readonly payouts: PayoutRepository,
    private readonly ledger: LedgerRepository,
    private readonly cipher: RibCipher,
    private readonly mails: PayoutMails,
    private readonly jobs: Jobs,
    private readonly connect: PayoutConnectService,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /** A cooperative's payout account through a per-request loader (null: none yet). */
  account(rc: RequestContext, cooperativeId: string): Promise<PayoutAccountModel | null> {
    return rc.loaders
      .get<string, PayoutAccountModel | null>('payments.payoutAccountByCooperative', async (ids) =>
        oneByKey(
          ids,
          (await this.accounts.byCooperatives(ids)).map((row) => ({
            ...toPayoutAccountModel(row),
            key: row.cooperativeId,
          })),
          (a) => a.key,
        ),
      )
      .load(cooperativeId);
  }

  payout(rc: RequestContext, id: string): Promise<PayoutModel | null> {
    return rc.loaders
      .get<string, PayoutModel | null>('payments.payoutById', async (ids) =>
        oneByKey(ids, (await this.payouts.byIds(ids)).map(toPayoutModel), (p) => p.id),
      )
      .load(id);
  }

  /** Sets (or replaces) the bank details; the RIB is checked, stored encrypted, shown by its last four. */
  async setBankDetails(
    cooperativeId: string,
    accountHolder: string,
    rib: string,
  ): Promise<PayoutAccountModel> {
    requireUuid(cooperativeId, 'Cooperative');
    const holder = oneLine('accountHolder', accountHolder, HOLDER_MAX);
    const check = checkRib(rib);
    if (!check.valid) throw BadUserInputError.field('rib', RIB_PROBLEM_MESSAGES[check.problem]);
    const row = await this.accounts.setBank(
      cooperativeId,
      holder,
      this.cipher.encrypt(check.rib),
      ribLast4(check.rib),
    );
    return toPayoutAccountModel(row);
  }

  /**
   * One payout per cooperative with a positive payable balance and an active payout account, in
   * one transaction serialized across replicas, so two runs never pay the same money twice.
   */
  async run(): Promise<PayoutModel[]> {
    const created = await this.db.transaction(async () => {
      await this.payouts.lockRun();
      const payables = await this.payouts.payables(this.config.PAYOUT_HOLD_DAYS);
      const inserted = await this.payouts.insertMany(
        payables.map((p) => ({ cooperativeId: p.cooperativeId, method: p.method, amount: p.payable })),
      );
      await this.ledger.append(
        inserted.map((p) => ({
          cooperativeId: p.cooperativeId,
          type: 'PAYOUT',
          amount: -p.amount,
          payoutId: p.id,
        })),
      );
      const transfers = inserted
        .filter((p) => p.method === 'STRIPE_CONNECT')
        .map((p) => ({ payoutId: p.id }));
      if (transfers.length) await this.jobs.sendMany(PAYOUT_TRANSFER_JOB, transfers);
      return inserted;
    });
    // "At once": transfer now; the job enqueued with the run retries whatever fails here.
    const results: PayoutModel[] = [];
    for (const payout of created) {
      if (payout.method !== 'STRIPE_CONNECT') {
        results.push(toPayoutModel(payout));
        continue;
      }
      try {
        await this.connect.transfer(payout.id);
      } catch (error) {
        this.log.warn({ err: error, payoutId: payout.id }, 'Payout transfer failed; its job will retry');
      }
      const [now] = await this.payouts.byIds([payout.id]);
      results.push(toPayoutModel(now ?? payout));
    }
    return results;
  }

  /** A bank transfer done: PENDING → PAID with the bank's reference; the cooperative is told. */
  async markPaid(id: string, reference: string): Promise<PayoutModel> {
    requireUuid(id, 'Payout');
    const ref = oneLine('reference', reference, REFERENCE_MAX);
    return this.db.transaction(async () => {
      await this.manualMove(id, PayoutStatusEnum.PAID);
      const paid = await this.payouts.markPaid(id, ref);
      if (!paid) throw new NotFoundError('Payout', id);
      const account = (await this.accounts.byCooperatives([paid.cooperativeId]))[0];
      await this.mails.sent(paid, ref, account?.ribLast4 ?? undefined);
      return toPayoutModel(paid);
    });
  }

  /** A bank transfer that failed: PENDING → FAILED, the amount back in the balance (PAYOUT_REVERSAL). */
  async markFailed(id: string, reason: string): Promise<PayoutModel> {
    requireUuid(id, 'Payout');
    const why = oneLine('reason', reason, REASON_MAX);
    return this.db.transaction(async () => {
      await this.manualMove(id, PayoutStatusEnum.FAILED);
      const failed = await this.payouts.markFailed(id, why);
      if (!failed) throw new NotFoundError('Payout', id);
      await this.ledger.append([
        {
          cooperativeId: failed.cooperativeId,
          type: 'PAYOUT_REVERSAL',
          amount: failed.amount,
          payoutId: failed.id,
        },
      ]);
      await this.mails.failed(failed, why);
      return toPayoutModel(failed);
    });
  }

  /** Locks the payout and refuses what an admin may not do by hand. */
  private async manualMove(id: string, to: PayoutStatusEnum): Promise<void> {
    const payout = await this.payouts.lock(id);
    if (!payout) throw new NotFoundError('Payout', id);
    if (payout.method === 'STRIPE_CONNECT')
      throw new ConflictError('A Stripe Connect payout is settled by its Stripe transfer, not by hand', 'id');
    if (payout.status !== 'PENDING') throw new InvalidStateTransitionError('Payout', payout.status, to);
  }

  async list(
    cooperativeId: string | null | undefined,
    status: PayoutStatus | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<PayoutModel>> {
    if (cooperativeId) requireUuid(cooperativeId, 'Cooperative');
    const size = pageSize(first);
    const cursor = after
      ? (this.cursors.decode(after, PAYOUTS_CURSOR, ['timestamp', 'uuid']) as [string, string])
      : null;
    const [rows, total] = await Promise.all([
      this.payouts.page(cooperativeId ?? null, status ?? null, cursor, size),
      this.payouts.count(cooperativeId ?? null, status ?? null),
    ]);
    return toConnection(
      rows,
      size,
      total,
      (row) => this.cursors.encode(PAYOUTS_CURSOR, [row.cursorAt, row.id]),
      toPayoutModel,
    );
  }

  /** The bank's transfer file: pending bank payouts with the full RIBs (admins only). */
  async pendingBankCsv(): Promise<string> {
    const rows = await this.payouts.pendingBank(PAYOUT_CSV_MAX_ROWS);
    const secrets = new Map(
      (await this.accounts.secrets([...new Set(rows.map((r) => r.cooperativeId))])).map((s) => [
        s.cooperativeId,
        s.ribCiphertext,
      ]),
    );
    return formatPayoutCsv(
      rows.map((r) => {
        const secret = secrets.get(r.cooperativeId);
        return {
          payoutId: r.id,
          cooperativeName: r.cooperativeName,
          accountHolder: r.accountHolder ?? '',
          rib: secret ? this.cipher.decrypt(secret) : '',
          amount: r.amount,
          currency: r.currency,
          createdAt: r.createdAt,
        };
      }),
    );
  }
}
