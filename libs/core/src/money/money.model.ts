import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { MoneyValue } from './money.js';

@ObjectType('Money', { description: 'An amount in minor units (centimes) with its ISO 4217 currency code.' })
export class MoneyModel implements MoneyValue {
  @Field(() => Int)
  amount!: number;

  @Field()
  currency!: string;
}
