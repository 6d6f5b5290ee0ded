import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { OrderEntity } from '@taawoun/orders';

/**
 * The payment of one order (one per order): the provider that takes it, the amount charged
 * (always the order total, in centimes) and how much of it was refunded.
 */
@Entity('payments')
@Unique('UQ_payments_order', ['orderId'])
@Check(
  'CHK_payments_status',
  `"status" IN ('NOT_REQUIRED', 'PENDING', 'AUTHORIZED', 'SUCCEEDED', 'FAILED', 'REFUNDED', 'PARTIALLY_REFUNDED')`,
)
@Check('CHK_payments_method', `"method" IN ('CARD', 'CASH_ON_DELIVERY')`)
@Check('CHK_payments_amounts', `"amount" >= 0 AND "refunded_amount" >= 0 AND "refunded_amount" <= "amount"`)
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_payments' })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'FK_payments_order' })
  order?: OrderEntity;

  @Column({ type: 'varchar', length: 32 })
  provider!: string;

  @Column({ type: 'varchar', length: 32 })
  method!: string;

  @Column({ type: 'varchar', length: 32 })
  status!: string;

  @Column({ type: 'integer' })
  amount!: number;

  @Column({ name: 'refunded_amount', type: 'integer', default: 0 })
  refundedAmount!: number;

  @Column({ type: 'varchar', length: 3, default: 'MAD' })
  currency!: string;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
