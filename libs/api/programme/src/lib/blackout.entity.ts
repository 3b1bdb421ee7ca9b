import type { Blackout } from '@stint/contracts';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

// The schema as the migrations made it (libs/api/core/src/lib/database/migrations); the schema-drift test keeps them equal.
@Entity('blackouts')
@Check('blackouts_range', `ends_on >= starts_on`)
// GiST on (team_id, daterange(starts_on, ends_on, '[]')): an expression index TypeORM cannot describe, so it leaves it alone.
@Index('blackouts_range_idx', { synchronize: false })
export class BlackoutEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  @ForeignKey('teams', { name: 'blackouts_team_id_fkey', onDelete: 'CASCADE' })
  teamId!: string | null;
  @Column({ name: 'starts_on', type: 'date' }) startsOn!: string;
  @Column({ name: 'ends_on', type: 'date' }) endsOn!: string;
  @Column({ type: 'text', default: '' }) reason!: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey('users', { name: 'blackouts_created_by_fkey', onDelete: 'SET NULL' })
  createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export function toBlackout(e: BlackoutEntity): Blackout {
  return { id: e.id, teamId: e.teamId, startsOn: e.startsOn, endsOn: e.endsOn, reason: e.reason };
}
