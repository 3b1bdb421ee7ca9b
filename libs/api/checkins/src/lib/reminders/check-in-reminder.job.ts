import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads, skipReason } from '@stint/api-jobs';
import { localTime } from '@stint/api-notifications';
import { CheckInNotice, CheckInNotices } from './check-in-notices';

const HOUR = 3_600_000;

/**
 * Lead hours before a check-in, to the PM and the host manager (a pulse: to
 * the line manager, whose it is); skipped once the check-in has begun.
 */
const REMINDER: CheckInNotice = {
  kind: 'checkin_reminder',
  dueAt: (at, policy) => new Date(at.getTime() - policy.reminderLeadHours * HOUR),
  skipReason: (now, at) => (now.getTime() >= at.getTime() ? skipReason.checkInBegun(at) : null),
  skipWarning: (checkInId, reason) => `Skipped the reminder of check-in ${checkInId}: ${reason}`,
  recipients: (parties, kind) => (kind === 'pulse' ? [parties.lineManager] : [parties.pm, parties.hostManager]),
  content: ({ label, kind, parties, person, at }) => {
    if (kind === 'pulse') {
      return {
        subject: `Pulse: how is ${parties.pm.name} using the sales rotation? (one screen)`,
        heading: `How is ${parties.pm.name} doing since the rotation?`,
        paragraphs: [
          `${parties.pm.name} came back from ${parties.team.name} a while ago. On ${localTime(at, person)} we ask you, as their line manager, for a one-screen pulse:`,
          'how well they apply negotiation, closing and persistence in their product work, whether you would send another PM, and a comment. It takes two minutes.',
        ],
      };
    }
    return {
      subject: `Coming up: ${label} for ${parties.pm.name} (${parties.team.name})`,
      heading: `${label} coming up`,
      paragraphs: [
        `${label} for ${parties.pm.name}'s rotation in ${parties.team.name} is at ${localTime(at, person)}.`,
        person.id === parties.pm.id
          ? kind === 'final'
            ? 'Take a moment beforehand to note what you learned: you will rate each skill and say which learning goals you met.'
            : 'Take a moment beforehand to note what you learned; you will rate each skill.'
          : kind === 'final'
            ? `As the host, give your own assessment of ${parties.pm.name}'s skills on the check-in page once it has happened: what you saw.`
            : 'Add your feedback on the check-in page afterwards.',
      ],
    };
  },
};

/** The `checkin-reminder` job. */
@Injectable()
export class CheckInReminderJob {
  constructor(private readonly notices: CheckInNotices) {}

  run(payload: JobPayloads[JobName.CheckInReminder]): Promise<void> {
    return this.notices.send(REMINDER, payload);
  }
}
