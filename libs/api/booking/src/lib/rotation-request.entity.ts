import type { RequestStatus } from '@stint/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

// The schema as the migrations made it (libs/api/core/src/lib/database/migrations); the schema-drift test keeps them equal.
@Entity('rotation_requests')
@Check('rotation_requests_duration_weeks_check', `duration_weeks BETWEEN 1 AND 52`)
@Check('rotation_requests_goals_check', `jsonb_typeof(goals) = 'array'`)
@Check(
  'rotation_requests_status_check',
  `status IN ('pending_manager', 'pending_host', 'waitlisted', 'offered', 'booked', 'rejected', 'withdrawn', 'lapsed')`,
)
// A waitlisted request has its place in line; an offered one, the instant its hold ends.
@Check('rotation_requests_waitlist_check', `status NOT IN ('waitlisted', 'offered') OR waitlist_rank IS NOT NULL`)
@Check('rotation_requests_offer_check', `status <> 'offered' OR offer_expires_at IS NOT NULL`)
@Check('rotation_requests_end', `end_date = start_date + (7 * duration_weeks - 1)`)
// A counter-proposal has both its start and its moment (it is open only while the request waits for its host).
@Check('rotation_requests_proposal_check', `(proposed_start_date IS NULL) = (proposed_at IS NULL)`)
// A PM never has two pending requests that share a day.
@Exclusion(
  'rotation_requests_no_pending_overlap',
  `USING gist (pm_id WITH =, daterange(start_date, end_date, '[]') WITH &&) WHERE (status IN ('pending_manager', 'pending_host'))`,
)
// A PM never holds two offers that share a day (two teams freeing places at once offer one of them, not both).
@Exclusion(
  'rotation_requests_no_offer_overlap',
  `USING gist (pm_id WITH =, daterange(start_date, end_date, '[]') WITH &&) WHERE (status = 'offered')`,
)
// A team's line, in order.
@Index('rotation_requests_waitlist_idx', ['teamId', 'waitlistRank'], { where: `status = 'waitlisted'` })
@Index('rotation_requests_status_idx', ['status', 'createdAt'])
@Index('rotation_requests_team_idx', ['teamId', 'status'])
@Index('rotation_requests_pm_idx', ['pmId', 'status'])
// (created_at DESC, id DESC): TypeORM cannot describe a descending index, so it leaves it alone.
@Index('rotation_requests_created_idx', { synchronize: false })
export class RotationRequestEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'pm_id', type: 'uuid' })
  @ForeignKey('users', { name: 'rotation_requests_pm_id_fkey', onDelete: 'RESTRICT' })
  pmId!: string;
  @Column({ name: 'team_id', type: 'uuid' })
  @ForeignKey('teams', { name: 'rotation_requests_team_id_fkey', onDelete: 'RESTRICT' })
  teamId!: string;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'end_date', type: 'date' }) endDate!: string;
  @Column({ name: 'duration_weeks', type: 'integer' }) durationWeeks!: number;
  @Column({ type: 'jsonb', default: [] }) goals!: string[];
  @Column({ type: 'text', default: '' }) motivation!: string;
  @Column({ type: 'text' }) status!: RequestStatus;
  @Column({ name: 'placement_id', type: 'uuid', nullable: true })
  @ForeignKey('placements', { name: 'rotation_requests_placement_fk', onDelete: 'SET NULL' })
  placementId!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey('users', { name: 'rotation_requests_created_by_fkey', onDelete: 'SET NULL' })
  createdBy!: string | null;
  @Column({ name: 'pending_since', type: 'timestamptz', default: () => 'now()' }) pendingSince!: Date;
  /** When the host put it on the waitlist (kept while it is offered and after). */
  @Column({ name: 'waitlisted_at', type: 'timestamptz', nullable: true }) waitlistedAt!: Date | null;
  /** Its place in the team's line: lower goes first. Kept while offered, so a withdrawn offer returns to its place. */
  @Column({ name: 'waitlist_rank', type: 'bigint', nullable: true }) waitlistRank!: string | null;
  @Column({ name: 'offered_at', type: 'timestamptz', nullable: true }) offeredAt!: Date | null;
  @Column({ name: 'offer_expires_at', type: 'timestamptz', nullable: true }) offerExpiresAt!: Date | null;
  /** Asked for a full team on purpose: the capacity rule waits for the host's waitlist instead of refusing. */
  @Column({ name: 'waitlist_if_full', type: 'boolean', default: false }) waitlistIfFull!: boolean;
  /** Counts the offers made, so each offer's expiry job has its own id. */
  @Column({ name: 'offer_version', type: 'integer', default: 0 }) offerVersion!: number;
  /** The host's open counter-proposal: another start, same duration; null when none is open. */
  @Column({ name: 'proposed_start_date', type: 'date', nullable: true }) proposedStartDate!: string | null;
  @Column({ name: 'proposed_by', type: 'uuid', nullable: true })
  @ForeignKey('users', { name: 'rotation_requests_proposed_by_fkey', onDelete: 'SET NULL' })
  proposedBy!: string | null;
  @Column({ name: 'proposed_at', type: 'timestamptz', nullable: true }) proposedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('request_approvals')
@Check('request_approvals_step_check', `step IN ('manager', 'host')`)
@Check('request_approvals_decision_check', `decision IN ('approved', 'rejected')`)
@Index('request_approvals_request_idx', ['requestId', 'at'])
export class RequestApprovalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'request_id', type: 'uuid' })
  @ForeignKey('rotation_requests', { name: 'request_approvals_request_id_fkey', onDelete: 'CASCADE' })
  requestId!: string;
  @Column({ type: 'text' }) step!: 'manager' | 'host';
  @Column({ type: 'text' }) decision!: 'approved' | 'rejected';
  @Column({ name: 'by_id', type: 'uuid' })
  @ForeignKey('users', { name: 'request_approvals_by_id_fkey', onDelete: 'RESTRICT' })
  byId!: string;
  @Column({ type: 'text', default: '' }) comment!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
}
