import { getConstructionPlans } from 'pg-boss';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pg-boss job queue schema (`pgboss`), created by migration like every other part of the
 * schema. pg-boss upgrades its own schema at start when a newer version needs it.
 * The construction script manages its own transaction (and an advisory lock).
 */
export class JobQueue1795953000000 implements MigrationInterface {
  name = 'JobQueue1795953000000';
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    await q.query(getConstructionPlans('pgboss'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA IF EXISTS pgboss CASCADE`);
  }
}
