import { Injectable } from '@nestjs/common';
import { OrderRepository } from './order.repository.js';

/** Orders as their buyers, guests with a token, and admins read them. */
@Injectable()
export class OrderService {
  constructor(private readonly orders: OrderRepository) {}
}
