import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MoneyModel } from '@taawoun/core';

export enum LedgerEntryTypeEnum {
  SALE = 'SALE',
  SHIPPING = 'SHIPPING',
  COMMISSION = 'COMMISSION',
  REFUND = 'REFUND',
  CASH_COLLECTED = 'CASH_COLLECTED',
  PAYOUT = 'PAYOUT',
  PAYOUT_REVERSAL = 'PAYOUT_REVERSAL',
}
registerEnumType(LedgerEntryTypeEnum, { name: 'LedgerEntryType' });

@ObjectType('LedgerEntry', { description: "A signed amount from the cooperative's point of view." })
export class LedgerEntryModel {
  @Field(() => ID)
  id!: string;

  @Field(() => LedgerEntryTypeEnum)
  type!: LedgerEntryTypeEnum;

  @Field(() => MoneyModel)
  amount!: MoneyModel;

  @Field(() => Date)
  at!: Date;

  subOrderId!: string | null;
  payoutId!: string | null;
}

@ObjectType('CooperativeLedger')
export class CooperativeLedgerModel {
  cooperativeId!: string;

  @Field(() => MoneyModel, { description: 'Sum of all entries: positive = owed to the cooperative.' })
  balance!: MoneyModel;

  @Field(() => MoneyModel, {
    description: 'The part of balance from sub-orders delivered more than PAYOUT_HOLD_DAYS days ago.',
  })
  payable!: MoneyModel;

  @Field(() => MoneyModel, {
    description: 'Paid out so far (pending bank transfers included), net of reversals.',
  })
  paidOut!: MoneyModel;
}
