import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LanguageCode, PageArgs } from '@taawoun/core';
import { VariantInput } from '../variants/variant.input.js';
import { MAX_PRICE_AMOUNT } from '../variants/variant.entity.js';
import { ProductSort } from './product-sort.js';

/** The most variants a product may have. */
export const MAX_VARIANTS = 100;

@InputType('TranslationInput')
export class TranslationInput {
  @Field(() => LanguageCode)
  @IsEnum(LanguageCode)
  languageCode!: LanguageCode;

  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  @Matches(/\S/, { message: 'must not be blank' })
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;
}

@InputType('CreateProductInput')
export class CreateProductInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a cooperative id' })
  cooperativeId!: string;

  @Field()
  @IsString()
  @MaxLength(64)
  categoryCode!: string;

  @Field(() => LanguageCode, {
    nullable: true,
    description: 'The language missing translations fall back to; defaults to the first translation.',
  })
  @IsOptional()
  @IsEnum(LanguageCode)
  defaultLanguage?: LanguageCode | null;

  @Field(() => [TranslationInput])
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one translation' })
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => TranslationInput)
  translations!: TranslationInput[];

  @Field(() => [VariantInput])
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one variant' })
  @ArrayMaxSize(MAX_VARIANTS, { message: `a product has at most ${MAX_VARIANTS} variants` })
  @ValidateNested({ each: true })
  @Type(() => VariantInput)
  variants!: VariantInput[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'must be asset ids' })
  imageAssetIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'must be certification ids' })
  certificationIds?: string[] | null;
}

@InputType('UpdateProductInput')
export class UpdateProductInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  categoryCode?: string | null;

  @Field(() => LanguageCode, {
    nullable: true,
    description: 'Change the default language (needs its translation).',
  })
  @IsOptional()
  @IsEnum(LanguageCode)
  defaultLanguage?: LanguageCode | null;

  @Field(() => [TranslationInput], {
    nullable: true,
    description: 'Replaces every translation; must include the default language.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one translation' })
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => TranslationInput)
  translations?: TranslationInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the images, in this order.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'must be asset ids' })
  imageAssetIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the linked certifications.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'must be certification ids' })
  certificationIds?: string[] | null;
}

@InputType('ProductFilter')
export class ProductFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Full text over names and descriptions in every language, typo-tolerant.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A category; a parent category includes its children.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  categoryCode?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a cooperative id' })
  cooperativeId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  regionCode?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  womenLed?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Has at least one valid certification.' })
  @IsOptional()
  @IsBoolean()
  certified?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Some variant costs at least this (centimes).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PRICE_AMOUNT)
  minPrice?: number | null;

  @Field(() => Int, { nullable: true, description: 'Some variant costs at most this (centimes).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PRICE_AMOUNT)
  maxPrice?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Some variant has stock.' })
  @IsOptional()
  @IsBoolean()
  inStock?: boolean | null;
}

@ArgsType()
export class ProductsArgs extends PageArgs {
  @Field(() => ProductFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProductFilter)
  filter?: ProductFilter | null;

  @Field(() => ProductSort, {
    nullable: true,
    description:
      'RELEVANCE needs a search term (NEWEST without one). Default: RELEVANCE with a term, else NEWEST.',
  })
  @IsOptional()
  @IsEnum(ProductSort)
  sort?: ProductSort | null;
}
