import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@stint/api-audit';
import {
  ApiError,
  AuthenticatedUser,
  PageWindow,
  PLACES_FREED,
  PlacesFreed,
  toPage,
  TransactionRunner,
} from '@stint/api-core';
import type { Blackout, BlackoutCreated, Page } from '@stint/contracts';
import { DataSource } from 'typeorm';
import { BlackoutEntity, toBlackout } from './blackout.entity';
import { lockAndFindTwin, placementsOverlapping, teamExists } from './blackouts.queries';
import { CreateBlackoutDto } from './dto/blackout.dto';

@Injectable()
export class BlackoutsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    @Inject(PLACES_FREED) private readonly places: PlacesFreed,
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
      if (input.teamId && !(await teamExists(m, input.teamId))) throw ApiError.notFound('team', input.teamId);
      // The same blackout twice (a double click) is one blackout: serialise on its key, then look.
      const twinId = await lockAndFindTwin(m, input.teamId ?? null, input.startsOn, input.endsOn);
      if (twinId) {
        throw ApiError.conflict(
          `A blackout for these dates already exists (${twinId}); change or delete that one instead.`,
          { blackoutId: twinId },
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
      const affectedPlacements = await placementsOverlapping(m, input.teamId ?? null, input.startsOn, input.endsOn);
      const blackout = toBlackout(saved);
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'blackout.created',
        entityType: 'blackout',
        entityId: blackout.id,
        after: blackout,
      });
      return { ...blackout, affectedPlacements };
    });
  }

  async remove(caller: AuthenticatedUser, id: string): Promise<void> {
    await this.tx.run(async (m) => {
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
      // Days that open again may be what requests in a waitlist wait for (every team's, for a global blackout).
      await this.places.freed(m, row.teamId ? [row.teamId] : 'all');
    });
  }
}
