import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads, OVERDUE_LATE_LIMIT_MS, skipReason } from '@stint/api-jobs';
import { localTime, Person, RotationParties } from '@stint/api-notifications';
import { CheckInNotice, CheckInNotices } from './check-in-notices';

const HOUR = 3_600_000;

/**
 * The policy's hours after a check-in with no reflection, to the PM and their
 * line manager. Decided from the current policy: a policy that moved the
 * overdue moment later makes an early job do nothing. Skipped when more than
 * a week late.
 */
const OVERDUE: CheckInNotice = {
  kind: 'checkin_overdue',
  dueAt: (at, policy) => new Date(at.getTime() + policy.overdueAfterHours * HOUR),
  skipReason: (now, _at, dueAt) =>
    now.getTime() - dueAt.getTime() > OVERDUE_LATE_LIMIT_MS ? skipReason.tooLate(dueAt) : null,
  recipients: (parties, kind) => (kind === 'pulse' ? [parties.lineManager] : [parties.pm, parties.lineManager]),
  content: ({ label, kind, parties, person, at }) =>
    kind === 'pulse'
      ? overduePulse({ parties, person, at })
      : {
          subject: `Overdue: ${label} for ${parties.pm.name} (${parties.team.name})`,
          heading: `${label} is overdue`,
          paragraphs: [
            `${label} of ${parties.pm.name}'s rotation in ${parties.team.name} was due ${localTime(at, person)} and has no reflection yet.`,
            person.id === parties.pm.id
              ? 'File your reflection now: it takes two minutes.'
              : `As ${parties.pm.name}'s line manager, please give them a nudge.`,
          ],
        },
};

function overduePulse({ parties, person, at }: { parties: RotationParties; person: Person; at: Date }) {
  return {
    subject: `Overdue: the pulse for ${parties.pm.name}`,
    heading: 'The pulse after return is overdue',
    paragraphs: [
      `The pulse on ${parties.pm.name}'s rotation in ${parties.team.name} was due ${localTime(at, person)}.`,
      'Without it, the programme cannot tell whether what they learnt lasts. Give it now: one screen, two minutes.',
    ],
  };
}

/** The `checkin-overdue` job. */
@Injectable()
export class CheckInOverdueJob {
  constructor(private readonly notices: CheckInNotices) {}

  run(payload: JobPayloads[JobName.CheckInOverdue]): Promise<void> {
    return this.notices.send(OVERDUE, payload);
  }
}
