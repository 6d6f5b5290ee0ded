import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MoneyModel } from '@taawoun/core';

@ObjectType('CartLine')
export class CartLineModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => MoneyModel, { description: 'The current unit price times the quantity.' })
  lineTotal!: MoneyModel;

  variantId!: string;
}

@ObjectType('Cart', {
  description: 'Lines of purchasable variants only, priced at the current prices until checkout.',
})
export class CartModel {
  @Field(() => ID)
  id!: string;

  @Field(() => [CartLineModel])
  lines!: CartLineModel[];

  @Field(() => MoneyModel)
  total!: MoneyModel;

  @Field(() => Int, { description: 'The number of units in the cart.' })
  itemCount!: number;
}
