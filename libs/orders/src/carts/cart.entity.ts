import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '@taawoun/identity';
import { OrderEntity } from '../orders/order.entity.js';

/**
 * A cart. Its id (a random UUID v4 from PostgreSQL's CSPRNG) is the only key of a guest cart; a
 * signed-in buyer's cart belongs to the user (`user_id`), at most one open cart per user.
 * `order_id` is set by the checkout that converted it: a converted cart is never changed again.
 */
@Entity('carts')
@Index('UQ_carts_user_open', ['userId'], {
  unique: true,
  where: '"user_id" IS NOT NULL AND "order_id" IS NULL',
})
export class CartEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_carts' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_carts_user' })
  user?: UserEntity;

  @Index('UQ_carts_order_id', { unique: true })
  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId!: string | null;

  @ManyToOne(() => OrderEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'FK_carts_order' })
  order?: OrderEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
