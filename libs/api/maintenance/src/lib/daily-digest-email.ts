import { KIND_LABEL } from '@stint/api-checkins';
import { EmailContent, localTime, Person } from '@stint/api-notifications';
import type { AwaitingRequest, OpenCheckInLine } from './daily-digest.queries';

/** What a manager's day holds; a digest goes out only when some of it is there. */
export interface DigestContents {
  pending: AwaitingRequest[];
  today: OpenCheckInLine[];
  overdue: OpenCheckInLine[];
}

type Section = NonNullable<EmailContent['sections']>[number];

function section(title: string, lines: string[]): Section[] {
  return lines.length ? [{ title: `${title} (${lines.length})`, lines }] : [];
}

/** The digest email for one manager: what waits for their decision, today's check-ins, overdue check-ins. */
export function digestEmail(manager: Person, day: DigestContents, appUrl: string): EmailContent {
  const { pending, today, overdue } = day;
  const checkIn = (c: OpenCheckInLine) => KIND_LABEL[c.kind] ?? c.kind;
  const at = (c: OpenCheckInLine) => localTime(new Date(c.scheduled_at), manager);
  return {
    subject: `Stint today: ${pending.length} to decide, ${today.length} check-in${today.length === 1 ? '' : 's'}, ${overdue.length} overdue`,
    heading: `Good morning, ${manager.name}`,
    paragraphs: ['Here is what needs you today.'],
    sections: [
      ...section(
        'Waiting for your decision',
        pending.map((p) => `${p.pm} → ${p.team} (${p.status === 'pending_manager' ? 'release' : 'host'})`),
      ),
      ...section(
        'Check-ins today',
        today.map((c) => `${c.pm} — ${checkIn(c)} at ${at(c)}`),
      ),
      ...section(
        'Overdue check-ins',
        overdue.map((c) => `${c.pm} — ${checkIn(c)}, due ${at(c)}`),
      ),
    ],
    action: { label: 'Open the dashboard', url: `${appUrl}/` },
  };
}
