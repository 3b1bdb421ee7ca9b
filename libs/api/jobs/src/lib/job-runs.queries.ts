import type { PageWindow } from '@stint/api-core';
import type { JobRun, JobRunOutcome } from '@stint/contracts';
import type { EntityManager } from 'typeorm';
import type { JobRunEntry, JobRunKind } from './job-ledger';

/** Anything that runs SQL: an entity manager (in a transaction or not) or a data source. */
type Sql = Pick<EntityManager, 'query'>;

interface JobRunRow {
  kind: JobRunKind;
  subject_id: string;
  subject_at: Date;
  step: number;
  due_at: Date;
  ran_at: Date;
  outcome: JobRunOutcome;
  reason: string | null;
}

/**
 * The once-only gate: inserts the run in the caller's transaction and returns
 * false when the occasion was already handled, so a repeated or re-created job
 * never sends twice.
 */
export async function recordRun(m: Sql, run: JobRunEntry): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `INSERT INTO job_runs (kind, subject_id, subject_at, step, due_at, ran_at, outcome, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [
      run.kind,
      run.subjectId,
      run.subjectAt.toISOString(),
      run.step ?? 0,
      run.dueAt.toISOString(),
      run.ranAt.toISOString(),
      run.outcome,
      run.reason ?? null,
    ],
  );
  return rows.length > 0;
}

/** One page of the ledger, newest first, and how many runs match in all. */
export async function jobRunsPage(
  m: Sql,
  filter: { outcome?: JobRunOutcome; kind?: JobRunKind },
  window: PageWindow,
): Promise<[JobRun[], number]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.outcome) where.push(`outcome = $${params.push(filter.outcome)}`);
  if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`);
  const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [rows, count] = await Promise.all([
    m.query(
      `SELECT * FROM job_runs ${condition} ORDER BY ran_at DESC, subject_id LIMIT ${window.pageSize} OFFSET ${window.offset}`,
      params,
    ) as Promise<JobRunRow[]>,
    m.query(`SELECT count(*)::int AS n FROM job_runs ${condition}`, params) as Promise<Array<{ n: number }>>,
  ]);
  return [rows.map(toJobRun), count[0]?.n ?? 0];
}

function toJobRun(row: JobRunRow): JobRun {
  const dueAt = new Date(row.due_at);
  const ranAt = new Date(row.ran_at);
  return {
    key: `${row.kind}:${row.subject_id}:${new Date(row.subject_at).getTime()}${row.step ? `:${row.step}` : ''}`,
    kind: row.kind,
    subjectId: row.subject_id,
    dueAt: dueAt.toISOString(),
    ranAt: ranAt.toISOString(),
    outcome: row.outcome,
    reason: row.reason,
    latenessMs: ranAt.getTime() - dueAt.getTime(),
  };
}
