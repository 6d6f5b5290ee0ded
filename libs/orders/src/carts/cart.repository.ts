import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

export const CART_SQL = {} as const;

/** Every statement on `carts` and `cart_lines`. */
@Injectable()
export class CartRepository {
  constructor(private readonly db: Db) {}
}
