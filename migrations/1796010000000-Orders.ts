import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10: carts (a guest's keyed by its random id, a buyer's by the user: one open cart each),
 * orders split into one sub-order per cooperative with snapshotted lines and amounts, the
 * sequence behind human-readable order numbers, and the cooperatives' shipping terms.
 */
export class Orders1796010000000 implements MigrationInterface {
  name = 'Orders1796010000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE "order_number_seq" AS bigint START 1`);
    await q.query(
      `CREATE TABLE "orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(32) NOT NULL, "user_id" uuid, "email" character varying(254) NOT NULL, "language" character varying(2) NOT NULL, "status" character varying(32) NOT NULL, "payment_method" character varying(32) NOT NULL, "shipping_address" jsonb NOT NULL, "subtotal_amount" integer NOT NULL, "shipping_amount" integer NOT NULL, "total_amount" integer NOT NULL, "currency" character varying(3) NOT NULL DEFAULT 'MAD', "guest_token_hash" bytea, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_orders_number" UNIQUE ("number"), CONSTRAINT "CHK_orders_language" CHECK ("language" IN ('fr', 'ar', 'en')), CONSTRAINT "CHK_orders_amounts" CHECK ("subtotal_amount" >= 0 AND "shipping_amount" >= 0 AND "total_amount" = "subtotal_amount" + "shipping_amount"), CONSTRAINT "CHK_orders_payment_method" CHECK ("payment_method" IN ('CARD', 'CASH_ON_DELIVERY')), CONSTRAINT "CHK_orders_status" CHECK ("status" IN ('PENDING_PAYMENT', 'PLACED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'REFUNDED')), CONSTRAINT "PK_orders" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_orders_pending_payment" ON "orders"  ("created_at") WHERE "status" = 'PENDING_PAYMENT'`,
    );
    await q.query(`CREATE INDEX "IDX_orders_user_created" ON "orders"  ("user_id", "created_at", "id") `);
    await q.query(
      `CREATE TABLE "sub_orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "cooperative_id" uuid NOT NULL, "status" character varying(32) NOT NULL, "subtotal_amount" integer NOT NULL, "shipping_fee_amount" integer NOT NULL, "total_amount" integer NOT NULL, "commission_rate_bps" integer NOT NULL, "commission_amount" integer NOT NULL, "currency" character varying(3) NOT NULL DEFAULT 'MAD', "carrier" character varying(100), "tracking_number" character varying(100), "shipped_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_sub_orders_order_cooperative" UNIQUE ("order_id", "cooperative_id"), CONSTRAINT "CHK_sub_orders_commission_rate" CHECK ("commission_rate_bps" BETWEEN 0 AND 10000), CONSTRAINT "CHK_sub_orders_amounts" CHECK ("subtotal_amount" >= 0 AND "shipping_fee_amount" >= 0 AND "total_amount" = "subtotal_amount" + "shipping_fee_amount" AND "commission_amount" >= 0), CONSTRAINT "CHK_sub_orders_status" CHECK ("status" IN ('PENDING_PAYMENT', 'AWAITING_FULFILMENT', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED')), CONSTRAINT "PK_sub_orders" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_sub_orders_cooperative_created" ON "sub_orders"  ("cooperative_id", "created_at", "id") `,
    );
    await q.query(
      `CREATE TABLE "order_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sub_order_id" uuid NOT NULL, "variant_id" uuid NOT NULL, "product_name" text NOT NULL, "sku" character varying(64) NOT NULL, "quantity" smallint NOT NULL, "unit_price_amount" integer NOT NULL, "line_total_amount" integer NOT NULL, "currency" character varying(3) NOT NULL DEFAULT 'MAD', CONSTRAINT "CHK_order_lines_amounts" CHECK ("unit_price_amount" >= 0 AND "line_total_amount" = "unit_price_amount" * "quantity"), CONSTRAINT "CHK_order_lines_quantity" CHECK ("quantity" BETWEEN 1 AND 99), CONSTRAINT "PK_order_lines" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_order_lines_sub_order_id" ON "order_lines"  ("sub_order_id") `);
    await q.query(`CREATE INDEX "IDX_order_lines_variant_id" ON "order_lines"  ("variant_id") `);
    await q.query(
      `CREATE TABLE "carts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid, "order_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_carts" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_carts_order_id" ON "carts"  ("order_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_carts_user_open" ON "carts"  ("user_id") WHERE "user_id" IS NOT NULL AND "order_id" IS NULL`,
    );
    await q.query(
      `CREATE TABLE "cart_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cart_id" uuid NOT NULL, "variant_id" uuid NOT NULL, "quantity" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_cart_lines_cart_variant" UNIQUE ("cart_id", "variant_id"), CONSTRAINT "CHK_cart_lines_quantity" CHECK ("quantity" BETWEEN 1 AND 99), CONSTRAINT "PK_cart_lines" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_cart_lines_variant_id" ON "cart_lines"  ("variant_id") `);
    await q.query(`ALTER TABLE "cooperatives" ADD "free_shipping_threshold" integer`);
    await q.query(`ALTER TABLE "cooperatives" ADD "minimum_order_amount" integer`);
    await q.query(
      `ALTER TABLE "cooperatives" ADD CONSTRAINT "CHK_cooperatives_shipping_terms" CHECK (("free_shipping_threshold" IS NULL OR "free_shipping_threshold" >= 0) AND ("minimum_order_amount" IS NULL OR "minimum_order_amount" >= 0))`,
    );
    await q.query(
      `ALTER TABLE "orders" ADD CONSTRAINT "FK_orders_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "sub_orders" ADD CONSTRAINT "FK_sub_orders_order" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "sub_orders" ADD CONSTRAINT "FK_sub_orders_cooperative" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "order_lines" ADD CONSTRAINT "FK_order_lines_sub_order" FOREIGN KEY ("sub_order_id") REFERENCES "sub_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "order_lines" ADD CONSTRAINT "FK_order_lines_variant" FOREIGN KEY ("variant_id") REFERENCES "product_variants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "carts" ADD CONSTRAINT "FK_carts_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "carts" ADD CONSTRAINT "FK_carts_order" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "cart_lines" ADD CONSTRAINT "FK_cart_lines_cart" FOREIGN KEY ("cart_id") REFERENCES "carts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "cart_lines" ADD CONSTRAINT "FK_cart_lines_variant" FOREIGN KEY ("variant_id") REFERENCES "product_variants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cart_lines" DROP CONSTRAINT "FK_cart_lines_variant"`);
    await q.query(`ALTER TABLE "cart_lines" DROP CONSTRAINT "FK_cart_lines_cart"`);
    await q.query(`ALTER TABLE "carts" DROP CONSTRAINT "FK_carts_order"`);
    await q.query(`ALTER TABLE "carts" DROP CONSTRAINT "FK_carts_user"`);
    await q.query(`ALTER TABLE "order_lines" DROP CONSTRAINT "FK_order_lines_variant"`);
    await q.query(`ALTER TABLE "order_lines" DROP CONSTRAINT "FK_order_lines_sub_order"`);
    await q.query(`ALTER TABLE "sub_orders" DROP CONSTRAINT "FK_sub_orders_cooperative"`);
    await q.query(`ALTER TABLE "sub_orders" DROP CONSTRAINT "FK_sub_orders_order"`);
    await q.query(`ALTER TABLE "orders" DROP CONSTRAINT "FK_orders_user"`);
    await q.query(`ALTER TABLE "cooperatives" DROP CONSTRAINT "CHK_cooperatives_shipping_terms"`);
    await q.query(`ALTER TABLE "cooperatives" DROP COLUMN "minimum_order_amount"`);
    await q.query(`ALTER TABLE "cooperatives" DROP COLUMN "free_shipping_threshold"`);
    await q.query(`DROP INDEX "public"."IDX_cart_lines_variant_id"`);
    await q.query(`DROP TABLE "cart_lines"`);
    await q.query(`DROP INDEX "public"."UQ_carts_user_open"`);
    await q.query(`DROP INDEX "public"."UQ_carts_order_id"`);
    await q.query(`DROP TABLE "carts"`);
    await q.query(`DROP INDEX "public"."IDX_order_lines_variant_id"`);
    await q.query(`DROP INDEX "public"."IDX_order_lines_sub_order_id"`);
    await q.query(`DROP TABLE "order_lines"`);
    await q.query(`DROP INDEX "public"."IDX_sub_orders_cooperative_created"`);
    await q.query(`DROP TABLE "sub_orders"`);
    await q.query(`DROP INDEX "public"."IDX_orders_user_created"`);
    await q.query(`DROP INDEX "public"."IDX_orders_pending_payment"`);
    await q.query(`DROP TABLE "orders"`);
    await q.query(`DROP SEQUENCE "order_number_seq"`);
  }
}
