import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

// The schema as the migrations made it (libs/api/core/src/lib/database/migrations); the schema-drift test keeps them equal.
@Entity('placements')
@Unique('placements_request_id_key', ['requestId'])
@Check('placements_duration_weeks_check', `duration_weeks BETWEEN 1 AND 52`)
@Check('placements_end', `end_date = start_date + (7 * duration_weeks - 1)`)
@Check('placements_cancel_reason', `cancelled_at IS NULL OR cancelled_reason IS NOT NULL`)
// A PM never holds two live placements that share a day.
@Exclusion(
  'placements_no_pm_overlap',
  `USING gist (pm_id WITH =, daterange(start_date, end_date, '[]') WITH &&) WHERE (cancelled_at IS NULL)`,
)
// GiST on (team_id, daterange(start_date, end_date, '[]')) WHERE cancelled_at IS NULL: an expression index
// TypeORM cannot describe, so it leaves it alone.
@Index('placements_team_range_idx', { synchronize: false })
@Index('placements_pm_idx', ['pmId', 'startDate'])
@Index('placements_team_start_idx', ['teamId', 'startDate'])
@Index('placements_start_idx', ['startDate', 'id'])
export class PlacementEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'request_id', type: 'uuid' })
  @ForeignKey('rotation_requests', { name: 'placements_request_id_fkey', onDelete: 'RESTRICT' })
  requestId!: string;
  @Column({ name: 'pm_id', type: 'uuid' })
  @ForeignKey('users', { name: 'placements_pm_id_fkey', onDelete: 'RESTRICT' })
  pmId!: string;
  @Column({ name: 'team_id', type: 'uuid' })
  @ForeignKey('teams', { name: 'placements_team_id_fkey', onDelete: 'RESTRICT' })
  teamId!: string;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'end_date', type: 'date' }) endDate!: string;
  @Column({ name: 'duration_weeks', type: 'integer' }) durationWeeks!: number;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
  @Column({ name: 'cancelled_reason', type: 'text', nullable: true }) cancelledReason!: string | null;
  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true })
  @ForeignKey('users', { name: 'placements_cancelled_by_fkey', onDelete: 'SET NULL' })
  cancelledBy!: string | null;
  /** Bumped on every change: the SEQUENCE of the placement's calendar invites. */
  @Column({ type: 'integer', default: 0 }) sequence!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
