import type { MatDialog } from '@angular/material/dialog';
import type { CheckIn } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { askForComment } from '@stint/dashboard-ui';
import type { CheckInsService } from './check-ins.service';

/** A manager's feedback on one check-in; resolves with the check-in with the feedback added. */
export function askForFeedback(
  dialog: MatDialog,
  api: CheckInsService,
  checkIn: CheckIn,
  subject: string,
): Promise<CheckIn | undefined> {
  return askForComment(dialog, {
    title: 'Add feedback',
    intro: subject,
    label: 'Feedback',
    required: 'Write some feedback first.',
    busy: 'Saving feedback…',
    dismiss: 'Cancel',
    submit: 'Save feedback',
    maxLength: 4000,
    send: (text) => api.addFeedback(checkIn.id, text),
    describeError,
  });
}
