import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads, skipReason } from '@stint/api-jobs';
import { localTime } from '@stint/api-notifications';
import { CheckInNotice, CheckInNotices } from './check-in-notices';

const HOUR = 3_600_000;

/** Lead hours before a check-in, to the PM and the host manager; skipped once the check-in has begun. */
const REMINDER: CheckInNotice = {
  kind: 'checkin_reminder',
  dueAt: (at, policy) => new Date(at.getTime() - policy.reminderLeadHours * HOUR),
  skipReason: (now, at) => (now.getTime() >= at.getTime() ? skipReason.checkInBegun(at) : null),
  skipWarning: (checkInId, reason) => `Skipped the reminder of check-in ${checkInId}: ${reason}`,
  recipients: (parties) => [parties.pm, parties.hostManager],
  content: ({ label, parties, person, at }) => ({
    subject: `Coming up: ${label} for ${parties.pm.name} (${parties.team.name})`,
    heading: `${label} coming up`,
    paragraphs: [
      `${label} for ${parties.pm.name}'s rotation in ${parties.team.name} is at ${localTime(at, person.timezone)}.`,
      person.id === parties.pm.id
        ? 'Take a moment beforehand to note what you learned; you will rate negotiation, closing and persistence.'
        : 'Add your feedback on the check-in page afterwards.',
    ],
  }),
};

/** The `checkin-reminder` job. */
@Injectable()
export class CheckInReminderJob {
  constructor(private readonly notices: CheckInNotices) {}

  run(payload: JobPayloads[JobName.CheckInReminder]): Promise<void> {
    return this.notices.send(REMINDER, payload);
  }
}
