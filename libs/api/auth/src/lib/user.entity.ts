import type { User, UserRole } from '@stint/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

// The schema as the migrations made it (libs/api/core/src/lib/database/migrations); the schema-drift test keeps them equal.
@Entity('users')
@Unique('users_email_key', ['email'])
@Unique('users_calendar_feed_token_hash_key', ['calendarFeedTokenHash'])
@Check('users_name_check', `length(name) BETWEEN 1 AND 200`)
@Check('users_role_check', `role IN ('pm', 'manager', 'admin')`)
@Check('users_not_own_manager', `manager_id IS NULL OR manager_id <> id`)
@Index('users_manager_id_idx', ['managerId'])
@Index('users_role_idx', ['role'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'citext' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: UserRole;

  @Column({ name: 'manager_id', type: 'uuid', nullable: true })
  @ForeignKey('users', { name: 'users_manager_id_fkey', onDelete: 'RESTRICT' })
  managerId!: string | null;

  @Column({ type: 'text', default: 'UTC' })
  timezone!: string;

  /** Null for users made by an import or single sign-on: password sign-in then fails as a wrong password does. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  /** A BCP 47 language tag (canonical form, e.g. en-GB), or null for the default. */
  @Column({ type: 'text', nullable: true })
  locale!: string | null;

  /** SHA-256 (hex) of the secret token of the user's personal calendar feed; the token itself is never stored. */
  @Column({ name: 'calendar_feed_token_hash', type: 'text', nullable: true, select: false })
  calendarFeedTokenHash!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Bumped to end every earlier token of this user (tokens carry it as `ver`). */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export function toUser(entity: UserEntity): User {
  return {
    id: entity.id,
    email: entity.email,
    name: entity.name,
    role: entity.role,
    managerId: entity.managerId,
    timezone: entity.timezone,
    locale: entity.locale ?? null,
    active: entity.active,
  };
}
