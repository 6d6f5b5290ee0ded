import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { CooperativeEntity } from '@taawoun/cooperatives';
import { OrderEntity } from './order.entity.js';

/**
 * The part of an order one cooperative ships, with the amounts snapshotted at checkout: the
 * shipping fee, the cooperative's commission rate and the commission on the subtotal.
 */
@Entity('sub_orders')
@Unique('UQ_sub_orders_order_cooperative', ['orderId', 'cooperativeId'])
@Check(
  'CHK_sub_orders_status',
  `"status" IN ('PENDING_PAYMENT', 'AWAITING_FULFILMENT', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED')`,
)
@Check(
  'CHK_sub_orders_amounts',
  `"subtotal_amount" >= 0 AND "shipping_fee_amount" >= 0 AND "total_amount" = "subtotal_amount" + "shipping_fee_amount" AND "commission_amount" >= 0`,
)
@Check('CHK_sub_orders_commission_rate', `"commission_rate_bps" BETWEEN 0 AND 10000`)
@Index('IDX_sub_orders_cooperative_created', ['cooperativeId', 'createdAt', 'id'])
export class SubOrderEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_sub_orders' })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'FK_sub_orders_order' })
  order?: OrderEntity;

  @Column({ name: 'cooperative_id', type: 'uuid' })
  cooperativeId!: string;

  @ManyToOne(() => CooperativeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cooperative_id', foreignKeyConstraintName: 'FK_sub_orders_cooperative' })
  cooperative?: CooperativeEntity;

  @Column({ type: 'varchar', length: 32 })
  status!: string;

  @Column({ name: 'subtotal_amount', type: 'integer' })
  subtotalAmount!: number;

  @Column({ name: 'shipping_fee_amount', type: 'integer' })
  shippingFeeAmount!: number;

  @Column({ name: 'total_amount', type: 'integer' })
  totalAmount!: number;

  @Column({ name: 'commission_rate_bps', type: 'integer' })
  commissionRateBps!: number;

  @Column({ name: 'commission_amount', type: 'integer' })
  commissionAmount!: number;

  @Column({ type: 'varchar', length: 3, default: 'MAD' })
  currency!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  carrier!: string | null;

  @Column({ name: 'tracking_number', type: 'varchar', length: 100, nullable: true })
  trackingNumber!: string | null;

  @Column({ name: 'shipped_at', type: 'timestamptz', nullable: true })
  shippedAt!: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
