import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

// The schema as the migrations made it (libs/api/core/src/lib/database/migrations); the schema-drift test keeps them equal.
@Entity('audit_log')
@Index('audit_log_entity_idx', ['entityType', 'entityId', 'at'])
@Index('audit_log_at_idx', ['at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  @ForeignKey('users', { name: 'audit_log_actor_id_fkey', onDelete: 'SET NULL' })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after!: unknown;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
