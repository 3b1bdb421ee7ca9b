import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@stint/api-audit';
import { ApiError, AuthenticatedUser, PageWindow, toPage } from '@stint/api-core';
import type { AffectedPlacement, Blackout, BlackoutCreated, Page } from '@stint/contracts';
import { DataSource } from 'typeorm';
import { BlackoutEntity, toBlackout } from './blackout.entity';
import { CreateBlackoutDto } from './dto/blackout.dto';

@Injectable()
export class BlackoutsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** With a team: its blackouts and the global ones; without: all. */
  async list(teamId: string | undefined, window: PageWindow): Promise<Page<Blackout>> {
    const query = this.db
      .getRepository(BlackoutEntity)
      .createQueryBuilder('b')
      .orderBy('b.startsOn', 'ASC')
      .addOrderBy('b.id', 'ASC');
    if (teamId) query.where('(b.team_id = :teamId OR b.team_id IS NULL)', { teamId });
    const [rows, total] = await query.skip(window.offset).take(window.pageSize).getManyAndCount();
    return toPage(rows.map(toBlackout), total, window);
  }

  /** A blackout never cancels placements; those it overlaps are reported so someone can act. */
  async create(caller: AuthenticatedUser, input: CreateBlackoutDto): Promise<BlackoutCreated> {
    if (input.endsOn < input.startsOn) throw ApiError.validation({ endsOn: 'endsOn must be on or after startsOn' });
    return this.db.transaction(async (m) => {
      if (input.teamId) {
        const team: unknown[] = await m.query(`SELECT 1 FROM teams WHERE id = $1`, [input.teamId]);
        if (!team.length) throw ApiError.notFound('team', input.teamId);
      }
      // The same blackout twice (a double click) is one blackout: serialise on its key, then look.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `blackout:${input.teamId ?? 'all'}:${input.startsOn}:${input.endsOn}`,
      ]);
      const twin: Array<{ id: string }> = await m.query(
        `SELECT id FROM blackouts WHERE team_id IS NOT DISTINCT FROM $1::uuid AND starts_on = $2::date AND ends_on = $3::date LIMIT 1`,
        [input.teamId ?? null, input.startsOn, input.endsOn],
      );
      if (twin[0]) {
        throw ApiError.conflict(
          `A blackout for these dates already exists (${twin[0].id}); change or delete that one instead.`,
          { blackoutId: twin[0].id },
        );
      }
      const saved = await m.save(
        m.create(BlackoutEntity, {
          teamId: input.teamId,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          reason: input.reason,
          createdBy: caller.id,
        }),
      );
      const affected: Array<{ id: string; pm_id: string; team_id: string; start_date: string; end_date: string }> =
        await m.query(
          `SELECT id, pm_id, team_id, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date
           FROM placements
          WHERE cancelled_at IS NULL
            AND daterange(start_date, end_date, '[]') && daterange($1::date, $2::date, '[]')
            AND ($3::uuid IS NULL OR team_id = $3::uuid)
          ORDER BY start_date, id`,
          [input.startsOn, input.endsOn, input.teamId],
        );
      const blackout = toBlackout(saved);
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'blackout.created',
        entityType: 'blackout',
        entityId: blackout.id,
        after: blackout,
      });
      const affectedPlacements: AffectedPlacement[] = affected.map((p) => ({
        id: p.id,
        pmId: p.pm_id,
        teamId: p.team_id,
        startDate: p.start_date,
        endDate: p.end_date,
      }));
      return { ...blackout, affectedPlacements };
    });
  }

  async remove(caller: AuthenticatedUser, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      // Locked, so a second delete sent at the same moment waits and then finds nothing: 404, one audit entry.
      const row = await m.findOne(BlackoutEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw ApiError.notFound('blackout', id);
      await m.delete(BlackoutEntity, { id });
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'blackout.deleted',
        entityType: 'blackout',
        entityId: id,
        before: toBlackout(row),
      });
    });
  }
}
