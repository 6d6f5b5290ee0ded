import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VariantEntity } from '@taawoun/catalog';
import { SubOrderEntity } from './sub-order.entity.js';

/** One variant bought, with its name, SKU and unit price as they were at checkout. */
@Entity('order_lines')
@Check('CHK_order_lines_quantity', `"quantity" BETWEEN 1 AND 99`)
@Check(
  'CHK_order_lines_amounts',
  `"unit_price_amount" >= 0 AND "line_total_amount" = "unit_price_amount" * "quantity"`,
)
export class OrderLineEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_order_lines' })
  id!: string;

  @Index('IDX_order_lines_sub_order_id')
  @Column({ name: 'sub_order_id', type: 'uuid' })
  subOrderId!: string;

  @ManyToOne(() => SubOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sub_order_id', foreignKeyConstraintName: 'FK_order_lines_sub_order' })
  subOrder?: SubOrderEntity;

  @Index('IDX_order_lines_variant_id')
  @Column({ name: 'variant_id', type: 'uuid' })
  variantId!: string;

  @ManyToOne(() => VariantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'FK_order_lines_variant' })
  variant?: VariantEntity;

  @Column({ name: 'product_name', type: 'text' })
  productName!: string;

  @Column({ type: 'varchar', length: 64 })
  sku!: string;

  @Column({ type: 'smallint' })
  quantity!: number;

  @Column({ name: 'unit_price_amount', type: 'integer' })
  unitPriceAmount!: number;

  @Column({ name: 'line_total_amount', type: 'integer' })
  lineTotalAmount!: number;

  @Column({ type: 'varchar', length: 3, default: 'MAD' })
  currency!: string;
}
