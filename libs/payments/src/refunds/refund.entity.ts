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
import { SubOrderEntity } from '@taawoun/orders';
import { PaymentEntity } from '../payments/payment.entity.js';

/**
 * A refund of (part of) one sub-order's payment. Its id is the idempotency key sent to the
 * provider; `provider_ref` is the provider's refund id once known.
 */
@Entity('refunds')
@Unique('UQ_refunds_provider_ref', ['providerRef'])
@Check('CHK_refunds_status', `"status" IN ('PENDING', 'SUCCEEDED', 'FAILED')`)
@Check('CHK_refunds_amount', `"amount" > 0`)
@Index('IDX_refunds_sub_order', ['subOrderId'])
@Index('IDX_refunds_payment', ['paymentId'])
export class RefundEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_refunds' })
  id!: string;

  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId!: string;

  @ManyToOne(() => PaymentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'payment_id', foreignKeyConstraintName: 'FK_refunds_payment' })
  payment?: PaymentEntity;

  @Column({ name: 'sub_order_id', type: 'uuid' })
  subOrderId!: string;

  @ManyToOne(() => SubOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sub_order_id', foreignKeyConstraintName: 'FK_refunds_sub_order' })
  subOrder?: SubOrderEntity;

  @Column({ type: 'integer' })
  amount!: number;

  @Column({ type: 'varchar', length: 3, default: 'MAD' })
  currency!: string;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ type: 'varchar', length: 32 })
  status!: string;

  @Column({ name: 'provider_ref', type: 'varchar', length: 255, nullable: true })
  providerRef!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
