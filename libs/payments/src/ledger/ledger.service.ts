import { Injectable } from '@nestjs/common';
import { AppConfig, BadUserInputError, isUuid, money, pageSize, requireUuid } from '@taawoun/core';
import { LedgerReadRepository, type LedgerEntryReadRow } from './ledger-read.repository.js';
import { LedgerEntryTypeEnum, type CooperativeLedgerModel, type LedgerEntryModel } from './ledger.model.js';

function toEntryModel(row: LedgerEntryReadRow): LedgerEntryModel {
  return {
    id: row.id,
    type: row.type as LedgerEntryTypeEnum,
    amount: money(row.amount, row.currency),
    at: row.createdAt,
    subOrderId: row.subOrderId,
    payoutId: row.payoutId,
  };
}

/** The read side of a cooperative's ledger: sums computed from the entries, entries newest first. */
@Injectable()
export class LedgerService {
  constructor(
    private readonly repo: LedgerReadRepository,
    private readonly config: AppConfig,
  ) {}

  async ledger(cooperativeId: string): Promise<CooperativeLedgerModel> {
    requireUuid(cooperativeId, 'Cooperative');
    const sums = await this.repo.sums(cooperativeId, this.config.PAYOUT_HOLD_DAYS);
    return {
      cooperativeId,
      balance: money(sums.balance),
      payable: money(Math.max(0, Math.min(sums.matured, sums.balance))),
      paidOut: money(sums.paidOut),
    };
  }

  /** A page of entries newest first; `after` is the id of the last entry already seen. */
  async entries(
    cooperativeId: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<LedgerEntryModel[]> {
    const size = pageSize(first);
    let position: [string, string] | null = null;
    if (after) {
      position = isUuid(after) ? await this.repo.position(after, cooperativeId) : null;
      if (!position) throw BadUserInputError.field('after', 'must be the id of an entry of this ledger');
    }
    return (await this.repo.page(cooperativeId, position, size)).map(toEntryModel);
  }
}
