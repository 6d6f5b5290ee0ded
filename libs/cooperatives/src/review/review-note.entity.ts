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
import { CooperativeEntity } from '../cooperatives/cooperative.entity.js';
import type { ReviewDecision } from '../cooperatives/cooperative.model.js';

/** One review decision on a cooperative's application, with its author and time. Append-only. */
@Entity('cooperative_review_notes')
@Check('CHK_cooperative_review_notes_decision', `"decision" IN ('APPROVE', 'REJECT', 'REQUEST_CHANGES')`)
@Index('IDX_cooperative_review_notes_cooperative', ['cooperativeId', 'createdAt'])
export class ReviewNoteEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_cooperative_review_notes' })
  id!: string;

  @Column({ name: 'cooperative_id', type: 'uuid' })
  cooperativeId!: string;

  @ManyToOne(() => CooperativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cooperative_id', foreignKeyConstraintName: 'FK_cooperative_review_notes_cooperative' })
  cooperative?: CooperativeEntity;

  @Column({ type: 'varchar', length: 16 })
  decision!: ReviewDecision;

  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'FK_cooperative_review_notes_author' })
  author?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
