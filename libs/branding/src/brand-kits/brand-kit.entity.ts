import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AssetEntity } from '@taawoun/assets';
import { CooperativeEntity } from '@taawoun/cooperatives';
import { IdentityProposalEntity } from '../requests/identity-proposal.entity.js';

/**
 * A cooperative's visual identity, one row per cooperative: set by accepting a partner's proposal
 * (`proposal_id`) or by the cooperative itself (`proposal_id` null).
 */
@Entity('brand_kits')
@Check('CHK_brand_kits_primary_color', `"primary_color" ~ '^#[0-9A-F]{6}$'`)
@Check('CHK_brand_kits_secondary_color', `"secondary_color" ~ '^#[0-9A-F]{6}$'`)
export class BrandKitEntity {
  @PrimaryColumn({ name: 'cooperative_id', type: 'uuid', primaryKeyConstraintName: 'PK_brand_kits' })
  cooperativeId!: string;

  @OneToOne(() => CooperativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cooperative_id', foreignKeyConstraintName: 'FK_brand_kits_cooperative' })
  cooperative?: CooperativeEntity;

  @Column({ name: 'logo_asset_id', type: 'uuid' })
  logoAssetId!: string;

  @ManyToOne(() => AssetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'logo_asset_id', foreignKeyConstraintName: 'FK_brand_kits_logo' })
  logo?: AssetEntity;

  @Column({ name: 'banner_asset_id', type: 'uuid', nullable: true })
  bannerAssetId!: string | null;

  @ManyToOne(() => AssetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'banner_asset_id', foreignKeyConstraintName: 'FK_brand_kits_banner' })
  banner?: AssetEntity;

  @Column({ name: 'primary_color', type: 'char', length: 7 })
  primaryColor!: string;

  @Column({ name: 'secondary_color', type: 'char', length: 7, nullable: true })
  secondaryColor!: string | null;

  @Column({ type: 'text', nullable: true })
  tagline!: string | null;

  /** The accepted proposal this kit came from; null when the cooperative designed it itself. */
  @Column({ name: 'proposal_id', type: 'uuid', nullable: true })
  proposalId!: string | null;

  @ManyToOne(() => IdentityProposalEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'FK_brand_kits_proposal' })
  proposal?: IdentityProposalEntity;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
