import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11: payments (one per order) and their provider attempts (the Stripe PaymentIntent id,
 * unique), verified Stripe events stored once per event id, refunds per sub-order, payout accounts
 * and payouts, and the append-only cooperative ledger whose unique keys make each money effect
 * idempotent: (type, sub_order_id) for SALE/SHIPPING/COMMISSION/CASH_COLLECTED, (type, refund_id)
 * for REFUND, (type, payout_id) for PAYOUT/PAYOUT_REVERSAL.
 */
export class Payments1796013000000 implements MigrationInterface {
  name = 'Payments1796013000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "provider" character varying(32) NOT NULL, "method" character varying(32) NOT NULL, "status" character varying(32) NOT NULL, "amount" integer NOT NULL, "refunded_amount" integer NOT NULL DEFAULT '0', "currency" character varying(3) NOT NULL DEFAULT 'MAD', "paid_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_payments_order" UNIQUE ("order_id"), CONSTRAINT "CHK_payments_amounts" CHECK ("amount" >= 0 AND "refunded_amount" >= 0 AND "refunded_amount" <= "amount"), CONSTRAINT "CHK_payments_method" CHECK ("method" IN ('CARD', 'CASH_ON_DELIVERY')), CONSTRAINT "CHK_payments_status" CHECK ("status" IN ('NOT_REQUIRED', 'PENDING', 'AUTHORIZED', 'SUCCEEDED', 'FAILED', 'REFUNDED', 'PARTIALLY_REFUNDED')), CONSTRAINT "PK_payments" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "payment_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "payment_id" uuid NOT NULL, "provider" character varying(32) NOT NULL, "provider_ref" character varying(255) NOT NULL, "idempotency_key" character varying(255) NOT NULL, "status" character varying(32) NOT NULL, "amount" integer NOT NULL, "failure_code" character varying(100), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_payment_attempts_idempotency_key" UNIQUE ("idempotency_key"), CONSTRAINT "UQ_payment_attempts_provider_ref" UNIQUE ("provider", "provider_ref"), CONSTRAINT "CHK_payment_attempts_amount" CHECK ("amount" >= 0), CONSTRAINT "CHK_payment_attempts_status" CHECK ("status" IN ('PENDING', 'SUCCEEDED', 'FAILED')), CONSTRAINT "PK_payment_attempts" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_payment_attempts_payment" ON "payment_attempts"  ("payment_id") `);
    await q.query(
      `CREATE TABLE "stripe_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" character varying(255) NOT NULL, "type" character varying(100) NOT NULL, "payload" jsonb NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_stripe_events_event_id" UNIQUE ("event_id"), CONSTRAINT "PK_stripe_events" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "refunds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "payment_id" uuid NOT NULL, "sub_order_id" uuid NOT NULL, "amount" integer NOT NULL, "currency" character varying(3) NOT NULL DEFAULT 'MAD', "reason" character varying(500) NOT NULL, "status" character varying(32) NOT NULL, "provider_ref" character varying(255), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_refunds_provider_ref" UNIQUE ("provider_ref"), CONSTRAINT "CHK_refunds_amount" CHECK ("amount" > 0), CONSTRAINT "CHK_refunds_status" CHECK ("status" IN ('PENDING', 'SUCCEEDED', 'FAILED')), CONSTRAINT "PK_refunds" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_refunds_payment" ON "refunds"  ("payment_id") `);
    await q.query(`CREATE INDEX "IDX_refunds_sub_order" ON "refunds"  ("sub_order_id") `);
    await q.query(
      `CREATE TABLE "payout_accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cooperative_id" uuid NOT NULL, "method" character varying(32) NOT NULL, "status" character varying(32) NOT NULL, "stripe_account_id" character varying(255), "charges_enabled" boolean NOT NULL DEFAULT false, "payouts_enabled" boolean NOT NULL DEFAULT false, "account_holder" character varying(200), "rib_ciphertext" bytea, "rib_last4" character varying(4), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_payout_accounts_stripe_account" UNIQUE ("stripe_account_id"), CONSTRAINT "UQ_payout_accounts_cooperative" UNIQUE ("cooperative_id"), CONSTRAINT "REL_69d45873f1d2b7b0d24f5251ef" UNIQUE ("cooperative_id"), CONSTRAINT "CHK_payout_accounts_status" CHECK ("status" IN ('NOT_STARTED', 'ONBOARDING', 'ACTIVE', 'RESTRICTED')), CONSTRAINT "CHK_payout_accounts_method" CHECK ("method" IN ('STRIPE_CONNECT', 'BANK_TRANSFER')), CONSTRAINT "PK_payout_accounts" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "payouts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cooperative_id" uuid NOT NULL, "method" character varying(32) NOT NULL, "amount" integer NOT NULL, "currency" character varying(3) NOT NULL DEFAULT 'MAD', "status" character varying(32) NOT NULL, "reference" character varying(255), "failure_reason" character varying(500), "paid_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_payouts_amount" CHECK ("amount" > 0), CONSTRAINT "CHK_payouts_status" CHECK ("status" IN ('PENDING', 'PAID', 'FAILED')), CONSTRAINT "CHK_payouts_method" CHECK ("method" IN ('STRIPE_CONNECT', 'BANK_TRANSFER')), CONSTRAINT "PK_payouts" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_payouts_status_created" ON "payouts"  ("status", "created_at", "id") `);
    await q.query(
      `CREATE INDEX "IDX_payouts_cooperative_created" ON "payouts"  ("cooperative_id", "created_at", "id") `,
    );
    await q.query(
      `CREATE TABLE "ledger_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cooperative_id" uuid NOT NULL, "type" character varying(32) NOT NULL, "amount" integer NOT NULL, "currency" character varying(3) NOT NULL DEFAULT 'MAD', "sub_order_id" uuid, "refund_id" uuid, "payout_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_ledger_entries_refs" CHECK (("type" IN ('SALE', 'SHIPPING', 'COMMISSION', 'CASH_COLLECTED') AND "sub_order_id" IS NOT NULL) OR ("type" = 'REFUND' AND "refund_id" IS NOT NULL AND "sub_order_id" IS NOT NULL) OR ("type" IN ('PAYOUT', 'PAYOUT_REVERSAL') AND "payout_id" IS NOT NULL)), CONSTRAINT "CHK_ledger_entries_type" CHECK ("type" IN ('SALE', 'SHIPPING', 'COMMISSION', 'REFUND', 'CASH_COLLECTED', 'PAYOUT', 'PAYOUT_REVERSAL')), CONSTRAINT "PK_ledger_entries" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_ledger_entries_sub_order" ON "ledger_entries"  ("sub_order_id") `);
    await q.query(
      `CREATE INDEX "IDX_ledger_entries_cooperative_created" ON "ledger_entries"  ("cooperative_id", "created_at", "id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_ledger_entries_payout_effect" ON "ledger_entries"  ("type", "payout_id") WHERE "payout_id" IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_ledger_entries_refund_effect" ON "ledger_entries"  ("type", "refund_id") WHERE "refund_id" IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_ledger_entries_sub_order_effect" ON "ledger_entries"  ("type", "sub_order_id") WHERE "type" IN ('SALE', 'SHIPPING', 'COMMISSION', 'CASH_COLLECTED')`,
    );
    await q.query(
      `ALTER TABLE "payments" ADD CONSTRAINT "FK_payments_order" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "payment_attempts" ADD CONSTRAINT "FK_payment_attempts_payment" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "refunds" ADD CONSTRAINT "FK_refunds_payment" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "refunds" ADD CONSTRAINT "FK_refunds_sub_order" FOREIGN KEY ("sub_order_id") REFERENCES "sub_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "payout_accounts" ADD CONSTRAINT "FK_payout_accounts_cooperative" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "payouts" ADD CONSTRAINT "FK_payouts_cooperative" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ledger_entries" ADD CONSTRAINT "FK_ledger_entries_cooperative" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ledger_entries" ADD CONSTRAINT "FK_ledger_entries_sub_order" FOREIGN KEY ("sub_order_id") REFERENCES "sub_orders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ledger_entries" ADD CONSTRAINT "FK_ledger_entries_refund" FOREIGN KEY ("refund_id") REFERENCES "refunds"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ledger_entries" ADD CONSTRAINT "FK_ledger_entries_payout" FOREIGN KEY ("payout_id") REFERENCES "payouts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "ledger_entries" DROP CONSTRAINT "FK_ledger_entries_payout"`);
    await q.query(`ALTER TABLE "ledger_entries" DROP CONSTRAINT "FK_ledger_entries_refund"`);
    await q.query(`ALTER TABLE "ledger_entries" DROP CONSTRAINT "FK_ledger_entries_sub_order"`);
    await q.query(`ALTER TABLE "ledger_entries" DROP CONSTRAINT "FK_ledger_entries_cooperative"`);
    await q.query(`ALTER TABLE "payouts" DROP CONSTRAINT "FK_payouts_cooperative"`);
    await q.query(`ALTER TABLE "payout_accounts" DROP CONSTRAINT "FK_payout_accounts_cooperative"`);
    await q.query(`ALTER TABLE "refunds" DROP CONSTRAINT "FK_refunds_sub_order"`);
    await q.query(`ALTER TABLE "refunds" DROP CONSTRAINT "FK_refunds_payment"`);
    await q.query(`ALTER TABLE "payment_attempts" DROP CONSTRAINT "FK_payment_attempts_payment"`);
    await q.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_payments_order"`);
    await q.query(`DROP INDEX "public"."UQ_ledger_entries_sub_order_effect"`);
    await q.query(`DROP INDEX "public"."UQ_ledger_entries_refund_effect"`);
    await q.query(`DROP INDEX "public"."UQ_ledger_entries_payout_effect"`);
    await q.query(`DROP INDEX "public"."IDX_ledger_entries_cooperative_created"`);
    await q.query(`DROP INDEX "public"."IDX_ledger_entries_sub_order"`);
    await q.query(`DROP TABLE "ledger_entries"`);
    await q.query(`DROP INDEX "public"."IDX_payouts_cooperative_created"`);
    await q.query(`DROP INDEX "public"."IDX_payouts_status_created"`);
    await q.query(`DROP TABLE "payouts"`);
    await q.query(`DROP TABLE "payout_accounts"`);
    await q.query(`DROP INDEX "public"."IDX_refunds_sub_order"`);
    await q.query(`DROP INDEX "public"."IDX_refunds_payment"`);
    await q.query(`DROP TABLE "refunds"`);
    await q.query(`DROP TABLE "stripe_events"`);
    await q.query(`DROP INDEX "public"."IDX_payment_attempts_payment"`);
    await q.query(`DROP TABLE "payment_attempts"`);
    await q.query(`DROP TABLE "payments"`);
  }
}
