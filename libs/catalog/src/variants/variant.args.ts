import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, NotEquals } from 'class-validator';
import { MAX_PRICE_AMOUNT } from './variant.entity.js';
import { MAX_STOCK } from './variant.input.js';

@ArgsType()
export class UpdateVariantArgs {
  @Field(() => ID)
  @IsString()
  id!: string;

  @Field(() => Int, { nullable: true, description: 'New price in centimes (MAD), 1 to 10,000,000.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_AMOUNT)
  priceAmount?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'New stock level; the difference is recorded as a movement.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  stock?: number | null;
}

@ArgsType()
export class AdjustStockArgs {
  @Field(() => ID)
  @IsString()
  variantId!: string;

  @Field(() => Int, { description: 'Units to add (positive) or remove (negative); never below zero.' })
  @IsInt()
  @NotEquals(0, { message: 'must not be zero' })
  @Min(-MAX_STOCK)
  @Max(MAX_STOCK)
  delta!: number;

  @Field({ description: 'Why the stock moves (recorded with the author).' })
  @IsString()
  @MaxLength(200)
  @Matches(/\S/, { message: 'must not be blank' })
  reason!: string;
}
