import { Injectable } from '@nestjs/common';
import { Clock, loadPolicy, PlacementCheckIns } from '@stint/api-core';
import type { CheckIn } from '@stint/contracts';
import { CheckInsRepository } from './check-ins.repository';

/** Booking's `PLACEMENT_CHECK_INS` port: the check-ins of placements, for placement responses. */
@Injectable()
export class CheckInsReadModel implements PlacementCheckIns {
  constructor(
    private readonly checkIns: CheckInsRepository,
    private readonly clock: Clock,
  ) {}

  async checkInsFor(placementIds: string[]): Promise<Map<string, CheckIn[]>> {
    const result = new Map<string, CheckIn[]>(placementIds.map((id) => [id, []]));
    if (!placementIds.length) return result;
    const policy = await loadPolicy(this.checkIns.manager);
    const checkIns = await this.checkIns.views('placement', placementIds, this.clock.now(), policy.overdueAfterHours);
    for (const c of checkIns) result.get(c.placementId)?.push(c);
    return result;
  }
}
