import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MoneyModel } from '@taawoun/core';

@ObjectType('VariantOption', {
  description: 'One option of a variant, e.g. weight=500g, size=M, colour=white.',
})
export class VariantOptionModel {
  @Field()
  name!: string;

  @Field()
  value!: string;
}

@ObjectType('ProductVariant')
export class ProductVariantModel {
  @Field(() => ID)
  id!: string;

  @Field()
  sku!: string;

  @Field(() => [VariantOptionModel])
  options!: VariantOptionModel[];

  @Field(() => MoneyModel)
  price!: MoneyModel;

  @Field(() => Int)
  stock!: number;

  @Field()
  inStock!: boolean;

  productId!: string;
  cooperativeId!: string;
}
