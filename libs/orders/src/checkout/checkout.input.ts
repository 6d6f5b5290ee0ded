import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  IsEnum,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PaymentMethod } from '../orders/order-status.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimOrNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;

@InputType('AddressInput')
export class AddressInput {
  @Field()
  @Transform(trim)
  @IsString()
  @MinLength(2, { message: 'fullName must be at least 2 characters' })
  @MaxLength(200, { message: 'fullName must be at most 200 characters' })
  fullName!: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Matches(/^\+?[0-9][0-9 .()-]{7,22}$/, { message: 'phone must be a phone number' })
  phone!: string;

  @Field()
  @Transform(trim)
  @IsString()
  @MinLength(2, { message: 'line1 must be at least 2 characters' })
  @MaxLength(200, { message: 'line1 must be at most 200 characters' })
  line1!: string;

  @Field(() => String, { nullable: true })
  @Transform(trimOrNull)
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'line2 must be at most 200 characters' })
  line2?: string | null;

  @Field()
  @Transform(trim)
  @IsString()
  @MinLength(2, { message: 'city must be at least 2 characters' })
  @MaxLength(100, { message: 'city must be at most 100 characters' })
  city!: string;

  @Field(() => String, { nullable: true })
  @Transform(trimOrNull)
  @IsOptional()
  @IsString()
  @MaxLength(8, { message: 'provinceCode must be at most 8 characters' })
  provinceCode?: string | null;

  @Field(() => String, { nullable: true })
  @Transform(trimOrNull)
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9 -]{2,12}$/, {
    message: 'postalCode must be 2 to 12 letters, digits, spaces or dashes',
  })
  postalCode?: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2, "MA" for Morocco.' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @IsISO31661Alpha2({ message: 'countryCode must be an ISO 3166-1 alpha-2 code' })
  countryCode!: string;
}

@InputType('CheckoutInput')
export class CheckoutInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(64)
  cartId!: string;

  @Field({ description: 'Required for guests; must match the account for signed-in buyers.' })
  @IsString()
  @MaxLength(320, { message: 'email must be a valid e-mail address' })
  email!: string;

  @Field(() => AddressInput)
  @ValidateNested()
  @Type(() => AddressInput)
  shippingAddress!: AddressInput;

  @Field(() => PaymentMethod)
  @IsEnum(PaymentMethod)
  paymentMethod!: PaymentMethod;
}
