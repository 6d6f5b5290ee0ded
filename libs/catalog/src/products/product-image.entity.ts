import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProductEntity } from './product.entity.js';

/**
 * An image of a product, by asset id. No foreign key to assets yet: the assets issue adds the
 * `assets` table and the constraint; until then `Product.images` shows only rows whose asset exists.
 */
@Entity('product_images')
export class ProductImageEntity {
  @PrimaryColumn({ name: 'product_id', type: 'uuid', primaryKeyConstraintName: 'PK_product_images' })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'FK_product_images_product' })
  product?: ProductEntity;

  @Index('IDX_product_images_asset_id')
  @PrimaryColumn({ name: 'asset_id', type: 'uuid', primaryKeyConstraintName: 'PK_product_images' })
  assetId!: string;

  @Column({ type: 'smallint' })
  position!: number;
}
