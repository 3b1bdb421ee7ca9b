import { Global, Injectable, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity, verifyPassword } from '@stint/api-auth';
import { PlacementEntity, RequestApprovalEntity, RotationRequestEntity } from '@stint/api-booking';
import {
  afterCommit,
  Clock,
  dropDatabase,
  FixedClock,
  PLACEMENT_EFFECTS,
  PlacementEffects,
  PlacementFacts,
  prepareDatabase,
  TransactionRunner,
} from '@stint/api-core';
import { TeamEntity } from '@stint/api-programme';
import { createHolidayCalendar, DEFAULT_POLICY, planCheckIns } from '@stint/scheduling';
import { DataSource, type EntityManager } from 'typeorm';
import { DemoSeedService, SeedModule } from '../src';

/** Stands in for the check-ins feature: lays out the real cadence, cancels what is still ahead. */
@Injectable()
class CheckInsLifecycle implements PlacementEffects {
  static booked = 0;
  static effects = 0;
  /** The placements booked through this hook: the stories', not the history's. */
  static placementIds: string[] = [];

  constructor(private readonly clock: Clock) {}

  async booked(m: EntityManager, placement: PlacementFacts): Promise<void> {
    const rows: Array<{ timezone: string; holiday_country: string | null }> = await m.query(
      `SELECT u.timezone, t.holiday_country FROM users u, teams t WHERE u.id = $1 AND t.id = $2`,
      [placement.pmId, placement.teamId],
    );
    const row = rows[0];
    if (!row) throw new Error('placement without PM or team');
    const planned = planCheckIns({
      startDate: placement.startDate,
      durationWeeks: placement.durationWeeks,
      policy: DEFAULT_POLICY,
      pmTimeZone: row.timezone,
      isHoliday: createHolidayCalendar(row.holiday_country),
    });
    for (const c of planned) {
      await m.query(`INSERT INTO check_ins (placement_id, kind, due_date, scheduled_at) VALUES ($1, $2, $3, $4)`, [
        placement.id,
        c.kind,
        c.date,
        c.scheduledAt,
      ]);
    }
    CheckInsLifecycle.booked++;
    CheckInsLifecycle.placementIds.push(placement.id);
    // The real hook enqueues reminders after commit: this only works inside TransactionRunner.run().
    afterCommit(async () => {
      CheckInsLifecycle.effects++;
    });
  }

  async rescheduled(): Promise<void> {
    throw new Error('the demo seed never moves a placement');
  }

  async cancelled(m: EntityManager, placement: PlacementFacts): Promise<void> {
    await m.query(
      `UPDATE check_ins SET cancelled_at = $2 WHERE placement_id = $1 AND completed_at IS NULL AND scheduled_at > $2`,
      [placement.id, this.clock.now()],
    );
  }
}

function appModule(url: string, providers: Provider[]): DynamicModule {
  @Global()
  @Module({})
  class TestCoreModule {}
  return {
    module: TestCoreModule,
    imports: [
      TypeOrmModule.forRoot({
        type: 'postgres',
        url,
        // Users and teams too: the booking entities name them in foreign keys.
        entities: [PlacementEntity, RotationRequestEntity, RequestApprovalEntity, UserEntity, TeamEntity],
        synchronize: false,
        logging: ['error'],
      }),
      SeedModule.register({ ports: [] }),
    ],
    providers: [TransactionRunner, ...providers],
    exports: [TransactionRunner, ...providers.map((p) => ('provide' in p ? p.provide : p))],
  };
}

async function boot(url: string, providers: Provider[]): Promise<TestingModule> {
  return Test.createTestingModule({ imports: [appModule(url, providers)] }).compile();
}

