import type { ProgrammePolicy } from '@stint/contracts';
import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

// The schema as the migrations made it (libs/api/core/src/lib/database/migrations); the schema-drift test keeps them equal.
/** One row (id 1): the programme's policy. */
@Entity('policy')
@Check('policy_id_check', `id = 1`)
@Check('policy_checkin_time_check', `checkin_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`)
@Check('policy_reminder_lead_hours_check', `reminder_lead_hours >= 0`)
@Check('policy_overdue_after_hours_check', `overdue_after_hours >= 0`)
@Check('policy_follow_up_days_check', `follow_up_days >= 0`)
@Check('policy_offer_hold_hours_check', `offer_hold_hours BETWEEN 1 AND 336`)
@Check('policy_min_lead_days_check', `min_lead_days BETWEEN 0 AND 60`)
@Check('policy_pulse_after_days_check', `pulse_after_days BETWEEN 1 AND 365`)
@Check('policy_skills_core_check', `skills[1:3] = '{negotiation,closing,persistence}'`)
@Check('policy_weeks', `min_weeks >= 1 AND max_weeks >= min_weeks AND max_weeks <= 52`)
export class PolicyEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 }) id!: number;
  @Column({ name: 'min_weeks', type: 'integer', default: 1 }) minWeeks!: number;
  @Column({ name: 'max_weeks', type: 'integer', default: 12 }) maxWeeks!: number;
  @Column({ name: 'checkin_time', type: 'text', default: '10:00' }) checkinTime!: string;
  @Column({ name: 'reminder_lead_hours', type: 'integer', default: 24 }) reminderLeadHours!: number;
  @Column({ name: 'overdue_after_hours', type: 'integer', default: 48 }) overdueAfterHours!: number;
  @Column({ name: 'follow_up_days', type: 'integer', default: 30 }) followUpDays!: number;
  @Column({ name: 'offer_hold_hours', type: 'integer', default: 48 }) offerHoldHours!: number;
  @Column({ type: 'text', array: true, default: () => `'{negotiation,closing,persistence}'` }) skills!: string[];
  @Column({ name: 'pulse_after_days', type: 'integer', default: 60 }) pulseAfterDays!: number;
  @Column({ name: 'min_lead_days', type: 'integer', default: 5 }) minLeadDays!: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export function toPolicy(e: PolicyEntity): ProgrammePolicy {
  return {
    minWeeks: e.minWeeks,
    maxWeeks: e.maxWeeks,
    checkinTime: e.checkinTime,
    reminderLeadHours: e.reminderLeadHours,
    overdueAfterHours: e.overdueAfterHours,
    followUpDays: e.followUpDays,
    offerHoldHours: e.offerHoldHours,
    skills: e.skills,
    pulseAfterDays: e.pulseAfterDays,
    minLeadDays: e.minLeadDays,
  };
}
