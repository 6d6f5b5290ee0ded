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

export const EMAIL_OUTBOX_SQL = {
  insert: `INSERT INTO email_outbox (to_address, language, template, params)
    VALUES ($1, $2, $3, $4::jsonb) RETURNING id`,
  /** Many messages in one statement. */
  insertMany: `INSERT INTO email_outbox (to_address, language, template, params)
    SELECT x.to_address, x.language, x.template, x.params
      FROM jsonb_to_recordset($1::jsonb) AS x(to_address text, language text, template text, params jsonb)
    RETURNING id`,
  lockPending: `SELECT id, to_address AS "toAddress", language, template, params
    FROM email_outbox WHERE id = $1 AND status = 'pending' FOR UPDATE`,
  markSent: `UPDATE email_outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1,
      last_error = NULL, params = params - 'token'
    WHERE id = $1`,
  markFailed: `UPDATE email_outbox SET attempts = attempts + 1, last_error = left($2, 2000) WHERE id = $1`,
  pruneSent: `DELETE FROM email_outbox WHERE status = 'sent' AND sent_at < now() - make_interval(days => $1)`,
} as const;

/** Every SQL statement on `email_outbox`. Runs in the caller's transaction, if any. */
@Injectable()
export class EmailOutboxRepository {
  constructor(private readonly db: Db) {}

  async insert(row: Omit<PendingEmailRow, 'id'>): Promise<string> {
    const [inserted] = await this.db.query<{ id: string }>(EMAIL_OUTBOX_SQL.insert, [
      row.toAddress,
      row.language,
      row.template,
      JSON.stringify(row.params),
    ]);
    return inserted.id;
  }

  /** Inserts many messages in one statement; answers their ids. */
  async insertMany(rows: readonly Omit<PendingEmailRow, 'id'>[]): Promise<string[]> {
    const inserted = await this.db.query<{ id: string }>(EMAIL_OUTBOX_SQL.insertMany, [
      JSON.stringify(
        rows.map((r) => ({
          to_address: r.toAddress,
          language: r.language,
          template: r.template,
          params: r.params,
        })),
      ),
    ]);
    return inserted.map((r) => r.id);
  }

  /**
   * Locks the message while it is pending, so two deliveries of one job (pg-boss delivers at
   * least once) cannot both send it: the second waits, then finds it sent.
   */
  async lockPending(id: string): Promise<PendingEmailRow | undefined> {
    const [row] = await this.db.query<PendingEmailRow>(EMAIL_OUTBOX_SQL.lockPending, [id]);
    return row;
  }

  /** Marks a message sent and forgets its single-use token: the database keeps no live link. */
  async markSent(id: string): Promise<void> {
    await this.db.execute(EMAIL_OUTBOX_SQL.markSent, [id]);
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.db.execute(EMAIL_OUTBOX_SQL.markFailed, [id, error]);
  }

  /** Deletes sent messages older than `days` (they hold addresses, personal data); answers how many. */
  pruneSent(days: number): Promise<number> {
    return this.db.execute(EMAIL_OUTBOX_SQL.pruneSent, [days]);
  }
}
