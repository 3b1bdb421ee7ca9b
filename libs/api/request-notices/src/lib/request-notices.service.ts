import { Inject, Injectable } from '@nestjs/common';
import {
  afterCommit,
  APP_CONFIG,
  AppConfig,
  ProposalFacts,
  RequestFacts,
  RequestNotices,
  WaitlistFacts,
} from '@stint/api-core';
import { loadParties, localRange, localTime, OutboxService, Person, RotationParties } from '@stint/api-notifications';
import type { EntityManager } from 'typeorm';
import { ApprovalNudgeScheduler } from './approval-nudge.scheduler';
import { rejectionComment } from './request-notices.queries';

/** The request as a small table for its reader: who, where, when (in the reader's locale), why. */
function requestFacts(request: RequestFacts, parties: RotationParties, reader: Person): Array<[string, string]> {
  const weeks = `${request.durationWeeks} week${request.durationWeeks === 1 ? '' : 's'}`;
  return [
    ['PM', parties.pm.name],
    ['Team', parties.team.name],
    ['Dates', `${localRange(request.startDate, request.endDate, reader)} (${weeks})`],
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
          facts: requestFacts(request, parties, to),
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
        facts: requestFacts(request, parties, parties.hostManager),
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
        facts: requestFacts(request, parties, parties.pm),
        action: this.myRotations(),
      },
    });
    this.nudgeWhileWaiting(request);
  }

  async waitlisted(m: EntityManager, request: RequestFacts, position: number): Promise<void> {
    const parties = await loadParties(m, request.pmId, request.teamId);
    await this.outbox.record(m, {
      kind: 'waitlisted',
      to: parties.pm,
      dedupeKey: `waitlisted:${request.id}`,
      related: { type: 'rotation_request', id: request.id },
      content: {
        subject: `${parties.team.name} is full on your dates: you are number ${position} on its waitlist`,
        heading: 'You are on the waitlist',
        paragraphs: [
          `${parties.team.name}'s manager would host you, but the team is full on these dates. You are number ${position} in line.`,
          'When a place frees up for your dates, it is held for you and you get an email to accept it. You can withdraw at any time.',
        ],
        facts: requestFacts(request, parties, parties.pm),
        action: this.myRotations(),
      },
    });
  }

  async offered(m: EntityManager, request: WaitlistFacts, offerVersion: number): Promise<void> {
    const parties = await loadParties(m, request.pmId, request.teamId);
    const until = request.offerExpiresAt ? localTime(request.offerExpiresAt, parties.pm) : '';
    await this.outbox.record(m, {
      kind: 'offer_made',
      to: parties.pm,
      dedupeKey: `offer_made:${request.id}:${offerVersion}`,
      related: { type: 'rotation_request', id: request.id },
      content: {
        subject: `A place in ${parties.team.name} is held for you until ${until}`,
        heading: 'A place has come free for your rotation',
        paragraphs: [
          `A place in ${parties.team.name} has come free for your dates and is held for you until ${until}.`,
          'Accept it to book the rotation (check-ins and invites follow at once), or decline it so the next person in line gets it. If you do neither, the hold ends and the place goes on.',
        ],
        facts: requestFacts(request, parties, parties.pm),
        action: { label: 'Accept or decline the place', url: `${this.config.appUrl}/my-rotations?offer=${request.id}` },
      },
    });
  }

  async lapsed(m: EntityManager, request: RequestFacts, why: 'expired' | 'start_passed'): Promise<void> {
    const parties = await loadParties(m, request.pmId, request.teamId);
    await this.outbox.record(m, {
      kind: 'offer_lapsed',
      to: parties.pm,
      dedupeKey: `offer_lapsed:${request.id}`,
      related: { type: 'rotation_request', id: request.id },
      content: {
        subject:
          why === 'expired'
            ? `The place held for you in ${parties.team.name} has gone to the next in line`
            : `Your wait for ${parties.team.name} has ended: the dates have begun`,
        heading: why === 'expired' ? 'Your offer lapsed' : 'Your waitlist request lapsed',
        paragraphs: [
          why === 'expired'
            ? 'The place was not accepted in time, so it has been offered to the next person in line.'
            : 'No place came free before your rotation was due to start.',
          'You can find another slot and ask again.',
        ],
        facts: requestFacts(request, parties, parties.pm),
        action: this.myRotations(),
      },
    });
  }

  async offerAccepted(m: EntityManager, request: RequestFacts): Promise<void> {
    const parties = await loadParties(m, request.pmId, request.teamId);
    await this.outbox.record(m, {
      kind: 'offer_accepted',
      to: parties.hostManager,
      dedupeKey: `offer_accepted:${request.id}`,
      related: { type: 'rotation_request', id: request.id },
      content: {
        subject: `${parties.pm.name} took the free place in ${parties.team.name}`,
        heading: 'A waitlist offer was accepted',
        paragraphs: [
          `${parties.pm.name} accepted the place that came free in ${parties.team.name}. The rotation is booked; check-ins and invites follow.`,
        ],
        facts: requestFacts(request, parties, parties.hostManager),
        action: { label: 'Open the request', url: `${this.config.appUrl}/approvals/${request.id}` },
      },
    });
  }

  async proposed(m: EntityManager, request: RequestFacts, proposal: ProposalFacts): Promise<void> {
    const parties = await loadParties(m, request.pmId, request.teamId);
    const dates = localRange(proposal.startDate, proposal.endDate, parties.pm);
    await this.outbox.record(m, {
      kind: 'proposal_made',
      to: parties.pm,
      dedupeKey: `proposal_made:${request.id}:${proposal.proposedAt.getTime()}`,
      related: { type: 'rotation_request', id: request.id },
      content: {
        subject: `${parties.team.name} proposes other dates for your rotation: ${dates}`,
        heading: 'Other dates are proposed for your rotation',
        paragraphs: [
          `${parties.team.name} is full on the dates you asked for. Its manager, ${parties.hostManager.name}, proposes ${dates} instead (the same length).`,
          'Accept to move your request to these dates (your line manager’s release stands, and the host then confirms), or decline to keep your dates.',
        ],
        facts: requestFacts(request, parties, parties.pm),
        action: { label: 'Accept or decline the dates', url: `${this.config.appUrl}/` },
      },
    });
  }

  async proposalAnswered(
    m: EntityManager,
    request: RequestFacts,
    proposal: ProposalFacts,
    answer: 'accepted' | 'declined',
  ): Promise<void> {
    const parties = await loadParties(m, request.pmId, request.teamId);
    const to = parties.hostManager;
    const dates = localRange(proposal.startDate, proposal.endDate, to);
    const accepted = answer === 'accepted';
    await this.outbox.record(m, {
      kind: accepted ? 'proposal_accepted' : 'proposal_declined',
      to,
      dedupeKey: `proposal_${answer}:${request.id}:${proposal.proposedAt.getTime()}`,
      related: { type: 'rotation_request', id: request.id },
      content: {
        subject: `${parties.pm.name} ${answer} your proposed dates in ${parties.team.name}: ${dates}`,
        heading: accepted ? 'Your proposed dates were accepted' : 'Your proposed dates were declined',
        paragraphs: [
          accepted
            ? `${parties.pm.name} accepted ${dates}. The request has moved to these dates and waits for you to agree to host, which books it.`
            : `${parties.pm.name} declined ${dates} and keeps the dates they asked for. You can propose other dates, put the request on the waitlist, or decline it.`,
        ],
        facts: requestFacts(request, parties, to),
        action: this.reviewAction(request),
      },
    });
  }

  private myRotations(): { label: string; url: string } {
    return { label: 'Open my rotations', url: `${this.config.appUrl}/my-rotations` };
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
