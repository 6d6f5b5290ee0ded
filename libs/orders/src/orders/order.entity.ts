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
import type { LanguageCode } from '@taawoun/core';
import { UserEntity } from '@taawoun/identity';

/** A shipping address as stored on an order (a snapshot, never updated). */
export interface AddressValue {
  fullName: string;
  phone: string;
  line1: string;
  line2: string | null;
  city: string;
  provinceCode: string | null;
  postalCode: string | null;
  countryCode: string;
}

/**
 * An order: what one checkout bought, split into one sub-order per cooperative. `number` is
 * human-readable (`TW-2026-000123`, from the `order_number_seq` sequence). A guest reads it with
 * the token returned once by checkout; only its SHA-256 is stored (`guest_token_hash`).
 */
@Entity('orders')
@Unique('UQ_orders_number', ['number'])
@Check(
  'CHK_orders_status',
  `"status" IN ('PENDING_PAYMENT', 'PLACED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'REFUNDED')`,
)
@Check('CHK_orders_payment_method', `"payment_method" IN ('CARD', 'CASH_ON_DELIVERY')`)
@Check(
  'CHK_orders_amounts',
  `"subtotal_amount" >= 0 AND "shipping_amount" >= 0 AND "total_amount" = "subtotal_amount" + "shipping_amount"`,
)
@Check('CHK_orders_language', `"language" IN ('fr', 'ar', 'en')`)
@Index('IDX_orders_user_created', ['userId', 'createdAt', 'id'])
@Index('IDX_orders_pending_payment', ['createdAt'], { where: `"status" = 'PENDING_PAYMENT'` })
export class OrderEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_orders' })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  number!: string;

  /** The buyer's account; null for a guest checkout. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_orders_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  /** The language of the buyer's e-mails (the account's, or the request's for a guest). */
  @Column({ type: 'varchar', length: 2 })
  language!: LanguageCode;

  @Column({ type: 'varchar', length: 32 })
  status!: string;

  @Column({ name: 'payment_method', type: 'varchar', length: 32 })
  paymentMethod!: string;

  @Column({ name: 'shipping_address', type: 'jsonb' })
  shippingAddress!: AddressValue;

  @Column({ name: 'subtotal_amount', type: 'integer' })
  subtotalAmount!: number;

  @Column({ name: 'shipping_amount', type: 'integer' })
  shippingAmount!: number;

  @Column({ name: 'total_amount', type: 'integer' })
  totalAmount!: number;

  @Column({ type: 'varchar', length: 3, default: 'MAD' })
  currency!: string;

  /** SHA-256 of the guest access token; null for a signed-in buyer's order. */
  @Column({ name: 'guest_token_hash', type: 'bytea', nullable: true })
  guestTokenHash!: Buffer | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
