import { JobName, QueueName, QueueService } from '@stint/api-jobs';
import { CHANGES_OVERLAP_MS, ReconcileJob } from '@stint/api-maintenance';
import type { CheckIn, Placement } from '@stint/contracts';
import { randomUUID } from 'node:crypto';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { TestWorker, useMailStack } from './support/mail-stack';
import { sql } from './support/sql';
import { call, TestApp } from './support/test-app';
import { controlClock, startTestWorker } from './support/worker';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/*
 * The reconciler's 10-minute tick of changes: it reads only the open check-ins written since its previous tick
 * (less CHANGES_OVERLAP_MS), the hourly full tick reads them all. Ticks are run here by hand; the worker's own
 * (at start, every 10 minutes, every hour) are held by pausing the maintenance queue, so none of them moves a
 * test's "previous tick" between its steps. A real tick comes 10 minutes after the previous one; here seconds
 * pass, so check-ins meant as "written long before" have their updated_at set back in SQL.
 *
 * Redis holds only the jobs due within the next 48 hours. Every placement here starts on the same Monday and the
 * API's and the worker's clocks stand 40 hours before its 10:00 kickoff: the kickoff's reminder (24 hours ahead of
 * it) is each placement's one job within reach, the later check-ins' wait in PostgreSQL until the last test moves
 * the clock on.
 */
