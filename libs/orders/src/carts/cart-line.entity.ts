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
} from 'typeorm';
import { VariantEntity } from '@taawoun/catalog';
import { CartEntity } from './cart.entity.js';

/** One variant in a cart, 1..99 units; prices are read live until checkout. */
@Entity('cart_lines')
@Unique('UQ_cart_lines_cart_variant', ['cartId', 'variantId'])
@Check('CHK_cart_lines_quantity', `"quantity" BETWEEN 1 AND 99`)
export class CartLineEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_cart_lines' })
  id!: string;

  @Column({ name: 'cart_id', type: 'uuid' })
  cartId!: string;

  @ManyToOne(() => CartEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cart_id', foreignKeyConstraintName: 'FK_cart_lines_cart' })
  cart?: CartEntity;

  @Index('IDX_cart_lines_variant_id')
  @Column({ name: 'variant_id', type: 'uuid' })
  variantId!: string;

  @ManyToOne(() => VariantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'FK_cart_lines_variant' })
  variant?: VariantEntity;

  @Column({ type: 'smallint' })
  quantity!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
