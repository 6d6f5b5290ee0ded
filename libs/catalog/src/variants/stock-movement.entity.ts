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
import { UserEntity } from '@taawoun/identity';
import { VariantEntity } from './variant.entity.js';

/** One change of a variant's stock, written in the same transaction as the change. */
@Entity('stock_movements')
@Check('CHK_stock_movements_delta', `"delta" <> 0`)
@Check('CHK_stock_movements_resulting_stock', `"resulting_stock" >= 0`)
export class StockMovementEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_stock_movements' })
  id!: string;

  @Index('IDX_stock_movements_variant_id')
  @Column({ name: 'variant_id', type: 'uuid' })
  variantId!: string;

  @ManyToOne(() => VariantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'FK_stock_movements_variant' })
  variant?: VariantEntity;

  @Column({ type: 'integer' })
  delta!: number;

  @Column({ name: 'resulting_stock', type: 'integer' })
  resultingStock!: number;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  /** Null for system movements (seed, jobs). */
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'FK_stock_movements_author' })
  author?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