const runId = `${Date.now().toString(36)}_${process.pid}`;
function databaseUrl(suffix: string): string {
  const base = new URL(process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@localhost:5432/postgres');
  base.pathname = `/stint_seed_it_${runId}_${suffix}`;
  return base.toString();
}

async function one<T>(db: DataSource, sql: string, params: unknown[] = []): Promise<T> {
  const rows: T[] = await db.query(sql, params);
  const row = rows[0];
  if (row === undefined) throw new Error(`no row: ${sql}`);
  return row;
}

describe('DemoSeedService with a check-ins lifecycle', () => {
  const url = databaseUrl('a');
  // A Wednesday in May: the quarter-end close is six weeks away.
  const now = new Date('2026-05-13T12:00:00Z');
  const apps: TestingModule[] = [];
  let db: DataSource;
  let outcomes: Array<{ seeded: boolean; summary: string }>;

  beforeAll(async () => {
    await prepareDatabase(url);
    const providers = (): Provider[] => [
      { provide: Clock, useValue: new FixedClock(now) },
      { provide: PLACEMENT_EFFECTS, useClass: CheckInsLifecycle },
    ];
    apps.push(await boot(url, providers()), await boot(url, providers()));
    db = apps[0]?.get(DataSource) as DataSource;
    // Two processes starting together.
    outcomes = await Promise.all(apps.map((app) => app.get(DemoSeedService).seedIfEmpty()));
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await dropDatabase(url);
  });

  it('seeds exactly once when two processes start together, and not again', async () => {
    expect(outcomes.filter((o) => o.seeded)).toHaveLength(1);
    const seeded = outcomes.find((o) => o.seeded);
    expect(seeded?.summary).toMatch(
      /3 managers and 50 PMs .*6 teams, 2 blackouts, 24 requests \(16 booked, 3 pending_manager, 2 pending_host, 2 rejected, 1 withdrawn\), 16 placements \(6 completed, 4 active, 5 scheduled, 1 cancelled\), and a history of 150 finished rotations over two years/,
    );
    expect(outcomes.find((o) => !o.seeded)?.summary).toMatch(/skipped/);
    expect(await apps[0]?.get(DemoSeedService).seedIfEmpty()).toEqual({
      seeded: false,
      summary: 'Demo seed skipped: the programme already has teams.',
    });
    expect(
      await one(
        db,
        `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM teams)::int AS teams, (SELECT count(*) FROM placements)::int AS placements`,
      ),
    ).toEqual({
      users: 53,
      teams: 6,
      placements: 166,
    });
  });

  it('lets every demo user sign in with demo1234', async () => {
    const rows: Array<{ password_hash: string }> = await db.query(`SELECT DISTINCT password_hash FROM users`);
    expect(rows).toHaveLength(1);
    expect(await verifyPassword('demo1234', rows[0]?.password_hash ?? '')).toBe(true);
    const pm = await one<{ role: string; manager: string }>(
      db,
      `SELECT u.role, m.email::text AS manager FROM users u JOIN users m ON m.id = u.manager_id WHERE u.email = 'pm01@stint.local'`,
    );
    expect(pm).toEqual({ role: 'pm', manager: 'maria.manager@stint.local' });
  });

  it('keeps capacity, blackouts and the approval trail', async () => {
    const overbooked = await db.query(
      `SELECT t.name, d::date FROM placements p JOIN teams t ON t.id = p.team_id, generate_series(p.start_date, p.end_date, interval '1 day') d
        WHERE p.cancelled_at IS NULL GROUP BY t.id, t.name, t.capacity, d HAVING count(*) > t.capacity`,
    );
    expect(overbooked).toEqual([]);
    const inBlackout = await db.query(
      `SELECT r.id FROM rotation_requests r JOIN blackouts b ON (b.team_id IS NULL OR b.team_id = r.team_id)
          AND daterange(r.start_date, r.end_date, '[]') && daterange(b.starts_on, b.ends_on, '[]')`,
    );
    expect(inBlackout).toEqual([]);
    const trail: Array<{ status: string; steps: string }> = await db.query(
      `SELECT r.status, string_agg(a.step || ':' || a.decision, ',' ORDER BY a.at) AS steps
         FROM rotation_requests r LEFT JOIN request_approvals a ON a.request_id = r.id GROUP BY r.id, r.status`,
    );
    for (const r of trail.filter((t) => t.status === 'booked')) expect(r.steps).toBe('manager:approved,host:approved');
    const linked = await one<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM rotation_requests r JOIN placements p ON p.id = r.placement_id AND p.request_id = r.id WHERE r.status = 'booked'`,
    );
    // The 16 placements of the stories, and the 150 of the history.
    expect(linked.n).toBe(166);
    const cancelled = await one<{ reason: string; by: string; sequence: number }>(
      db,
      `SELECT p.cancelled_reason AS reason, u.email::text AS by, p.sequence FROM placements p JOIN users u ON u.id = p.cancelled_by WHERE p.cancelled_at IS NOT NULL`,
    );
    expect(cancelled).toMatchObject({ by: 'sam.manager@stint.local', sequence: 1 });
    expect(cancelled.reason.length).toBeGreaterThan(10);
  });

  it('books through the lifecycle in the same transaction, and files the check-ins already due', async () => {
    expect(CheckInsLifecycle.booked).toBe(16);
    expect(CheckInsLifecycle.effects).toBe(16);
    const totals = await one<{
      total: number;
      completed: number;
      overdue: number;
      future_completed: number;
      cancelled_open: number;
    }>(
      db,
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE c.completed_at IS NOT NULL)::int AS completed,
              count(*) FILTER (WHERE c.completed_at IS NULL AND c.cancelled_at IS NULL AND c.scheduled_at < $1::timestamptz - interval '48 hours')::int AS overdue,
              count(*) FILTER (WHERE c.completed_at > $1::timestamptz)::int AS future_completed,
              count(*) FILTER (WHERE p.cancelled_at IS NOT NULL AND c.cancelled_at IS NULL)::int AS cancelled_open
         FROM check_ins c JOIN placements p ON p.id = c.placement_id`,
      [now.toISOString()],
    );
    expect(totals.total).toBeGreaterThan(80);
    expect(totals.completed).toBeGreaterThan(30);
    // Two PM reflections left overdue on purpose, and Lena's pulse left for Maria to give.
    expect(totals.overdue).toBe(3);
    expect(totals.future_completed).toBe(0);
    expect(totals.cancelled_open).toBe(0);
    expect(outcomes.find((o) => o.seeded)?.summary).toContain(
      `${totals.total} check-ins (${totals.completed} completed, 3 overdue)`,
    );
    const pulse = await one<{ manager: string; completed: boolean }>(
      db,
      `SELECT lm.email::text AS manager, c.completed_at IS NOT NULL AS completed
         FROM check_ins c JOIN placements p ON p.id = c.placement_id JOIN users pm ON pm.id = p.pm_id JOIN users lm ON lm.id = pm.manager_id
        WHERE c.kind = 'pulse' AND pm.email = 'pm01@stint.local' AND p.end_date < $1::date`,
      [now.toISOString()],
    );
    expect(pulse).toEqual({ manager: 'maria.manager@stint.local', completed: false });

    // In the stories, the PM's own ratings never fall from one check-in to the next, and grow over a stint (the
    // history's are noisy on purpose, and a pulse is the line manager's view).
    const falls = await one<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM (
         SELECT rating_negotiation - lag(rating_negotiation) OVER w AS a, rating_closing - lag(rating_closing) OVER w AS b, rating_persistence - lag(rating_persistence) OVER w AS c
           FROM check_ins c JOIN placements p ON p.id = c.placement_id
          WHERE c.completed_at IS NOT NULL AND c.kind <> 'pulse' AND p.id = ANY($1::uuid[])
         WINDOW w AS (PARTITION BY c.placement_id ORDER BY c.scheduled_at)) s
        WHERE a < 0 OR b < 0 OR c < 0`,
      [CheckInsLifecycle.placementIds],
    );
    expect(falls.n).toBe(0);
    const growth = await one<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM (SELECT placement_id FROM check_ins WHERE completed_at IS NOT NULL GROUP BY placement_id
        HAVING max(rating_negotiation) - min(rating_negotiation) >= 2) s`,
    );
    expect(growth.n).toBeGreaterThan(0);
    const notes = await one<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM check_ins WHERE completed_at IS NOT NULL AND notes = ''`,
    );
    expect(notes.n).toBe(0);
  });

  it('tells its history in the audit log, each step by the person who took it and none in the future', async () => {
    const actions: { action: string; n: number }[] = await db.query(
      `SELECT action, count(*)::int AS n FROM audit_log GROUP BY action ORDER BY action`,
    );
    const count = new Map(actions.map((a) => [a.action, a.n]));
    const requests = await one<{ n: number }>(db, `SELECT count(*)::int AS n FROM rotation_requests`);
    expect(count.get('request.submitted')).toBe(requests.n);
    for (const action of ['request.released', 'request.booked', 'placement.booked', 'placement.cancelled'])
      expect(count.get(action)).toBeGreaterThan(0);
    for (const action of ['check_in.completed', 'check_in.pulse', 'check_in.assessed', 'check_in.feedback'])
      expect(count.get(action)).toBeGreaterThan(0);
    const total = actions.reduce((sum, a) => sum + a.n, 0);
    expect(outcomes.find((o) => o.seeded)?.summary).toContain(`; ${total} audit entries.`);

    const wrongActor = await one<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM audit_log a
         LEFT JOIN rotation_requests r ON r.id = a.entity_id
         LEFT JOIN users pm ON pm.id = r.pm_id
         LEFT JOIN teams t ON t.id = r.team_id
        WHERE (a.action = 'request.submitted' AND a.actor_id IS DISTINCT FROM r.pm_id)
           OR (a.action = 'request.released' AND a.actor_id IS DISTINCT FROM pm.manager_id)
           OR (a.action = 'request.booked' AND a.actor_id IS DISTINCT FROM t.manager_id)`,
    );
    expect(wrongActor.n).toBe(0);
    const range = await one<{ first: Date; last: Date }>(db, `SELECT min(at) AS first, max(at) AS last FROM audit_log`);
    expect(range.last.getTime()).toBeLessThanOrEqual(now.getTime());
    // Two years of history, not one burst at seeding time.
    expect(now.getTime() - range.first.getTime()).toBeGreaterThan(365 * 24 * 3600 * 1000);
  });
});

