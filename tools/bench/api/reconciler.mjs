// The reconciler's tick at programme scale: the built worker against the bench database. Its first tick
// (queued by the worker at start, Redis empty: every owed job due within the 48-hour horizon is added), then, with nothing changed, a tick of
// changes (the 10-minute scheduler's: only what was written since the previous tick) and a full one (the hourly
// scheduler's). Timed by BullMQ's own processedOn and finishedOn of each reconcile job; the counts are read from
// the job's log line.
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Child, log, sleep, WORKER_MAIN } from '../lib.mjs';
import { PREFIX, REDIS_URL } from './config.mjs';

const TICK_TIMEOUT_MS = 10 * 60_000;
const SUMMARY =
  /Reconciled Redis with PostgreSQL \((\w+)\): (\d+) open check-ins .*? owe (\d+) jobs, (\d+) of them added/;

/** Starts the worker; returns it with the reconcile summaries it logs, in order. */
export function startWorker(env) {
  const worker = new Child('worker', WORKER_MAIN, { ...env, LOG_LEVEL: 'info' });
  worker.summaries = [];
  let pending = '';
  const scan = (chunk) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop();
    for (const line of lines) {
      const m = SUMMARY.exec(line);
      if (m) worker.summaries.push({ scope: m[1], open: Number(m[2]), owed: Number(m[3]), added: Number(m[4]) });
    }
  };
  worker.process.stdout.on('data', scan);
  worker.process.stderr.on('data', scan);
  return worker;
}

/** Waits for a finished reconcile job whose id matches; returns its timing from BullMQ. */
async function finishedTick(queue, worker, matches) {
  const deadline = Date.now() + TICK_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (worker.exited) throw new Error(`worker exited (${JSON.stringify(worker.exited)}):\n${worker.tail()}`);
    const jobs = await queue.getJobs(['completed', 'failed']);
    const job = jobs.find((j) => j.name === 'reconcile' && matches(j.id));
    if (job) {
      if (job.failedReason) throw new Error(`reconcile ${job.id} failed: ${job.failedReason}`);
      return { id: job.id, ms: job.finishedOn - job.processedOn, waitedMs: job.processedOn - job.timestamp };
    }
    await sleep(500);
  }
  throw new Error(`no reconcile job finished within ${TICK_TIMEOUT_MS / 1000} s:\n${worker.tail()}`);
}

/** The reconcile job that ran first, with its timing from BullMQ. */
async function firstFinished(queue) {
  const jobs = (await queue.getJobs(['completed'])).filter((j) => j.name === 'reconcile');
  const job = jobs.sort((a, b) => a.processedOn - b.processedOn)[0];
  return { id: job.id, ms: job.finishedOn - job.processedOn, waitedMs: job.processedOn - job.timestamp };
}

/** The summary line logged for the n-th tick (the log is written just before the job finishes). */
async function summaryOf(worker, n) {
  for (let i = 0; i < 20 && worker.summaries.length < n; i++) await sleep(250);
  return worker.summaries[n - 1] ?? null;
}

/** Runs two ticks with the worker; returns [{ which, ms, added, owed, open }]. */
export async function measureReconciler(worker) {
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue('maintenance', { connection, prefix: PREFIX });
  try {
    // At start the worker runs two full ticks: the 10-minute scheduler's first job (a process's first tick is full)
    // and the start-up reconcile. The first to run finds Redis empty; it is the one reported.
    log('reconciler: waiting for the worker’s first ticks (empty Redis: every owed job within 48 hours is added) …');
    await finishedTick(queue, worker, (id) => id.startsWith('reconcile-start-'));
    const first = await firstFinished(queue);
    const firstSummary = await summaryOf(worker, 1);
    log(`  first tick ${first.ms} ms, ${JSON.stringify(firstSummary)}`);
    log('reconciler: a tick of changes (the 10-minute one) with nothing changed …');
    await queue.add('reconcile', { scope: 'changes' }, { jobId: 'bench-reconcile-changes' });
    const seen = worker.summaries.length;
    const second = await finishedTick(queue, worker, (id) => id === 'bench-reconcile-changes');
    const secondSummary = await summaryOf(worker, seen + 1);
    log(`  tick of changes ${second.ms} ms, ${JSON.stringify(secondSummary)}`);
    log('reconciler: a full tick (the hourly one) with nothing changed …');
    await queue.add('reconcile', { scope: 'full' }, { jobId: 'bench-reconcile-full' });
    const third = await finishedTick(queue, worker, (id) => id === 'bench-reconcile-full');
    const thirdSummary = await summaryOf(worker, seen + 2);
    log(`  full tick ${third.ms} ms, ${JSON.stringify(thirdSummary)}`);
    return [
      { which: 'first, full (empty Redis)', ...first, ...firstSummary },
      { which: 'changes (10-minute; nothing changed)', ...second, ...secondSummary },
      { which: 'full (hourly; nothing changed)', ...third, ...thirdSummary },
    ];
  } finally {
    await queue.close();
    connection.disconnect();
  }
}
