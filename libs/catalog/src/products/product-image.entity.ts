import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AssetEntity } from '@taawoun/assets';
import { ProductEntity } from './product.entity.js';

/** An image of a product: an asset attached to the product's cooperative, at a position (0 first). */
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

  @ManyToOne(() => AssetEntity)
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'FK_product_images_asset' })
  asset?: AssetEntity;

  @Column({ type: 'smallint' })
  position!: number;
}