/** Effects that lay out nothing: the seed's own rows alone. */
const noEffects: PlacementEffects = {
  booked: async () => undefined,
  rescheduled: async () => undefined,
  cancelled: async () => undefined,
};

describe('DemoSeedService with effects that lay out nothing', () => {
  const url = databaseUrl('b');
  let app: TestingModule;
  let db: DataSource;

  beforeAll(async () => {
    await prepareDatabase(url);
    app = await boot(url, [Clock, { provide: PLACEMENT_EFFECTS, useValue: noEffects }]);
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
    await dropDatabase(url);
  });

  it('leaves a database alone where a demo email is taken, and seeds it once it is free', async () => {
    await db.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('PM05@stint.local', 'Someone else', 'admin', 'x')`,
    );
    const skipped = await app.get(DemoSeedService).seedIfEmpty();
    expect(skipped).toEqual({
      seeded: false,
      summary: 'Demo seed skipped: 1 demo user(s) already exist (PM05@stint.local).',
    });
    expect(await one(db, `SELECT count(*)::int AS n FROM users`)).toEqual({ n: 1 });

    await db.query(`DELETE FROM users`);
    const seeded = await app.get(DemoSeedService).seedIfEmpty();
    expect(seeded.seeded).toBe(true);
    // Only the history's check-ins, all filed: the stories' come from the effects, which lay out nothing here.
    expect(seeded.summary).toMatch(/; (\d+) check-ins \(\1 completed, 0 overdue\); \d+ audit entries\.$/);
    expect(
      await one(
        db,
        `SELECT count(*)::int AS n FROM rotation_requests WHERE status IN ('pending_manager', 'pending_host')`,
      ),
    ).toEqual({ n: 5 });
  });
});
