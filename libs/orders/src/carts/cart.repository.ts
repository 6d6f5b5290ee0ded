import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

/** A cart row: a guest's when `userId` is null; converted when `orderId` is set. */
export interface CartRow {
  id: string;
  userId: string | null;
  orderId: string | null;
}

export interface CartLineRow {
  id: string;
  cartId: string;
  variantId: string;
  quantity: number;
}

const CART_COLUMNS = `c.id, c.user_id AS "userId", c.order_id AS "orderId"`;
const LINE_COLUMNS = `l.id, l.cart_id AS "cartId", l.variant_id AS "variantId", l.quantity`;

export const CART_SQL = {
  byId: `SELECT ${CART_COLUMNS} FROM carts c WHERE c.id = $1::uuid`,
  /** Locks the cart: every change of a cart and its checkout serialise on this row. */
  lock: `SELECT ${CART_COLUMNS} FROM carts c WHERE c.id = $1::uuid FOR UPDATE`,
  openOfUser: `SELECT ${CART_COLUMNS} FROM carts c WHERE c.user_id = $1::uuid AND c.order_id IS NULL`,
  /** Serialises the creation, adoption and merging of one user's cart (no row to lock before it exists). */
  lockUser: `SELECT pg_advisory_xact_lock(hashtextextended('carts.user:' || $1::text, 0))`,
  insert: `INSERT INTO carts (user_id) VALUES ($1::uuid) RETURNING id, user_id AS "userId", order_id AS "orderId"`,
  /** A guest cart becomes the user's (the id stays the same). */
  adopt: `UPDATE carts SET user_id = $2::uuid, updated_at = now() WHERE id = $1::uuid AND user_id IS NULL AND order_id IS NULL`,
  /**
   * Moves the lines of guest cart $1 into cart $2: quantities of a variant in both are added and
   * capped at $4; new variants are taken oldest first while the target has room for them ($3 lines).
   */
  mergeLines: `WITH target AS (SELECT variant_id FROM cart_lines WHERE cart_id = $2::uuid),
                    room AS (SELECT $3::int - count(*) AS n FROM target),
                    source AS (
                      SELECT g.variant_id, g.quantity, g.variant_id IN (SELECT variant_id FROM target) AS known,
                             row_number() OVER (PARTITION BY g.variant_id IN (SELECT variant_id FROM target)
                                                ORDER BY g.created_at, g.id) AS k
                        FROM cart_lines g WHERE g.cart_id = $1::uuid)
               INSERT INTO cart_lines (cart_id, variant_id, quantity)
               SELECT $2::uuid, s.variant_id, LEAST(s.quantity, $4::int) FROM source s, room
                WHERE s.known OR s.k <= room.n
               ON CONFLICT ON CONSTRAINT "UQ_cart_lines_cart_variant"
               DO UPDATE SET quantity = LEAST(cart_lines.quantity + EXCLUDED.quantity, $4::int)`,
  delete: `DELETE FROM carts WHERE id = $1::uuid`,
  touch: `UPDATE carts SET updated_at = now() WHERE id = $1::uuid`,
  lines: `SELECT ${LINE_COLUMNS} FROM cart_lines l WHERE l.cart_id = $1::uuid ORDER BY l.created_at, l.id`,
  lineCount: `SELECT count(*)::int AS count FROM cart_lines WHERE cart_id = $1::uuid`,
  /** Adds $3 units of a variant; answers the new quantity, none when it would pass $4. */
  addLine: `INSERT INTO cart_lines (cart_id, variant_id, quantity) VALUES ($1::uuid, $2::uuid, $3::int)
            ON CONFLICT ON CONSTRAINT "UQ_cart_lines_cart_variant"
            DO UPDATE SET quantity = cart_lines.quantity + EXCLUDED.quantity
            WHERE cart_lines.quantity + EXCLUDED.quantity <= $4::int
            RETURNING quantity`,
  lineQuantity: `SELECT quantity FROM cart_lines WHERE cart_id = $1::uuid AND variant_id = $2::uuid`,
  setLine: `UPDATE cart_lines SET quantity = $3::int WHERE id = $2::uuid AND cart_id = $1::uuid RETURNING id`,
  removeLine: `DELETE FROM cart_lines WHERE id = $2::uuid AND cart_id = $1::uuid RETURNING id`,
  /** Marks the cart converted by an order (inside the checkout transaction). */
  convert: `UPDATE carts SET order_id = $2::uuid, updated_at = now() WHERE id = $1::uuid AND order_id IS NULL`,
} as const;

