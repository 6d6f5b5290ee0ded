import { Injectable } from '@nestjs/common';
import { CheckoutRepository } from './checkout.repository.js';

/** Turns a cart into an order in one transaction. */
@Injectable()
export class CheckoutService {
  constructor(private readonly checkouts: CheckoutRepository) {}
}
