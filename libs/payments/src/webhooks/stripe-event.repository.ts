import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

export interface StripeEventRow {
  id: string;
  eventId: string;
  type: string;
  payload: unknown;
  processedAt: Date | null;
}

export const STRIPE_EVENT_SQL = {
  /** Stores a verified event once; answers a row only the first time its id is seen. */
  insert: `INSERT INTO stripe_events (event_id, type, payload) VALUES ($1, $2, $3)
           ON CONFLICT (event_id) DO NOTHING RETURNING id`,
  /** Locks an event to apply it: concurrent jobs for one event are serialized, the second sees it processed. */
  lock: `SELECT id, event_id AS "eventId", type, payload, processed_at AS "processedAt"
           FROM stripe_events WHERE event_id = $1 FOR UPDATE`,
  markProcessed: `UPDATE stripe_events SET processed_at = now() WHERE event_id = $1 AND processed_at IS NULL`,
} as const;

/** stripe_events: verified webhook events, unique by Stripe event id. */
@Injectable()
export class StripeEventRepository {
  constructor(private readonly db: Db) {}

  async insert(eventId: string, type: string, payload: unknown): Promise<boolean> {
    const rows = await this.db.query(STRIPE_EVENT_SQL.insert, [eventId, type, JSON.stringify(payload)]);
    return rows.length > 0;
  }

  async lock(eventId: string): Promise<StripeEventRow | undefined> {
    const [row] = await this.db.query<StripeEventRow>(STRIPE_EVENT_SQL.lock, [eventId]);
    return row;
  }

  async markProcessed(eventId: string): Promise<void> {
    await this.db.execute(STRIPE_EVENT_SQL.markProcessed, [eventId]);
  }
}
