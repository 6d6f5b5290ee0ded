import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MAX_PRICE_AMOUNT } from './variant.entity.js';

/** The most stock a variant may hold or move at once: a guard against typos (1,000,000 units). */
export const MAX_STOCK = 1_000_000;

@InputType('VariantOptionInput')
export class VariantOptionInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  name!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  value!: string;
}

@InputType('VariantInput')
export class VariantInput {
  @Field({ description: 'Unique within the cooperative: letters, digits, dot, dash, underscore.' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message: 'must be 1 to 64 letters, digits, ".", "-" or "_", starting with a letter or digit',
  })
  sku!: string;

  @Field(() => [VariantOptionInput])
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => VariantOptionInput)
  options!: VariantOptionInput[];

  @Field(() => Int, { description: 'Price in centimes (MAD), 1 to 10,000,000.' })
  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_AMOUNT)
  priceAmount!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  stock!: number;
}
