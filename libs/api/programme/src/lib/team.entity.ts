import type { Team } from '@stint/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('teams')
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'citext' }) name!: string;
  @Column({ type: 'text', default: '' }) region!: string;
  @Column({ type: 'text', default: '' }) segment!: string;
  @Column({ name: 'manager_id', type: 'uuid' }) managerId!: string;
  @Column({ type: 'integer' }) capacity!: number;
  @Column({ type: 'text', default: 'UTC' }) timezone!: string;
  @Column({ name: 'holiday_country', type: 'text', nullable: true }) holidayCountry!: string | null;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export function toTeam(e: TeamEntity): Team {
  return {
    id: e.id,
    name: e.name,
    region: e.region,
    segment: e.segment,
    managerId: e.managerId,
    capacity: e.capacity,
    timezone: e.timezone,
    holidayCountry: e.holidayCountry,
    active: e.active,
  };
}
