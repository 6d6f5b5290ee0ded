import { ArgsType, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, MoneyModel, PageArgs } from '@taawoun/core';
import { IsEnum, IsOptional, IsString } from 'class-validator';

export enum PayoutMethodEnum {
  STRIPE_CONNECT = 'STRIPE_CONNECT',
  BANK_TRANSFER = 'BANK_TRANSFER',
}
registerEnumType(PayoutMethodEnum, { name: 'PayoutMethod' });

export enum PayoutAccountStatusEnum {
  NOT_STARTED = 'NOT_STARTED',
  ONBOARDING = 'ONBOARDING',
  ACTIVE = 'ACTIVE',
  RESTRICTED = 'RESTRICTED',
}
registerEnumType(PayoutAccountStatusEnum, { name: 'PayoutAccountStatus' });

export enum PayoutStatusEnum {
  PENDING = 'PENDING',
  PAID = 'PAID',
  FAILED = 'FAILED',
}
registerEnumType(PayoutStatusEnum, { name: 'PayoutStatus' });

@ObjectType('PayoutAccount', {
  description: 'How a cooperative is paid out; the full RIB is never returned.',
})
export class PayoutAccountModel {
  @Field(() => PayoutMethodEnum)
  method!: PayoutMethodEnum;

  @Field(() => PayoutAccountStatusEnum)
  status!: PayoutAccountStatusEnum;

  @Field({ description: 'STRIPE_CONNECT only; false otherwise.' })
  chargesEnabled!: boolean;

  @Field()
  payoutsEnabled!: boolean;

  @Field(() => String, { nullable: true, description: 'BANK_TRANSFER' })
  accountHolder!: string | null;

  @Field(() => String, { nullable: true, description: 'BANK_TRANSFER; the last four characters of the RIB.' })
  ribLast4!: string | null;
}

@ObjectType('Payout')
export class PayoutModel {
  @Field(() => ID)
  id!: string;

  @Field(() => PayoutMethodEnum)
  method!: PayoutMethodEnum;

  @Field(() => MoneyModel)
  amount!: MoneyModel;

  @Field(() => PayoutStatusEnum)
  status!: PayoutStatusEnum;

  @Field(() => String, {
    nullable: true,
    description: 'Stripe transfer id, or the bank reference an admin records.',
  })
  reference!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  paidAt!: Date | null;

  cooperativeId!: string;
}

@ObjectType('PayoutConnection')
export class PayoutConnection extends ConnectionType('Payout', PayoutModel) {}

@ArgsType()
export class PayoutsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Required for OWNER/MANAGERs: their cooperative.' })
  @IsOptional()
  @IsString()
  cooperativeId?: string | null;

  @Field(() => PayoutStatusEnum, { nullable: true })
  @IsOptional()
  @IsEnum(PayoutStatusEnum)
  status?: PayoutStatusEnum | null;
}
