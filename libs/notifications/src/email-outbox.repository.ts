import { Injectable } from '@nestjs/common';
import { Db, type LanguageCode } from '@taawoun/core';

/** A message waiting in the outbox, as the delivery job reads it. */
export interface PendingEmailRow {
  id: string;
  toAddress: string;
  language: LanguageCode;
  template: string;
  params: Record<string, unknown>;
}

/** Every SQL statement on `email_outbox`. Runs in the caller's transaction, if any. */
@Injectable()
export class EmailOutboxRepository {
  constructor(private readonly db: Db) {}

  async insert(row: Omit<PendingEmailRow, 'id'>): Promise<string> {
    const [inserted] = await this.db.query<{ id: string }>(
      `INSERT INTO email_outbox (to_address, language, template, params)
       VALUES ($1, $2, $3, $4::jsonb) RETURNING id`,
      [row.toAddress, row.language, row.template, JSON.stringify(row.params)],
    );
    return inserted.id;
  }

  /**
   * Locks the message while it is pending, so two deliveries of one job (pg-boss delivers at
   * least once) cannot both send it: the second waits, then finds it sent.
   */
  async lockPending(id: string): Promise<PendingEmailRow | undefined> {
    const [row] = await this.db.query<PendingEmailRow>(
      `SELECT id, to_address AS "toAddress", language, template, params
         FROM email_outbox WHERE id = $1 AND status = 'pending' FOR UPDATE`,
      [id],
    );
    return row;
  }

  /** Marks a message sent and forgets its single-use token: the database keeps no live link. */
  async markSent(id: string): Promise<void> {
    await this.db.query(
      `UPDATE email_outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1,
              last_error = NULL, params = params - 'token'
        WHERE id = $1`,
      [id],
    );
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.db.query(
      `UPDATE email_outbox SET attempts = attempts + 1, last_error = left($2, 2000) WHERE id = $1`,
      [id, error],
    );
  }

  /** Deletes sent messages older than `days` (they hold addresses, personal data); answers how many. */
  async pruneSent(days: number): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      `WITH gone AS (DELETE FROM email_outbox WHERE status = 'sent' AND sent_at < now() - make_interval(days => $1)
                     RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [days],
    );
    return row.n;
  }
}
