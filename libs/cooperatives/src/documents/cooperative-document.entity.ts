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
import { CooperativeEntity } from '../cooperatives/cooperative.entity.js';

/** What a supporting document of an application is. */
export enum CooperativeDocumentKind {
  STATUTES = 'STATUTES',
  REGISTRATION_CERTIFICATE = 'REGISTRATION_CERTIFICATE',
  OTHER = 'OTHER',
}

/**
 * A supporting document of a cooperative's application (statutes, registration certificate).
 * The file itself is an asset (libs/assets, which depends on this lib: the relation names its
 * entity by name). No API writes this table yet.
 */
@Entity('cooperative_documents')
@Check('CHK_cooperative_documents_kind', `"kind" IN ('STATUTES', 'REGISTRATION_CERTIFICATE', 'OTHER')`)
export class CooperativeDocumentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_cooperative_documents' })
  id!: string;

  @Index('IDX_cooperative_documents_cooperative')
  @Column({ name: 'cooperative_id', type: 'uuid' })
  cooperativeId!: string;

  @ManyToOne(() => CooperativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cooperative_id', foreignKeyConstraintName: 'FK_cooperative_documents_cooperative' })
  cooperative?: CooperativeEntity;

  @Column({ type: 'varchar', length: 32 })
  kind!: CooperativeDocumentKind;

  @Index('IDX_cooperative_documents_asset')
  @Column({ name: 'asset_id', type: 'uuid' })
  assetId!: string;

  @ManyToOne('AssetEntity')
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'FK_cooperative_documents_asset' })
  asset?: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
