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
import { AssetEntity } from '@taawoun/assets';
import { CooperativeEntity } from '@taawoun/cooperatives';
import { UserEntity } from '@taawoun/identity';
import { CertificationType } from './certification-type.js';

/**
 * A certificate a cooperative holds (food-safety authorisation, national standard...).
 * Whether it is valid is computed when read (verified and not expired today), never stored.
 */
@Entity('certifications')
@Unique('UQ_certifications_reference', ['cooperativeId', 'type', 'reference'])
@Check(
  'CHK_certifications_type',
  `"type" IN ('FOOD_SAFETY_AUTHORIZATION', 'NATIONAL_STANDARD', 'ORGANIC', 'GEOGRAPHICAL_INDICATION', 'OTHER')`,
)
@Check('CHK_certifications_dates', `"expires_on" IS NULL OR "expires_on" >= "issued_on"`)
export class CertificationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_certifications' })
  id!: string;

  @Index('IDX_certifications_cooperative_id')
  @Column({ name: 'cooperative_id', type: 'uuid' })
  cooperativeId!: string;

  @ManyToOne(() => CooperativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cooperative_id', foreignKeyConstraintName: 'FK_certifications_cooperative' })
  cooperative?: CooperativeEntity;

  @Column({ type: 'varchar', length: 32 })
  type!: CertificationType;

  @Column({ type: 'varchar', length: 120 })
  reference!: string;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn!: string;

  @Index('IDX_certifications_expires_on')
  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn!: string | null;

  @Column({ type: 'boolean', default: false })
  verified!: boolean;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'verified_by', foreignKeyConstraintName: 'FK_certifications_verified_by' })
  verifier?: UserEntity;

  /** The scanned certificate: an asset attached to the cooperative (AssetService checks who may). */
  @Index('IDX_certifications_document_asset')
  @Column({ name: 'document_asset_id', type: 'uuid', nullable: true })
  documentAssetId!: string | null;

  @ManyToOne(() => AssetEntity)
  @JoinColumn({ name: 'document_asset_id', foreignKeyConstraintName: 'FK_certifications_document_asset' })
  documentAsset?: AssetEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
