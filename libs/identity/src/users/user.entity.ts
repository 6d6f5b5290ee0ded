import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { LanguageCode, PlatformRole } from '@taawoun/core';

/** An account. Emails are stored normalised (trimmed, lower-case) and unique (citext). */
@Entity('users')
@Unique('UQ_users_email', ['email'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_users' })
  id!: string;

  @Column({ type: 'citext' })
  email!: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'preferred_language', type: 'varchar', length: 2, default: LanguageCode.fr })
  preferredLanguage!: LanguageCode;

  /** Granted platform roles besides BUYER, which every account has. */
  @Column({ name: 'platform_roles', type: 'varchar', length: 16, array: true, default: () => "'{}'" })
  platformRoles!: PlatformRole[];

  /** Bumped to invalidate every access token of the user at once (e.g. password change). */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion!: number;

  /** When the user opened the verification link sent to `email`; null until then. */
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
