import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { CooperativeEntity } from '@taawoun/cooperatives';

/**
 * How a cooperative is paid out (one account each): a Stripe Connect account, or a bank
 * transfer to a RIB that is stored encrypted (`rib_ciphertext`) and shown only by its last 4 digits.
 */
@Entity('payout_accounts')
@Unique('UQ_payout_accounts_cooperative', ['cooperativeId'])
@Unique('UQ_payout_accounts_stripe_account', ['stripeAccountId'])
@Check('CHK_payout_accounts_method', `"method" IN ('STRIPE_CONNECT', 'BANK_TRANSFER')`)
@Check('CHK_payout_accounts_status', `"status" IN ('NOT_STARTED', 'ONBOARDING', 'ACTIVE', 'RESTRICTED')`)
export class PayoutAccountEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_payout_accounts' })
  id!: string;

  @Column({ name: 'cooperative_id', type: 'uuid' })
  cooperativeId!: string;

  @OneToOne(() => CooperativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cooperative_id', foreignKeyConstraintName: 'FK_payout_accounts_cooperative' })
  cooperative?: CooperativeEntity;

  @Column({ type: 'varchar', length: 32 })
  method!: string;

  @Column({ type: 'varchar', length: 32 })
  status!: string;

  @Column({ name: 'stripe_account_id', type: 'varchar', length: 255, nullable: true })
  stripeAccountId!: string | null;

  @Column({ name: 'charges_enabled', type: 'boolean', default: false })
  chargesEnabled!: boolean;

  @Column({ name: 'payouts_enabled', type: 'boolean', default: false })
  payoutsEnabled!: boolean;

  @Column({ name: 'account_holder', type: 'varchar', length: 200, nullable: true })
  accountHolder!: string | null;

  @Column({ name: 'rib_ciphertext', type: 'bytea', nullable: true })
  ribCiphertext!: Buffer | null;

  @Column({ name: 'rib_last4', type: 'varchar', length: 4, nullable: true })
  ribLast4!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
