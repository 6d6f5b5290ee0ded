import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CooperativeEntity } from '@taawoun/cooperatives';
import { SubOrderEntity } from '@taawoun/orders';
import { PayoutEntity } from '../payouts/payout.entity.js';
import { RefundEntity } from '../refunds/refund.entity.js';

/**
 * An append-only ledger entry: a signed amount in centimes from the cooperative's point of view
 * (positive = the platform owes it). Each effect has one unique key, so applying it twice adds
 * nothing: (type, sub_order_id) for SALE/SHIPPING/COMMISSION/CASH_COLLECTED, (type, refund_id)
 * for REFUND, (type, payout_id) for PAYOUT/PAYOUT_REVERSAL.
 */
@Entity('ledger_entries')
@Check(
  'CHK_ledger_entries_type',
  `"type" IN ('SALE', 'SHIPPING', 'COMMISSION', 'REFUND', 'CASH_COLLECTED', 'PAYOUT', 'PAYOUT_REVERSAL')`,
)
@Check(
  'CHK_ledger_entries_refs',
  `("type" IN ('SALE', 'SHIPPING', 'COMMISSION', 'CASH_COLLECTED') AND "sub_order_id" IS NOT NULL) OR ("type" = 'REFUND' AND "refund_id" IS NOT NULL AND "sub_order_id" IS NOT NULL) OR ("type" IN ('PAYOUT', 'PAYOUT_REVERSAL') AND "payout_id" IS NOT NULL)`,
)
@Index('UQ_ledger_entries_sub_order_effect', ['type', 'subOrderId'], {
  unique: true,
  where: `"type" IN ('SALE', 'SHIPPING', 'COMMISSION', 'CASH_COLLECTED')`,
})
@Index('UQ_ledger_entries_refund_effect', ['type', 'refundId'], {
  unique: true,
  where: `"refund_id" IS NOT NULL`,
})
@Index('UQ_ledger_entries_payout_effect', ['type', 'payoutId'], {
  unique: true,
  where: `"payout_id" IS NOT NULL`,
})
@Index('IDX_ledger_entries_cooperative_created', ['cooperativeId', 'createdAt', 'id'])
@Index('IDX_ledger_entries_sub_order', ['subOrderId'])
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_ledger_entries' })
  id!: string;

  @Column({ name: 'cooperative_id', type: 'uuid' })
  cooperativeId!: string;

  @ManyToOne(() => CooperativeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cooperative_id', foreignKeyConstraintName: 'FK_ledger_entries_cooperative' })
  cooperative?: CooperativeEntity;

  @Column({ type: 'varchar', length: 32 })
  type!: string;

  @Column({ type: 'integer' })
  amount!: number;

  @Column({ type: 'varchar', length: 3, default: 'MAD' })
  currency!: string;

  @Column({ name: 'sub_order_id', type: 'uuid', nullable: true })
  subOrderId!: string | null;

  @ManyToOne(() => SubOrderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sub_order_id', foreignKeyConstraintName: 'FK_ledger_entries_sub_order' })
  subOrder?: SubOrderEntity;

  @Column({ name: 'refund_id', type: 'uuid', nullable: true })
  refundId!: string | null;

  @ManyToOne(() => RefundEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'refund_id', foreignKeyConstraintName: 'FK_ledger_entries_refund' })
  refund?: RefundEntity;

  @Column({ name: 'payout_id', type: 'uuid', nullable: true })
  payoutId!: string | null;

  @ManyToOne(() => PayoutEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payout_id', foreignKeyConstraintName: 'FK_ledger_entries_payout' })
  payout?: PayoutEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
