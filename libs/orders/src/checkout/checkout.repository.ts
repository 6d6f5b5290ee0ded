import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

export const CHECKOUT_SQL = {} as const;

/** The statements of a checkout that write orders, sub-orders and their lines. */
@Injectable()
export class CheckoutRepository {
  constructor(private readonly db: Db) {}
}
