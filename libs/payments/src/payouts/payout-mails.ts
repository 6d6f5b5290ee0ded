import { Injectable } from '@nestjs/common';
import { LanguageCode, money } from '@taawoun/core';
import { Outbox } from '@taawoun/notifications';
import { PayoutRepository, type PayoutRow } from './payout.repository.js';

/** The payout e-mails to the cooperative's OWNER/MANAGERs, queued in the caller's transaction. */
@Injectable()
export class PayoutMails {
  constructor(
    private readonly payouts: PayoutRepository,
    private readonly outbox: Outbox,
  ) {}

  /** The payout left: a Stripe transfer id or the bank's reference; a bank payout names the RIB's last four. */
  async sent(payout: PayoutRow, reference: string, ribLast4?: string): Promise<void> {
    const recipients = await this.payouts.recipients(payout.cooperativeId);
    await this.outbox.enqueueMany(
      recipients.map((r) => ({
        to: r.email,
        language: r.language as LanguageCode,
        template: 'payout-sent' as const,
        params: {
          cooperativeName: r.cooperativeName,
          amount: money(payout.amount, payout.currency),
          method: payout.method,
          reference,
          ribLast4,
        },
      })),
    );
  }

  /** The payout failed and its amount is back in the balance. */
  async failed(payout: PayoutRow, reason: string): Promise<void> {
    const recipients = await this.payouts.recipients(payout.cooperativeId);
    await this.outbox.enqueueMany(
      recipients.map((r) => ({
        to: r.email,
        language: r.language as LanguageCode,
        template: 'payout-failed' as const,
        params: {
          cooperativeName: r.cooperativeName,
          amount: money(payout.amount, payout.currency),
          method: payout.method,
          reason,
        },
      })),
    );
  }
}
