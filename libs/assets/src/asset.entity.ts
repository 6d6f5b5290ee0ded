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
import { UserEntity } from '@taawoun/identity';

/**
 * An uploaded file (image or PDF), stored under `key` by the storage driver. It belongs to its
 * uploader and, once attached, to one cooperative; `public` turns true when it is attached as
 * something shown on public pages (a product photo, a logo).
 */
@Entity('assets')
@Check('CHK_assets_mime_type', `"mime_type" IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')`)
@Check(
  'CHK_assets_kind',
  `"kind" IN ('PRODUCT_IMAGE', 'CERTIFICATION_DOCUMENT', 'COOPERATIVE_DOCUMENT', 'BRAND_LOGO', 'BRAND_BANNER')`,
)
@Check('CHK_assets_byte_size', `"byte_size" >= 0`)
@Index('IDX_assets_unattached', ['createdAt'], { where: `"cooperative_id" IS NULL` })
export class AssetEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_assets' })
  id!: string;

  /** The storage key, random and unguessable; the URL is /assets/<key>. */
  @Index('UQ_assets_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  key!: string;

  @Index('IDX_assets_owner')
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'FK_assets_owner' })
  owner?: UserEntity;

  @Index('IDX_assets_cooperative')
  @Column({ name: 'cooperative_id', type: 'uuid', nullable: true })
  cooperativeId!: string | null;

  @ManyToOne(() => CooperativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cooperative_id', foreignKeyConstraintName: 'FK_assets_cooperative' })
  cooperative?: CooperativeEntity;

  /** What it was first attached as (an AssetKind), null while unattached. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  kind!: string | null;

  @Column({ type: 'boolean', default: false })
  public!: boolean;

  @Column({ name: 'mime_type', type: 'varchar', length: 32 })
  mimeType!: string;

  @Column({ name: 'byte_size', type: 'integer' })
  byteSize!: number;

  @Column({ type: 'integer', nullable: true })
  width!: number | null;

  @Column({ type: 'integer', nullable: true })
  height!: number | null;

  /** The variants generated so far (AssetVariant names); filled by the variants job. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  variants!: string[];

  @Column({ name: 'attached_at', type: 'timestamptz', nullable: true })
  attachedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
