import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PageArgs } from '@taawoun/core';
import { IsEnum, IsOptional, IsString } from 'class-validator';
import { SubOrderStatus } from '../orders/order-status.js';

@ArgsType()
export class CooperativeOrdersArgs extends PageArgs {
  @Field(() => ID)
  @IsString()
  cooperativeId!: string;

  @Field(() => SubOrderStatus, { nullable: true, description: 'Only the sub-orders in this status.' })
  @IsOptional()
  @IsEnum(SubOrderStatus)
  status?: SubOrderStatus | null;
}
