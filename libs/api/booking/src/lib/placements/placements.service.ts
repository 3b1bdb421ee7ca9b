import { Inject, Injectable } from '@nestjs/common';
import {
  ApiError,
  AuthenticatedUser,
  cachedPage,
  Clock,
  FiguresCache,
  PageWindow,
  PLACEMENT_CHECK_INS,
  PlacementCheckIns,
  toPage,
} from '@stint/api-core';
import type { CheckIn, Page, Placement, PlacementListItem } from '@stint/contracts';
import { todayIn } from '@stint/shared-dates';
import { namesFor } from '../rules/booking-facts.queries';
import { csvCell } from './csv-cell';
import { placementStatus } from './placement-status';
import { PlacementFilter, PlacementRow, PlacementsRepository } from './placements.repository';

const CSV_HEADER =
  'id,requestId,pmId,pmName,pmEmail,teamId,teamName,startDate,endDate,durationWeeks,status,cancelledReason\n';
const CSV_CELLS = ['id', 'requestId', 'pmId', 'pmName', 'pmEmail', 'teamId', 'teamName', 'startDate', 'endDate'];

/** Reading placements: lists, one with its check-ins, and the CSV export. Moves are in PlacementMovesService. */
@Injectable()
export class PlacementsService {
  constructor(
    private readonly repository: PlacementsRepository,
    @Inject(PLACEMENT_CHECK_INS) private readonly checkIns: PlacementCheckIns,
    private readonly clock: Clock,
    private readonly figures: FiguresCache,
  ) {}

  /** One page; each item's check-ins only with `include.checkIns` (they are most of a page's weight). */
  async list(
    caller: AuthenticatedUser,
    filter: PlacementFilter,
    window: PageWindow,
    include: { checkIns: boolean } = { checkIns: false },
  ): Promise<Page<PlacementListItem>> {
    return cachedPage(
      this.figures,
      caller,
      'placements',
      { filter, window, cacheable: !include.checkIns },
      async () => {
        const [rows, total] = await this.repository.page(caller, filter, window);
        return toPage(await this.views(rows, include.checkIns), total, window);
      },
    );
  }

  async get(caller: AuthenticatedUser, id: string): Promise<Placement> {
    const { placement } = await this.repository.findVisible(this.repository.manager, caller, id);
    const [view] = await this.views([placement], true);
    if (!view) throw ApiError.notFound('placement', id);
    return { ...view, checkIns: view.checkIns ?? [] };
  }

  /** CSV of the placements the caller can see, in pages of 1,000 so memory stays flat. */
  async *csv(caller: AuthenticatedUser, filter: PlacementFilter): AsyncGenerator<string> {
    yield CSV_HEADER;
    const pageSize = 1000;
    for (let offset = 0; ; offset += pageSize) {
      const rows = await this.repository.csvRows(caller, filter, offset, pageSize);
      for (const r of rows) {
        const status = placementStatus(
          {
            startDate: String(r['startDate']),
            endDate: String(r['endDate']),
            cancelledAt: r['cancelledAt'] ? new Date(String(r['cancelledAt'])) : null,
          },
          todayIn(r.timezone, this.clock.now()),
        );
        const cells = [...CSV_CELLS.map((name) => r[name]), r['durationWeeks'], status, r['cancelledReason']];
        yield `${cells.map(csvCell).join(',')}\n`;
      }
      if (rows.length < pageSize) return;
    }
  }

  /** Placements as the API answers them, with check-ins and names: a fixed number of queries per page. */
  private async views(rows: PlacementRow[], withCheckIns: boolean): Promise<PlacementListItem[]> {
    const checkIns = withCheckIns ? await this.checkIns.checkInsFor(rows.map((r) => r.id)) : null;
    const names = await namesFor(
      this.repository.manager,
      rows.map((r) => r.pmId),
      rows.map((r) => r.teamId),
    );
    return rows.map((p) => this.toView(p, checkIns && (checkIns.get(p.id) ?? []), names));
  }

  private toView(
    p: PlacementRow,
    checkIns: CheckIn[] | null,
    names: { people: Map<string, string>; teams: Map<string, string> },
  ): PlacementListItem {
    return {
      id: p.id,
      requestId: p.requestId,
      pmId: p.pmId,
      pmName: names.people.get(p.pmId) ?? '',
      teamId: p.teamId,
      teamName: names.teams.get(p.teamId) ?? '',
      startDate: p.startDate,
      endDate: p.endDate,
      durationWeeks: p.durationWeeks,
      status: placementStatus(p, todayIn(p.timezone, this.clock.now())),
      cancelledReason: p.cancelledReason,
      ...(checkIns && { checkIns }),
    };
  }
}
