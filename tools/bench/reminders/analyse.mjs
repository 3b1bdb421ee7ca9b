// From what the sink received to the figures of the report.
import { summarize } from '../lib.mjs';
import { LEAD_HOURS } from './config.mjs';

/** Maps every received message back to its notification and check-in; returns the delivery figures of the summary. */
export async function analyseDeliveries(db, received) {
  // Map every received Message-ID back to its notification and check-in.
  const rows = (
    await db.query(
      `SELECT n.id, n.recipient, n.status, n.attempts, n.created_at, n.sent_at, n.related_id AS check_in_id, c.scheduled_at
         FROM notifications n JOIN check_ins c ON c.id = n.related_id WHERE n.kind = 'checkin_reminder'`,
    )
  ).rows;
  const byMessageId = new Map(rows.map((r) => [`${r.id}@stint`, r]));
  const firstReceipt = new Map();
  let duplicates = 0;
  let foreign = 0;
  for (const m of received) {
    if (!m.messageId || !byMessageId.has(m.messageId)) {
      foreign++;
      continue;
    }
    if (firstReceipt.has(m.messageId)) duplicates++;
    else firstReceipt.set(m.messageId, m.at);
  }
  const leadMs = LEAD_HOURS * 3_600_000;
  const lateness = [];
  const jobLag = [];
  const sendLag = [];
  const perReminder = new Map();
  for (const [messageId, at] of firstReceipt) {
    const r = byMessageId.get(messageId);
    const due = new Date(r.scheduled_at).getTime() - leadMs;
    lateness.push((at - due) / 1000);
    jobLag.push((new Date(r.created_at).getTime() - due) / 1000);
    sendLag.push((at - new Date(r.created_at).getTime()) / 1000);
    perReminder.set(r.check_in_id, Math.max(perReminder.get(r.check_in_id) ?? -Infinity, (at - due) / 1000));
  }
  const perCheckIn = new Map();
  for (const r of rows) perCheckIn.set(r.check_in_id, (perCheckIn.get(r.check_in_id) ?? 0) + 1);
  const receipts = [...firstReceipt.values()];
  const firstReceived = receipts.length ? Math.min(...receipts) : null;
  const lastReceived = receipts.length ? Math.max(...receipts) : null;
  const statusCounts = rows.reduce((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
  const reminders = [...perReminder.values()];
  return {
    notifications: rows.length,
    statusCounts,
    checkInsWithTwo: [...perCheckIn.values()].filter((n) => n === 2).length,
    received: received.length,
    unique: firstReceipt.size,
    duplicates,
    foreign,
    lateness: summarize(lateness),
    minLateness: lateness.length ? Math.min(...lateness) : null,
    jobLag: summarize(jobLag),
    sendLag: summarize(sendLag),
    reminderLateness: summarize(reminders),
    remindersComplete: reminders.length,
    firstReceived,
    lastReceived,
  };
}
