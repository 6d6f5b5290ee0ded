import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@taawoun/identity';
import { CooperativeEntity } from '../cooperatives/cooperative.entity.js';

/**
 * Members' edits to the vetted facts of an approved cooperative, waiting for an admin. One row
 * per cooperative: later edits merge into it. `changes` holds only the fields that differ from
 * the vetted values, keyed like {@link VettedFields}.
 */
@Entity('cooperative_profile_changes')
export class ProfileChangeEntity {
  @PrimaryColumn({
    name: 'cooperative_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_cooperative_profile_changes',
  })
  cooperativeId!: string;

  @ManyToOne(() => CooperativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'cooperative_id',
    foreignKeyConstraintName: 'FK_cooperative_profile_changes_cooperative',
  })
  cooperative?: CooperativeEntity;

  @Column({ type: 'jsonb' })
  changes!: Record<string, unknown>;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'requested_by',
    foreignKeyConstraintName: 'FK_cooperative_profile_changes_requested_by',
  })
  requester?: UserEntity;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;
}
