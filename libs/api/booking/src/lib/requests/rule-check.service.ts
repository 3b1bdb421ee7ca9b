import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@stint/api-core';
import type { RuleCheck } from '@stint/contracts';
import { BookingRules, Exclusions } from '../rules/booking-rules.service';
import { describeRuleCheck } from '../rules/rule-check';
import { RequestsRepository } from './requests.repository';

/**
 * The rule check shown to approvers: the request's dates judged now by the
 * same rules, facts and exclusions approving uses, so the two never disagree.
 * It reads only; approving checks everything again under the team's lock.
 */
@Injectable()
export class RuleCheckService {
  constructor(
    private readonly repository: RequestsRepository,
    private readonly rules: BookingRules,
  ) {}

  /** Every rule's verdict on the request; 404 when the caller may not see it. */
  async check(caller: AuthenticatedUser, id: string): Promise<RuleCheck> {
    const m = this.repository.manager;
    const { request } = await this.repository.findVisible(m, caller, id);
    const team = await this.rules.requireTeam(m, request.teamId);
    const candidate = { pmId: request.pmId, startDate: request.startDate, durationWeeks: request.durationWeeks };
    // The request never counts against itself: not as the PM's other commitment, nor (once booked) as a team booking.
    const exclude: Exclusions = {
      excludeRequestId: request.id,
      ...(request.placementId && { excludePlacementId: request.placementId }),
    };
    // What approving would judge: the start was chosen with the request, so only what approval checks is shown.
    const judgement = await this.rules.judge(m, team, { ...candidate, confirming: true }, exclude);
    const result = describeRuleCheck(request.id, candidate, judgement);
    const suggestions = result.ok ? [] : await this.rules.suggestionsFor({ ...candidate, teamId: team.id, exclude });
    return { ...result, suggestions };
  }
}
