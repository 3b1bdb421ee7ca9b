import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@stint/api-audit';
import {
  ApiError,
  AuthenticatedUser,
  containsPattern,
  PageWindow,
  PLACES_FREED,
  PlacesFreed,
  toPage,
  TransactionRunner,
} from '@stint/api-core';
import type { Page, Team } from '@stint/contracts';
import { peakLoad } from '@stint/scheduling';
import { todayIn } from '@stint/shared-dates';
import { DataSource, EntityManager } from 'typeorm';
import { CreateTeamDto, UpdateTeamDto } from './dto/team.dto';
import { TeamEntity, toTeam } from './team.entity';
import { liveBookingsFrom, managerCandidate } from './teams.queries';

@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    @Inject(PLACES_FREED) private readonly places: PlacesFreed,
  ) {}

  async list(filter: { active?: boolean; q?: string; managerId?: string }, window: PageWindow): Promise<Page<Team>> {
    const query = this.db.getRepository(TeamEntity).createQueryBuilder('t').orderBy('t.name', 'ASC');
    if (filter.active !== undefined) query.andWhere('t.active = :active', { active: filter.active });
    if (filter.managerId) query.andWhere('t.manager_id = :managerId', { managerId: filter.managerId });
    if (filter.q)
      query.andWhere('(t.name ILIKE :q OR t.region ILIKE :q OR t.segment ILIKE :q)', { q: containsPattern(filter.q) });
    const [rows, total] = await query.skip(window.offset).take(window.pageSize).getManyAndCount();
    return toPage(rows.map(toTeam), total, window);
  }

  async get(id: string): Promise<Team> {
    const team = await this.db.getRepository(TeamEntity).findOne({ where: { id } });
    if (!team) throw ApiError.notFound('team', id);
    return toTeam(team);
  }

  async create(caller: AuthenticatedUser, input: CreateTeamDto): Promise<Team> {
    return this.db.transaction(async (m) => {
      await this.assertManager(m, input.managerId);
      await this.assertNameFree(m, input.name, null);
      const saved = await m.save(
        m.create(TeamEntity, {
          name: input.name,
          managerId: input.managerId,
          capacity: input.capacity,
          region: input.region ?? '',
          segment: input.segment ?? '',
          timezone: input.timezone ?? 'UTC',
          holidayCountry: input.holidayCountry ? input.holidayCountry.toUpperCase() : null,
          active: true,
        }),
      );
      const team = toTeam(saved);
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'team.created',
        entityType: 'team',
        entityId: team.id,
        after: team,
      });
      return team;
    });
  }

  async update(caller: AuthenticatedUser, id: string, input: UpdateTeamDto): Promise<Team> {
    return this.tx.run(async (m) => {
      // The same row lock booking takes: a capacity change and a booking cannot interleave.
      const row = await m.findOne(TeamEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw ApiError.notFound('team', id);
      const before = toTeam(row);
      if (input.managerId !== undefined) await this.assertManager(m, input.managerId);
      if (input.name !== undefined) await this.assertNameFree(m, input.name, id);
      if (input.capacity !== undefined && input.capacity < row.capacity) {
        const today = todayIn(row.timezone, new Date());
        const ranges = await liveBookingsFrom(m, id, today);
        const last = ranges.reduce((max, r) => (r.endDate > max ? r.endDate : max), today);
        const peak = ranges.length ? peakLoad(ranges, today, last) : 0;
        if (peak > input.capacity) {
          throw ApiError.invalidState(
            `Capacity cannot drop to ${input.capacity}: ${peak} placements and waitlist offers already share a day from ${today} on. Reschedule or cancel some first, or wait until the offers are answered.`,
            { peakBooked: peak, requestedCapacity: input.capacity },
          );
        }
      }
      Object.assign(row, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.managerId !== undefined && { managerId: input.managerId }),
        ...(input.capacity !== undefined && { capacity: input.capacity }),
        ...(input.region !== undefined && { region: input.region }),
        ...(input.segment !== undefined && { segment: input.segment }),
        ...(input.timezone !== undefined && { timezone: input.timezone }),
        ...(input.holidayCountry !== undefined && {
          holidayCountry: input.holidayCountry ? input.holidayCountry.toUpperCase() : null,
        }),
        ...(input.active !== undefined && { active: input.active }),
      });
      const team = toTeam(await m.save(row));
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'team.updated',
        entityType: 'team',
        entityId: id,
        before,
        after: team,
      });
      // More places, or a team taking rotations again: the waitlist's line gets its offers in this transaction.
      if (team.capacity > before.capacity || (team.active && !before.active)) await this.places.freed(m, [id]);
      return team;
    });
  }

  private async assertManager(m: EntityManager, managerId: string): Promise<void> {
    const user = await managerCandidate(m, managerId);
    if (!user) throw ApiError.validation({ managerId: `no user with id ${managerId}` });
    if (user.role !== 'manager' && user.role !== 'admin')
      throw ApiError.validation({ managerId: `${user.name} is a ${user.role}, not a manager` });
    if (!user.active) throw ApiError.validation({ managerId: `${user.name} is deactivated` });
  }

  private async assertNameFree(m: EntityManager, name: string, selfId: string | null): Promise<void> {
    const clash = await m.getRepository(TeamEntity).createQueryBuilder('t').where('t.name = :name', { name }).getOne();
    if (clash && clash.id !== selfId)
      throw ApiError.conflict(`A team named ${name} already exists.`, { field: 'name' });
  }
}
