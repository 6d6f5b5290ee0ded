import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { CooperativeRole } from '@taawoun/core';
import { UserEntity } from '@taawoun/identity';
import { CooperativeEntity } from '../cooperatives/cooperative.entity.js';

/**
 * A user's role in a cooperative. The access check of every request reads this table
 * (identity's ActorService, in SQL).
 */
@Entity('cooperative_memberships')
@Unique('UQ_cooperative_memberships_user_cooperative', ['userId', 'cooperativeId'])
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_cooperative_memberships' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_cooperative_memberships_user' })
  user?: UserEntity;

  @Index('IDX_cooperative_memberships_cooperative')
  @Column({ name: 'cooperative_id', type: 'uuid' })
  cooperativeId!: string;

  @ManyToOne(() => CooperativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cooperative_id', foreignKeyConstraintName: 'FK_cooperative_memberships_cooperative' })
  cooperative?: CooperativeEntity;

  @Column({ type: 'varchar', length: 16 })
  role!: CooperativeRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
