import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, FiguresCache, loadPolicy, PageWindow, toPage } from '@stint/api-core';
import type { OutcomesReport, Page, RotationOutcome } from '@stint/contracts';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { summariseOutcomes } from './outcome-statistics';
import { OutcomeFilter, OutcomesRepository } from './outcomes.repository';

interface OutcomesQuery {
  from?: string;
  to?: string;
  teamId?: string;
  region?: string;
}

const filterOf = (q: OutcomesQuery): OutcomeFilter => ({
  from: q.from ?? null,
  to: q.to ?? null,
  teamId: q.teamId ?? null,
  region: q.region || null,
});

/** The outcomes report and its per-rotation evidence, over what the caller can see. */
@Injectable()
export class OutcomesService {
  constructor(
    private readonly outcomes: OutcomesRepository,
    @InjectDataSource() private readonly db: DataSource,
    private readonly figures: FiguresCache,
  ) {}

  report(caller: AuthenticatedUser, q: OutcomesQuery): Promise<OutcomesReport> {
    const filter = filterOf(q);
    return this.figures.get(caller, `outcomes:${JSON.stringify(filter)}`, async () => {
      const [rotations, policy] = await Promise.all([this.outcomes.all(caller, filter), loadPolicy(this.db.manager)]);
      return summariseOutcomes(rotations, policy.skills);
    });
  }

  async rotations(caller: AuthenticatedUser, q: OutcomesQuery, window: PageWindow): Promise<Page<RotationOutcome>> {
    const [rows, total] = await this.outcomes.page(caller, filterOf(q), window.offset, window.pageSize);
    return toPage(rows, total, window);
  }
}
