import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** What an account token proves when it comes back. */
export type AccountTokenKind = 'verify-email' | 'reset-password';

/**
 * A single-use token e-mailed to a user (verification, password reset). Only its SHA-256 hash is
 * stored; it is consumed by one conditional UPDATE, so it works once, and only before it expires.
 */
@Entity('account_tokens')
@Index('IDX_account_tokens_user_kind', ['userId', 'kind'])
export class AccountTokenEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_account_tokens' })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: AccountTokenKind;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_account_tokens_user' })
  user?: UserEntity;

  @Index('UQ_account_tokens_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