/** Every statement on `carts` and `cart_lines`. */
@Injectable()
export class CartRepository {
  constructor(private readonly db: Db) {}

  async byId(id: string): Promise<CartRow | null> {
    const [row] = await this.db.query<CartRow>(CART_SQL.byId, [id]);
    return row ?? null;
  }

  async lock(id: string): Promise<CartRow | null> {
    const [row] = await this.db.query<CartRow>(CART_SQL.lock, [id]);
    return row ?? null;
  }

  async openOfUser(userId: string): Promise<CartRow | null> {
    const [row] = await this.db.query<CartRow>(CART_SQL.openOfUser, [userId]);
    return row ?? null;
  }

  async lockUser(userId: string): Promise<void> {
    await this.db.query(CART_SQL.lockUser, [userId]);
  }

  async insert(userId: string | null): Promise<CartRow> {
    const [row] = await this.db.query<CartRow>(CART_SQL.insert, [userId]);
    return row;
  }

  async adopt(cartId: string, userId: string): Promise<void> {
    await this.db.query(CART_SQL.adopt, [cartId, userId]);
  }

  async mergeLines(
    fromCartId: string,
    toCartId: string,
    maxLines: number,
    maxQuantity: number,
  ): Promise<void> {
    await this.db.query(CART_SQL.mergeLines, [fromCartId, toCartId, maxLines, maxQuantity]);
  }

  async delete(id: string): Promise<void> {
    await this.db.query(CART_SQL.delete, [id]);
  }

  async touch(id: string): Promise<void> {
    await this.db.query(CART_SQL.touch, [id]);
  }

  lines(cartId: string): Promise<CartLineRow[]> {
    return this.db.query<CartLineRow>(CART_SQL.lines, [cartId]);
  }

  async lineCount(cartId: string): Promise<number> {
    const [row] = await this.db.query<{ count: number }>(CART_SQL.lineCount, [cartId]);
    return row.count;
  }

  /** The line's new quantity, or null when it would pass `maxQuantity` (nothing changed). */
  async addLine(
    cartId: string,
    variantId: string,
    quantity: number,
    maxQuantity: number,
  ): Promise<number | null> {
    const [row] = await this.db.query<{ quantity: number }>(CART_SQL.addLine, [
      cartId,
      variantId,
      quantity,
      maxQuantity,
    ]);
    return row?.quantity ?? null;
  }

  async lineQuantity(cartId: string, variantId: string): Promise<number> {
    const [row] = await this.db.query<{ quantity: number }>(CART_SQL.lineQuantity, [cartId, variantId]);
    return row?.quantity ?? 0;
  }

  /** Whether the line was in the cart. */
  async setLine(cartId: string, lineId: string, quantity: number): Promise<boolean> {
    return (await this.db.query(CART_SQL.setLine, [cartId, lineId, quantity])).length > 0;
  }

  /** Whether the line was in the cart. */
  async removeLine(cartId: string, lineId: string): Promise<boolean> {
    return (await this.db.query(CART_SQL.removeLine, [cartId, lineId])).length > 0;
  }

  /** Whether the cart was still open (and is now converted by `orderId`). */
  async convert(cartId: string, orderId: string): Promise<boolean> {
    return (await this.db.execute(CART_SQL.convert, [cartId, orderId])) > 0;
  }
}
