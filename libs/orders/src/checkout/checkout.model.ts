import { Field, ObjectType } from '@nestjs/graphql';
import { OrderModel } from '../orders/order.model.js';

@ObjectType('CheckoutResult')
export class CheckoutResultModel {
  @Field(() => OrderModel)
  order!: OrderModel;

  @Field(() => String, {
    nullable: true,
    description: 'Stripe PaymentIntent client secret, for CARD only (null until payments land).',
  })
  paymentClientSecret!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Lets a guest read this order later with order(number, guestAccessToken); returned once.',
  })
  guestAccessToken!: string | null;
}
