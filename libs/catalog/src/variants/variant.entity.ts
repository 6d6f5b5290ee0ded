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
import { CooperativeEntity } from '@taawoun/cooperatives';
import { ProductEntity } from '../products/product.entity.js';

/** One option of a variant: weight=500g, size=M, colour=white. */
export interface VariantOptionValue {
  name: string;
  value: string;
}

/** The largest price a variant may have: 10,000,000 centimes (100,000 MAD). */
export const MAX_PRICE_AMOUNT = 10_000_000;

/**
 * A sellable variant of a product. `cooperative_id` repeats the product's cooperative so
 * SKUs are unique per cooperative by a constraint (race-safe); stock never goes below zero.
 */
@Entity('product_variants')
@Unique('UQ_product_variants_cooperative_sku', ['cooperativeId', 'sku'])
@Check('CHK_product_variants_stock', `"stock" >= 0`)
@Check('CHK_product_variants_price', `"price_amount" >= 1 AND "price_amount" <= 10000000`)
export class VariantEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_product_variants' })
  id!: string;

  @Index('IDX_product_variants_product_id')
  @Column({ name: 'product_id', type: 'uuid' })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'FK_product_variants_product' })
  product?: ProductEntity;

  @Column({ name: 'cooperative_id', type: 'uuid' })
  cooperativeId!: string;

  @ManyToOne(() => CooperativeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cooperative_id', foreignKeyConstraintName: 'FK_product_variants_cooperative' })
  cooperative?: CooperativeEntity;

  @Column({ type: 'varchar', length: 64 })
  sku!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  options!: VariantOptionValue[];

  @Column({ name: 'price_amount', type: 'integer' })
  priceAmount!: number;

  @Column({ type: 'varchar', length: 3, default: 'MAD' })
  currency!: string;

  @Column({ type: 'integer' })
  stock!: number;

  @Column({ type: 'smallint' })
  position!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
