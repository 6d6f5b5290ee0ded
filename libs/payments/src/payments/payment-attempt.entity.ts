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
import { PaymentEntity } from './payment.entity.js';

/**
 * One attempt at the provider (a Stripe PaymentIntent): `provider_ref` is the PaymentIntent id,
 * unique, so a webhook finds its payment; `idempotency_key` is what the provider was sent.
 */
@Entity('payment_attempts')
@Unique('UQ_payment_attempts_provider_ref', ['provider', 'providerRef'])
@Unique('UQ_payment_attempts_idempotency_key', ['idempotencyKey'])
@Check('CHK_payment_attempts_status', `"status" IN ('PENDING', 'SUCCEEDED', 'FAILED')`)
@Check('CHK_payment_attempts_amount', `"amount" >= 0`)
@Index('IDX_payment_attempts_payment', ['paymentId'])
export class PaymentAttemptEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_payment_attempts' })
  id!: string;

  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId!: string;

  @ManyToOne(() => PaymentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'payment_id', foreignKeyConstraintName: 'FK_payment_attempts_payment' })
  payment?: PaymentEntity;

  @Column({ type: 'varchar', length: 32 })
  provider!: string;

  @Column({ name: 'provider_ref', type: 'varchar', length: 255 })
  providerRef!: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 255 })
  idempotencyKey!: string;

  @Column({ type: 'varchar', length: 32 })
  status!: string;

  @Column({ type: 'integer' })
  amount!: number;

  @Column({ name: 'failure_code', type: 'varchar', length: 100, nullable: true })
  failureCode!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
