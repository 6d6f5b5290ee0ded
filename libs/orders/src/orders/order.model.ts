import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, MoneyModel } from '@taawoun/core';
import { OrderStatus, PaymentMethod, PaymentStatus, SubOrderStatus } from './order-status.js';

@ObjectType('Address')
export class AddressModel {
  @Field()
  fullName!: string;

  @Field()
  phone!: string;

  @Field()
  line1!: string;

  @Field(() => String, { nullable: true })
  line2!: string | null;

  @Field()
  city!: string;

  @Field(() => String, { nullable: true })
  provinceCode!: string | null;

  @Field(() => String, { nullable: true })
  postalCode!: string | null;

  @Field()
  countryCode!: string;
}

@ObjectType('OrderLine', { description: 'A bought variant with its name, SKU and unit price at checkout.' })
export class OrderLineModel {
  @Field(() => ID)
  id!: string;

  @Field()
  productName!: string;

  @Field()
  sku!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => MoneyModel)
  unitPrice!: MoneyModel;

  @Field(() => MoneyModel)
  lineTotal!: MoneyModel;

  variantId!: string;
  subOrderId!: string;
}

@ObjectType('SubOrder', { description: 'The part of an order one cooperative ships.' })
export class SubOrderModel {
  @Field(() => ID)
  id!: string;

  @Field(() => SubOrderStatus)
  status!: SubOrderStatus;

  @Field(() => MoneyModel)
  subtotal!: MoneyModel;

  @Field(() => MoneyModel)
  shippingFee!: MoneyModel;

  @Field(() => MoneyModel)
  total!: MoneyModel;

  @Field(() => MoneyModel, {
    description: "The platform's share; total - commission goes to the cooperative.",
  })
  commission!: MoneyModel;

  @Field(() => String, { nullable: true })
  carrier!: string | null;

  @Field(() => String, { nullable: true })
  trackingNumber!: string | null;

  orderId!: string;
  cooperativeId!: string;
  commissionRateBps!: number;
  createdAt!: Date;
}

@ObjectType('Payment')
export class PaymentModel {
  @Field(() => PaymentMethod)
  method!: PaymentMethod;

  @Field(() => PaymentStatus)
  status!: PaymentStatus;

  @Field(() => MoneyModel)
  amount!: MoneyModel;

  @Field(() => MoneyModel)
  refunded!: MoneyModel;
}

@ObjectType('Order')
export class OrderModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Human-readable and unique, e.g. "TW-2026-000123".' })
  number!: string;

  @Field(() => OrderStatus)
  status!: OrderStatus;

  @Field()
  email!: string;

  @Field(() => AddressModel)
  shippingAddress!: AddressModel;

  @Field(() => MoneyModel)
  total!: MoneyModel;

  @Field(() => PaymentModel)
  payment!: PaymentModel;

  @Field()
  createdAt!: Date;

  userId!: string | null;
  paymentMethod!: PaymentMethod;
  /** Shown to its caller through the guest access token (see sub-order-visibility.ts). */
  viaGuestToken?: boolean;
}

@ObjectType('OrderConnection')
export class OrderConnection extends ConnectionType('Order', OrderModel) {}

@ObjectType('SubOrderConnection')
export class SubOrderConnection extends ConnectionType('SubOrder', SubOrderModel) {}
