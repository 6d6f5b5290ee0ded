import { Injectable } from '@nestjs/common';
import { CartRepository } from './cart.repository.js';

/** Carts of guests (the random id is the key) and of signed-in buyers. */
@Injectable()
export class CartService {
  constructor(private readonly carts: CartRepository) {}
}
