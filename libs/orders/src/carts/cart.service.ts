import { Injectable } from '@nestjs/common';
import { VariantService } from '@taawoun/catalog';
import {
  BadUserInputError,
  Db,
  DEFAULT_CURRENCY,
  isUuid,
  money,
  NotFoundError,
  type RequestContext,
} from '@taawoun/core';
import type { CartModel } from './cart.model.js';
import { CartRepository, type CartRow } from './cart.repository.js';

/** The most different variants a cart holds. */
export const MAX_CART_LINES = 50;
/** The most units of one variant in a cart (and in an order line). */
export const MAX_LINE_QUANTITY = 99;

/**
 * Carts. A guest cart's only key is its id (a random UUID v4: unguessable); a signed-in buyer has
 * at most one open cart, readable by nobody else. When a signed-in buyer uses a guest cart id
 * (`cart(id)`, `addToCart`, `updateCartLine`, `removeCartLine`), the guest cart joins the
 * account's: adopted as it is when the buyer has no open cart (same id), else its lines are
 * merged into the buyer's cart (quantities added, capped at 99; new variants while there is room)
 * and the guest cart is deleted; the answer is the buyer's cart, whose id the client keeps.
 * Prices are never stored: lines are priced at the variants' current prices when read, and only
 * purchasable variants (product PUBLISHED, cooperative APPROVED) are shown and checked out.
 */
@Injectable()
export class CartService {
  constructor(
    private readonly db: Db,
    private readonly carts: CartRepository,
    private readonly variants: VariantService,
  ) {}

  /** The cart, or null when unknown, checked out, or someone else's (never says which). */
  async get(rc: RequestContext, id: string): Promise<CartModel | null> {
    if (!isUuid(id)) return null;
    const row = await this.carts.byId(id);
    if (!row || row.orderId || (row.userId && row.userId !== rc.actor?.userId)) return null;
    if (!row.userId && rc.actor) {
      const cartId = await this.change(rc, id, () => Promise.resolve()).catch((error: unknown) => {
        if (error instanceof NotFoundError || error instanceof BadUserInputError) return null;
        throw error;
      });
      return cartId ? this.read(cartId) : null;
    }
    return this.read(row.id);
  }

  /** Adds units of a purchasable variant, to a new cart (or the buyer's) when `cartId` is null. */
  async add(
    rc: RequestContext,
    cartId: string | null | undefined,
    variantId: string,
    quantity: number,
  ): Promise<CartModel> {
    requireQuantity(quantity, 1);
    const [variant] = await this.variants.purchasable([variantId]);
    if (!variant) throw BadUserInputError.field('variantId', 'this item is not available');
    const id = await this.change(rc, cartId ?? null, async (cart) => {
      const current = await this.carts.lineQuantity(cart, variant.id);
      if (current === 0 && (await this.carts.lineCount(cart)) >= MAX_CART_LINES)
        throw BadUserInputError.field('variantId', `a cart holds at most ${MAX_CART_LINES} different items`);
      const added = await this.carts.addLine(cart, variant.id, quantity, MAX_LINE_QUANTITY);
      if (added === null)
        throw BadUserInputError.field(
          'quantity',
          `at most ${MAX_LINE_QUANTITY} of one item: ${current} already in the cart`,
        );
    });
    return this.read(id);
  }

  /** Sets a line's quantity; 0 removes it. */
  async updateLine(rc: RequestContext, cartId: string, lineId: string, quantity: number): Promise<CartModel> {
    requireQuantity(quantity, 0);
    if (quantity === 0) return this.removeLine(rc, cartId, lineId);
    const id = await this.change(rc, cartId, async (cart) => {
      if (!isUuid(lineId) || !(await this.carts.setLine(cart, lineId, quantity)))
        throw new NotFoundError('CartLine', lineId);
    });
    return this.read(id);
  }

  async removeLine(rc: RequestContext, cartId: string, lineId: string): Promise<CartModel> {
    const id = await this.change(rc, cartId, async (cart) => {
      if (!isUuid(lineId) || !(await this.carts.removeLine(cart, lineId)))
        throw new NotFoundError('CartLine', lineId);
    });
    return this.read(id);
  }

  /**
   * Runs `apply` on the locked open cart `cartId` (or, when null, the buyer's cart or a new guest
   * cart), then joins a guest cart to a signed-in buyer's; answers the id of the resulting cart.
   * A buyer's cart operations serialise on an advisory lock of the user, then on the cart row
   * (the order checkout also locks), so lines and the cart cap hold under concurrent requests.
   */
  private change(
    rc: RequestContext,
    cartId: string | null,
    apply: (cartId: string) => Promise<void>,
  ): Promise<string> {
    const userId = rc.actor?.userId ?? null;
    if (cartId !== null && !isUuid(cartId)) throw new NotFoundError('Cart', cartId);
    return this.db.transaction(async () => {
      if (userId) await this.carts.lockUser(userId);
      let cart: CartRow;
      if (cartId === null) {
        cart = userId ? await this.ownCart(userId) : await this.carts.insert(null);
      } else {
        const row = await this.carts.lock(cartId);
        if (!row || (row.userId && row.userId !== userId)) throw new NotFoundError('Cart', cartId);
        if (row.orderId) throw BadUserInputError.field('cartId', 'this cart has been checked out');
        cart = row;
      }
      await apply(cart.id);
      await this.carts.touch(cart.id);
      if (userId && !cart.userId) return this.join(cart.id, userId);
      return cart.id;
    });
  }

  /** The buyer's open cart, created when there is none (under the user's advisory lock). */
  private async ownCart(userId: string): Promise<CartRow> {
    const own = await this.carts.openOfUser(userId);
    if (own) return (await this.carts.lock(own.id)) ?? own;
    return this.carts.insert(userId);
  }

  /** Joins guest cart `guestId` (locked) to the buyer's; answers the buyer's cart id. */
  private async join(guestId: string, userId: string): Promise<string> {
    const own = await this.carts.openOfUser(userId);
    if (!own) {
      await this.carts.adopt(guestId, userId);
      return guestId;
    }
    await this.carts.lock(own.id);
    await this.carts.mergeLines(guestId, own.id, MAX_CART_LINES, MAX_LINE_QUANTITY);
    await this.carts.delete(guestId);
    return own.id;
  }

  /** The cart with its purchasable lines at current prices. */
  async read(id: string): Promise<CartModel> {
    const lines = await this.carts.lines(id);
    const prices = new Map(
      (await this.variants.purchasable(lines.map((l) => l.variantId))).map((v) => [v.id, v]),
    );
    const shown = lines.flatMap((line) => {
      const variant = prices.get(line.variantId);
      if (!variant) return [];
      return [
        {
          id: line.id,
          quantity: line.quantity,
          lineTotal: money(variant.priceAmount * line.quantity, variant.currency),
          variantId: line.variantId,
        },
      ];
    });
    return {
      id,
      lines: shown,
      total: money(
        shown.reduce((sum, l) => sum + l.lineTotal.amount, 0),
        DEFAULT_CURRENCY,
      ),
      itemCount: shown.reduce((sum, l) => sum + l.quantity, 0),
    };
  }
}

function requireQuantity(quantity: number, min: number): void {
  if (!Number.isInteger(quantity) || quantity < min || quantity > MAX_LINE_QUANTITY)
    throw BadUserInputError.field('quantity', `must be an integer between ${min} and ${MAX_LINE_QUANTITY}`);
}