describe('reconciler ticks of changes (real PostgreSQL, Redis and worker)', () => {
  const stack = useMailStack({ ownDatabase: 'reconcile_changes' });
  let t: TestApp;
  let worker: TestWorker;
  let f: Fixtures;
  let lineManager: Actor;
  let host: Actor;
  let queues: QueueService;
  let reconciler: ReconcileJob;
  const start = futureMonday(3);
  const kickoffAt = new Date(`${start}T10:00:00.000Z`);
  const before = new Date(kickoffAt.getTime() - 40 * HOUR);

  beforeAll(async () => {
    ({ t, worker, f, lineManager, host } = stack);
    queues = worker.context.get(QueueService);
    reconciler = worker.context.get(ReconcileJob);
    // Booking 40 hours ahead needs no lead time (this suite's own database).
    await call(t.url, 'PUT', '/api/policy', { token: f.admin.token, body: { minLeadDays: 0 } });
    const maintenance = queues.queue(QueueName.Maintenance);
    await maintenance.pause();
    const deadline = Date.now() + 20_000;
    while ((await maintenance.getActiveCount()) > 0) {
      if (Date.now() > deadline) throw new Error('the worker’s start-up reconcile did not finish');
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  // The mail stack restores every mock after each test: each test starts 40 hours before the kickoff.
  let clocks: Array<{ set(at: Date): void }>;
  beforeEach(() => {
    clocks = [controlClock(t.app, before), controlClock(worker.context, before)];
  });

  /** A booked placement on a team of its own; its open check-ins, as its PM reads them, the kickoff first. */
  async function bookCheckIns(): Promise<CheckIn[]> {
    const team = await f.team(host, { capacity: 2, timezone: 'UTC' });
    const pm = await f.pm(lineManager);
    const booked = await f.booked(pm, lineManager, host, team.id, start, 2);
    const placement = await call<Placement>(t.url, 'GET', `/api/placements/${booked.placementId}`, {
      token: pm.token,
    });
    const open = placement.body.checkIns.filter((c) => c.status === 'upcoming');
    expect(open[0]).toMatchObject({ kind: 'kickoff', scheduledAt: kickoffAt.toISOString() });
    expect(open.length).toBeGreaterThan(2);
    return open;
  }

  /** The ids of a booked placement's open check-ins; the kickoff's first (the one with a job within 48 hours). */
  async function bookPlacement(): Promise<string[]> {
    return (await bookCheckIns()).map((c) => c.id);
  }

  /** Sets back when check-ins were last written (all open ones when no ids are given). */
  async function writtenAgo(ms: number, ids?: string[]): Promise<void> {
    await sql(
      `UPDATE check_ins SET updated_at = now() - make_interval(secs => $1::double precision / 1000)
        WHERE completed_at IS NULL AND cancelled_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [ms, ids ?? null],
    );
  }

  /** The ids of the reminder and overdue jobs waiting in Redis for these check-ins. */
  async function jobsOf(checkInIds: string[]): Promise<string[]> {
    const pending = await queues.jobIdsIn(QueueName.Reminders, ['delayed', 'waiting', 'prioritized', 'active']);
    return [...pending]
      .filter((id) =>
        checkInIds.some((c) => id.startsWith(`checkin-reminder-${c}-`) || id.startsWith(`checkin-overdue-${c}-`)),
      )
      .sort();
  }

  /** Loses jobs from Redis, as a flush or an eviction would. */
  async function lose(jobIds: string[]): Promise<void> {
    for (const id of jobIds) await queues.remove(QueueName.Reminders, id);
    for (const id of jobIds) expect(await queues.queue(QueueName.Reminders).getJob(id)).toBeUndefined();
  }

  /** Each job exists in the reminders queue, waiting for its (future) moment. */
  async function expectWaiting(jobIds: string[]): Promise<void> {
    for (const id of jobIds) {
      const job = await queues.queue(QueueName.Reminders).getJob(id);
      expect({ id, state: await job?.getState() }).toEqual({ id, state: 'delayed' });
    }
  }

  it('a tick of changes right after a full tick, with nothing written, reads no open check-in; a full tick reads them all', async () => {
    const a = await bookPlacement();
    const b = await bookPlacement();
    await writtenAgo(60 * MINUTE);

    const full = await reconciler.run('full');
    expect(full.scope).toBe('full');
    expect(full.scheduled).toBe(2);
    // Booking put every job due within 48 hours in Redis already: nothing was missing.
    expect(full.added).toBe(0);

    const changes = await reconciler.run('changes');
    expect(changes).toMatchObject({ scope: 'changes', scheduled: 0, added: 0, orphansRemoved: 0 });
    // One job per placement: the kickoff's reminder. The later check-ins' moments are beyond the horizon.
    const near = await jobsOf([...a, ...b]);
    expect(near).toEqual(await jobsOf([a[0] as string, b[0] as string]));
    expect(near).toHaveLength(2);
    expect(near.every((id) => id.startsWith('checkin-reminder-'))).toBe(true);

    // Asked for again, the full tick still reads every open check-in within reach.
    const again = await reconciler.run('full');
    expect(again.scope).toBe('full');
    expect(again.scheduled).toBe(full.scheduled);
  });

  it('a check-in written within the overlap before the previous tick is read again; one written earlier is not', async () => {
    const [inFlight] = (await bookPlacement()) as [string];
    const [settled] = (await bookPlacement()) as [string];
    await writtenAgo(60 * MINUTE);
    // Written 5 minutes before the tick: its transaction could have committed after that tick read.
    await writtenAgo(CHANGES_OVERLAP_MS / 2, [inFlight]);
    await writtenAgo(CHANGES_OVERLAP_MS + 5 * MINUTE, [settled]);
    await reconciler.run('full');
    const lost = await jobsOf([inFlight, settled]);
    expect(lost).toHaveLength(2);
    await lose(lost);

    const changes = await reconciler.run('changes');
    expect(changes).toMatchObject({ scope: 'changes', scheduled: 1, added: 1 });
    await expectWaiting(await jobsOf([inFlight]));
    expect(await jobsOf([inFlight])).toHaveLength(1);
    expect(await jobsOf([settled])).toHaveLength(0);

    // The full tick is the safety net for the other.
    expect((await reconciler.run('full')).added).toBe(1);
    expect(await jobsOf([inFlight, settled])).toEqual(lost);
  });

  it('the first tick of a process asked for changes runs in full, orphans removed; its next tick reads only changes', async () => {
    await bookPlacement();
    await writtenAgo(60 * MINUTE);
    // This worker has ticked already: asked for changes, it reads only them.
    await reconciler.run('full');
    expect((await reconciler.run('changes')).scope).toBe('changes');

    const orphan = async () => {
      const id = `checkin-overdue-${randomUUID()}-0-${Date.now()}`;
      const now = new Date();
      await queues.addAt(
        JobName.CheckInOverdue,
        { checkInId: randomUUID(), scheduledAt: new Date(now.getTime() + 30 * 24 * 60 * MINUTE).toISOString() },
        id,
        new Date(now.getTime() + 31 * 24 * 60 * MINUTE),
        now,
      );
      return id;
    };
    const first = await orphan();

    // A second worker process (its start-up reconcile is held in the paused queue): its ReconcileJob never ran.
    const second = await startTestWorker(t.config);
    controlClock(second.context, before);
    try {
      const fresh = second.context.get(ReconcileJob);
      const tick = await fresh.run('changes');
      expect(tick.scope).toBe('full');
      expect(tick.scheduled).toBeGreaterThanOrEqual(1);
      expect(tick.orphansRemoved).toBeGreaterThanOrEqual(1);
      expect(await queues.queue(QueueName.Reminders).getJob(first)).toBeUndefined();

      const next = await fresh.run('changes');
      expect(next).toMatchObject({ scope: 'changes', scheduled: 0, added: 0 });
      // A tick of changes cannot tell an orphan: it leaves one alone, the next full tick removes it.
      const later = await orphan();
      expect((await fresh.run('changes')).orphansRemoved).toBe(0);
      expect(await queues.queue(QueueName.Reminders).getJob(later)).toBeDefined();
      expect((await fresh.run('full')).orphansRemoved).toBe(1);
      expect(await queues.queue(QueueName.Reminders).getJob(later)).toBeUndefined();
    } finally {
      await second.close();
    }
  });

  it('a check-in booked after the previous tick whose jobs Redis lost is put back by the next tick of changes', async () => {
    await bookPlacement();
    await writtenAgo(60 * MINUTE);
    await reconciler.run('full');

    const open = await bookPlacement();
    const jobs = await jobsOf(open);
    // The kickoff's reminder, put there by the booking: its one moment within 48 hours.
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatch(new RegExp(`^checkin-reminder-${open[0]}-`));
    await lose(jobs);

    const changes = await reconciler.run('changes');
    expect(changes.scope).toBe('changes');
    // Only the new placement's check-in within reach was read, and only its job was missing.
    expect(changes.scheduled).toBe(1);
    expect(changes.added).toBe(jobs.length);
    expect(await jobsOf(open)).toEqual(jobs);
    await expectWaiting(jobs);
  });

  it('an old check-in whose jobs Redis lost is not restored by a tick of changes, but is by the next full tick', async () => {
    const open = await bookPlacement();
    await writtenAgo(60 * MINUTE);
    await writtenAgo(3 * 24 * 60 * MINUTE, open);
    await reconciler.run('full');
    const jobs = await jobsOf(open);
    expect(jobs).toHaveLength(1);
    await lose(jobs);

    // The documented trade-off: a tick of changes does not read check-ins written long ago.
    const changes = await reconciler.run('changes');
    expect(changes).toMatchObject({ scope: 'changes', scheduled: 0, added: 0 });
    expect(await jobsOf(open)).toHaveLength(0);

    // The hourly full tick is the safety net.
    const full = await reconciler.run('full');
    expect(full.scope).toBe('full');
    expect(full.added).toBe(jobs.length);
    expect(await jobsOf(open)).toEqual(jobs);
    await expectWaiting(jobs);
  });

  it('a booking weeks ahead sends Redis nothing; a check-in whose reminder comes within 48 hours is added by the next tick of changes, with nothing written', async () => {
    // Booked with the real clock, weeks before the start: the cadence waits in PostgreSQL.
    jest.restoreAllMocks();
    const open = await bookCheckIns();
    expect(await jobsOf(open.map((c) => c.id))).toEqual([]);
    await writtenAgo(60 * MINUTE);

    clocks = [controlClock(t.app, before), controlClock(worker.context, before)];
    await reconciler.run('full');
    const [kickoff, second] = open as [CheckIn, CheckIn];
    expect(await jobsOf([kickoff.id])).toHaveLength(1);
    expect(await jobsOf([second.id])).toEqual([]);

    // The clock moves on to 48 hours and a minute before the second check-in's reminder (24 hours ahead of it):
    // still out of reach, then, ten minutes later, within it. Nothing is written in between.
    const secondAt = new Date(second.scheduledAt).getTime();
    const outOfReach = new Date(secondAt - 72 * HOUR - MINUTE);
    for (const c of clocks) c.set(outOfReach);
    const still = await reconciler.run('changes');
    expect(still.scope).toBe('changes');
    expect(await jobsOf([second.id])).toEqual([]);
    // The kickoff, begun meanwhile, has its overdue escalation (48 hours after it) within reach now: added too.
    // (Its reminder job stays until the next full tick; its handler skips a check-in that has begun.)
    expect(await jobsOf([kickoff.id])).toContain(
      `checkin-overdue-${kickoff.id}-${kickoffAt.getTime()}-${kickoffAt.getTime() + 48 * HOUR}`,
    );

    for (const c of clocks) c.set(new Date(outOfReach.getTime() + 10 * MINUTE));
    const entered = await reconciler.run('changes');
    expect(entered.scope).toBe('changes');
    const added = await jobsOf([second.id]);
    expect(added).toEqual([`checkin-reminder-${second.id}-${secondAt}-${secondAt - 24 * HOUR}`]);
    expect(entered.added).toBeGreaterThanOrEqual(1);
    await expectWaiting(added);
    // The third check-in, later still, is not in Redis yet.
    expect(await jobsOf(open.slice(2).map((c) => c.id))).toEqual([]);
  });
});
