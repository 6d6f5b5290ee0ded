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
import { AssetEntity } from '@taawoun/assets';
import { UserEntity } from '@taawoun/identity';
import { IdentityRequestEntity } from './identity-request.entity.js';

/** A partner's proposal for a request: PENDING until the cooperative accepts or declines it. */
@Entity('identity_proposals')
@Check('CHK_identity_proposals_status', `"status" IN ('PENDING', 'ACCEPTED', 'DECLINED')`)
@Check('CHK_identity_proposals_primary_color', `"primary_color" ~ '^#[0-9A-F]{6}$'`)
@Check('CHK_identity_proposals_secondary_color', `"secondary_color" ~ '^#[0-9A-F]{6}$'`)
@Index('IDX_identity_proposals_request', ['requestId', 'createdAt'])
export class IdentityProposalEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_identity_proposals' })
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @ManyToOne(() => IdentityRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'FK_identity_proposals_request' })
  request?: IdentityRequestEntity;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'FK_identity_proposals_submitted_by' })
  submitter?: UserEntity;

  @Column({ name: 'logo_asset_id', type: 'uuid' })
  logoAssetId!: string;

  @ManyToOne(() => AssetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'logo_asset_id', foreignKeyConstraintName: 'FK_identity_proposals_logo' })
  logo?: AssetEntity;

  @Column({ name: 'banner_asset_id', type: 'uuid', nullable: true })
  bannerAssetId!: string | null;

  @ManyToOne(() => AssetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'banner_asset_id', foreignKeyConstraintName: 'FK_identity_proposals_banner' })
  banner?: AssetEntity;

  @Column({ name: 'primary_color', type: 'char', length: 7 })
  primaryColor!: string;

  @Column({ name: 'secondary_color', type: 'char', length: 7, nullable: true })
  secondaryColor!: string | null;

  @Column({ type: 'text', nullable: true })
  tagline!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status!: string;

  @Column({ type: 'text', nullable: true })
  feedback!: string | null;

  @Column({ name: 'responded_by', type: 'uuid', nullable: true })
  respondedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'responded_by', foreignKeyConstraintName: 'FK_identity_proposals_responded_by' })
  responder?: UserEntity;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
