import { Inject, Injectable } from '@nestjs/common';
import { afterCommit, APP_CONFIG, AppConfig, RequestFacts, RequestNotices } from '@stint/api-core';
import { loadParties, OutboxService, RotationParties } from '@stint/api-notifications';
import type { EntityManager } from 'typeorm';
import { ApprovalNudgeScheduler } from './approval-nudge.scheduler';
import { rejectionComment } from './request-notices.queries';

/** The request as a small table: who, where, when, why. */
function requestFacts(request: RequestFacts, parties: RotationParties): Array<[string, string]> {
  const weeks = `${request.durationWeeks} week${request.durationWeeks === 1 ? '' : 's'}`;
  return [
    ['PM', parties.pm.name],
    ['Team', parties.team.name],
    ['Dates', `${request.startDate} to ${request.endDate} (${weeks})`],
    ['Goals', request.goals.join(', ') || '—'],
  ];
}

/**
 * Booking's `REQUEST_NOTICES` port: the email each step of a rotation request
 * sends (to the line manager on submit, to the host manager on release, to
 * the PM on rejection), recorded in the step's transaction; and, once a
 * waiting step commits, the nudges that follow if nobody decides.
 */
@Injectable()
export class RequestNoticesService implements RequestNotices {
  constructor(
    private readonly outbox: OutboxService,
    private readonly nudges: ApprovalNudgeScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async submitted(m: EntityManager, request: RequestFacts): Promise<void> {
    const parties = await loadParties(m, request.pmId, request.teamId);
    const to = parties.lineManager;
    if (to) {
      await this.outbox.record(m, {
        kind: 'request_submitted',
        to,
        dedupeKey: `request_submitted:${request.id}:${request.pendingSince.getTime()}`,
        related: { type: 'rotation_request', id: request.id },
        content: {
          subject: `${parties.pm.name} asks to join ${parties.team.name} for a sales rotation`,
          heading: 'A rotation request waits for your release',
          paragraphs: [
            `${parties.pm.name} asks to spend time in ${parties.team.name}. As their line manager, please release or decline them.`,
            ...(request.motivation ? [`Motivation: ${request.motivation}`] : []),
          ],
          facts: requestFacts(request, parties),
          action: this.reviewAction(request),
        },
      });
    }
    this.nudgeWhileWaiting(request);
  }

  async released(m: EntityManager, request: RequestFacts): Promise<void> {
    const parties = await loadParties(m, request.pmId, request.teamId);
    await this.outbox.record(m, {
      kind: 'request_pending_host',
      to: parties.hostManager,
      dedupeKey: `request_pending_host:${request.id}:${request.pendingSince.getTime()}`,
      related: { type: 'rotation_request', id: request.id },
      content: {
        subject: `Host ${parties.pm.name} in ${parties.team.name}?`,
        heading: 'A PM has been released to join your team',
        paragraphs: [
          `${parties.pm.name}'s line manager has released them for a rotation in ${parties.team.name}. Agree to host to book it.`,
        ],
        facts: requestFacts(request, parties),
        action: this.reviewAction(request),
      },
    });
    this.nudgeWhileWaiting(request);
  }

  async rejected(m: EntityManager, request: RequestFacts): Promise<void> {
    const parties = await loadParties(m, request.pmId, request.teamId);
    const comment = await rejectionComment(m, request.id);
    await this.outbox.record(m, {
      kind: 'request_rejected',
      to: parties.pm,
      dedupeKey: `request_rejected:${request.id}`,
      related: { type: 'rotation_request', id: request.id },
      content: {
        subject: `Your rotation request for ${parties.team.name} was declined`,
        heading: 'Your rotation request was declined',
        paragraphs: [`Comment: ${comment}`, 'You can find another slot and ask again.'],
        facts: requestFacts(request, parties),
        action: { label: 'Open my rotations', url: `${this.config.appUrl}/my-rotations` },
      },
    });
    this.nudgeWhileWaiting(request);
  }

  private reviewAction(request: RequestFacts): { label: string; url: string } {
    return { label: 'Review the request', url: `${this.config.appUrl}/approvals/${request.id}` };
  }

  /** A request left waiting for a decision gets its nudges once the step commits. */
  private nudgeWhileWaiting(request: RequestFacts): void {
    if (request.status !== 'pending_manager' && request.status !== 'pending_host') return;
    const snapshot = { id: request.id, status: request.status, pendingSince: request.pendingSince };
    afterCommit(() => this.nudges.schedule(snapshot));
  }
}
