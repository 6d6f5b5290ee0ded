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
import { UserEntity } from '@taawoun/identity';
import { PartnerOrganizationEntity } from '../partners/partner-organization.entity.js';

/**
 * A cooperative asking for help with its visual identity: OPEN → ASSIGNED (an admin picks a
 * partner) → PROPOSED (the partner submitted a proposal) → COMPLETED (the cooperative accepted
 * one) | CANCELLED. At most one unfinished request per cooperative (a partial unique index, kept
 * by its migration).
 */
@Entity('identity_requests')
@Check(
  'CHK_identity_requests_status',
  `"status" IN ('OPEN', 'ASSIGNED', 'PROPOSED', 'COMPLETED', 'CANCELLED')`,
)
@Index('UQ_identity_requests_unfinished', { synchronize: false })
@Index('IDX_identity_requests_cooperative', ['cooperativeId', 'createdAt'])
@Index('IDX_identity_requests_partner', ['partnerId', 'createdAt'])
export class IdentityRequestEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_identity_requests' })
  id!: string;

  @Column({ name: 'cooperative_id', type: 'uuid' })
  cooperativeId!: string;

  @ManyToOne(() => CooperativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cooperative_id', foreignKeyConstraintName: 'FK_identity_requests_cooperative' })
  cooperative?: CooperativeEntity;

  @Column({ type: 'text' })
  needs!: string;

  @Column({ type: 'varchar', length: 16, default: 'OPEN' })
  status!: string;

  @Column({ name: 'partner_id', type: 'uuid', nullable: true })
  partnerId!: string | null;

  @ManyToOne(() => PartnerOrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'FK_identity_requests_partner' })
  partner?: PartnerOrganizationEntity;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'FK_identity_requests_requested_by' })
  requester?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
