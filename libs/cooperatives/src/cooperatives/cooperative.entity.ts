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
import { UserEntity } from '@taawoun/identity';
import { ProvinceEntity } from '../regions/province.entity.js';
import { CooperativeStatus } from './cooperative-status.js';
import { Sector } from './sector.js';

/** A producer cooperative. Its region is its province's region. */
@Entity('cooperatives')
@Unique('UQ_cooperatives_slug', ['slug'])
@Check('CHK_cooperatives_member_count', `"member_count" >= 0`)
@Check(
  'CHK_cooperatives_women_member_count',
  `"women_member_count" IS NULL OR ("women_member_count" >= 0 AND "women_member_count" <= "member_count")`,
)
@Check('CHK_cooperatives_commission', `"commission_rate_bps" BETWEEN 0 AND 10000`)
@Check(
  'CHK_cooperatives_shipping_terms',
  `("free_shipping_threshold" IS NULL OR "free_shipping_threshold" >= 0) AND ("minimum_order_amount" IS NULL OR "minimum_order_amount" >= 0)`,
)
@Check(
  'CHK_cooperatives_status',
  `"status" IN ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'SUSPENDED')`,
)
@Index('IDX_cooperatives_name_trgm', { synchronize: false })
/** Unique among vetted (APPROVED, SUSPENDED) cooperatives only: a partial index, kept by its migration. */
@Index('UQ_cooperatives_registration_number_vetted', { synchronize: false })
export class CooperativeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_cooperatives' })
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  slug!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('IDX_cooperatives_registration_number')
  @Column({ name: 'registration_number', type: 'varchar', length: 64 })
  registrationNumber!: string;

  @Column({ type: 'varchar', length: 32 })
  sector!: Sector;

  @Index('IDX_cooperatives_province_code')
  @Column({ name: 'province_code', type: 'varchar', length: 8 })
  provinceCode!: string;

  @ManyToOne(() => ProvinceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_code', foreignKeyConstraintName: 'FK_cooperatives_province' })
  province?: ProvinceEntity;

  @Column({ name: 'founded_on', type: 'date' })
  foundedOn!: string;

  @Column({ name: 'member_count', type: 'integer' })
  memberCount!: number;

  @Column({ name: 'women_member_count', type: 'integer', nullable: true })
  womenMemberCount!: number | null;

  @Column({ name: 'women_led', type: 'boolean' })
  womenLed!: boolean;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 32 })
  contactPhone!: string;

  @Index('IDX_cooperatives_status')
  @Column({ type: 'varchar', length: 32, default: CooperativeStatus.SUBMITTED })
  status!: CooperativeStatus;

  /** The admin who started the current (or last) review. */
  @Column({ name: 'reviewer_id', type: 'uuid', nullable: true })
  reviewerId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reviewer_id', foreignKeyConstraintName: 'FK_cooperatives_reviewer' })
  reviewer?: UserEntity;

  @Column({ name: 'review_started_at', type: 'timestamptz', nullable: true })
  reviewStartedAt!: Date | null;

  @Column({ name: 'commission_rate_bps', type: 'integer' })
  commissionRateBps!: number;

  /** Centimes: a sub-order whose subtotal reaches it ships free; null = never free. */
  @Column({ name: 'free_shipping_threshold', type: 'integer', nullable: true })
  freeShippingThreshold!: number | null;

  /** Centimes: checkout refuses a sub-order of this cooperative below it; null = no minimum. */
  @Column({ name: 'minimum_order_amount', type: 'integer', nullable: true })
  minimumOrderAmount!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
