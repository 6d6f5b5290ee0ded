import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CooperativeEntity } from '@taawoun/cooperatives';

/**
 * One payout of a cooperative's payable balance. STRIPE_CONNECT payouts are Stripe transfers
 * (their id as idempotency key, the transfer id as `reference`); BANK_TRANSFER ones stay
 * PENDING until an admin records the bank reference or the failure.
 */
@Entity('payouts')
@Check('CHK_payouts_method', `"method" IN ('STRIPE_CONNECT', 'BANK_TRANSFER')`)
@Check('CHK_payouts_status', `"status" IN ('PENDING', 'PAID', 'FAILED')`)
@Check('CHK_payouts_amount', `"amount" > 0`)
@Index('IDX_payouts_cooperative_created', ['cooperativeId', 'createdAt', 'id'])
@Index('IDX_payouts_status_created', ['status', 'createdAt', 'id'])
export class PayoutEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_payouts' })
  id!: string;

  @Column({ name: 'cooperative_id', type: 'uuid' })
  cooperativeId!: string;

  @ManyToOne(() => CooperativeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cooperative_id', foreignKeyConstraintName: 'FK_payouts_cooperative' })
  cooperative?: CooperativeEntity;

  @Column({ type: 'varchar', length: 32 })
  method!: string;

  @Column({ type: 'integer' })
  amount!: number;

  @Column({ type: 'varchar', length: 3, default: 'MAD' })
  currency!: string;

  @Column({ type: 'varchar', length: 32 })
  status!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  reference!: string | null;

  @Column({ name: 'failure_reason', type: 'varchar', length: 500, nullable: true })
  failureReason!: string | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
