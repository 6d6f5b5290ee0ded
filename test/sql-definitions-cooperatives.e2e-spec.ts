import type pg from 'pg';
import {
  COOPERATIVES_STATUS_TRANSITION_FUNCTION,
  COOPERATIVES_STATUS_TRANSITION_TRIGGER,
} from '@taawoun/cooperatives';
import { connectToTestDatabase } from './support/test-database.js';

/**
 * The cooperatives lib's database functions and triggers are code (libs/cooperatives/src/sql/):
 * the migrated database must hold exactly those definitions, so applying the code's text again
 * changes nothing (compared after collapsing whitespace, which PostgreSQL keeps verbatim).
 */
describe('cooperatives SQL definitions', () => {
  let client: pg.Client;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ client, close } = await connectToTestDatabase());
  });

  afterAll(() => close());

  const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

  async function definitions(): Promise<{ fn: string; trigger: string }> {
    const {
      rows: [row],
    } = await client.query<{ fn: string; trigger: string }>(
      `SELECT pg_get_functiondef('cooperatives_status_transition'::regproc) AS fn,
              (SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t
                WHERE t.tgname = 'cooperatives_status_transition' AND t.tgrelid = 'cooperatives'::regclass) AS trigger`,
    );
    return { fn: normalise(row.fn), trigger: normalise(row.trigger) };
  }

  it('the migrated status-transition function and trigger are the code’s', async () => {
    const migrated = await definitions();
    await client.query('BEGIN');
    try {
      await client.query(COOPERATIVES_STATUS_TRANSITION_FUNCTION);
      await client.query(COOPERATIVES_STATUS_TRANSITION_TRIGGER);
      expect(await definitions()).toEqual(migrated);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('would notice a definition that differs from the migrated one', async () => {
    const migrated = await definitions();
    await client.query('BEGIN');
    try {
      // The same function without one edge of the workflow.
      await client.query(
        COOPERATIVES_STATUS_TRANSITION_FUNCTION.replace(`('SUSPENDED', 'APPROVED')`, `('X', 'Y')`),
      );
      expect((await definitions()).fn).not.toEqual(migrated.fn);
    } finally {
      await client.query('ROLLBACK');
    }
  });
});
