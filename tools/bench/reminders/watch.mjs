// Watching the reminder burst arrive: unique Message-IDs, duplicates, queues and the start-up reconcile.
import { log, progress, sleep } from '../lib.mjs';
import { GIVE_UP_AFTER_MS, PREFIX, QUIET_AFTER_MS } from './config.mjs';

async function reconcileTiming(redis) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:maintenance:reconcile-start-*`, 'COUNT', 1000);
    for (const key of keys) {
      if ((await redis.type(key)) !== 'hash') continue;
      const [processedOn, finishedOn] = await redis.hmget(key, 'processedOn', 'finishedOn');
      if (processedOn) return { processedOn: Number(processedOn), finishedOn: finishedOn ? Number(finishedOn) : null };
    }
    cursor = next;
  } while (cursor !== '0');
  return null;
}

/**
 * Waits until `expected` unique emails have arrived (and then QUIET_AFTER_MS more, to catch duplicates), or gives
 * up GIVE_UP_AFTER_MS after the last due moment; reports progress as it goes. Returns how the API was lost, if it
 * was, and the start-up reconcile's timing.
 */
export async function awaitDeliveries({ worker, api, redis, received, expected, firstDue, lastDue }) {
  const ids = new Set();
  let seen = 0;
  let apiLost = null;
  let reconcile = null;
  let allAt = null;
  let lastPrint = 0;
  const giveUpAt = lastDue + GIVE_UP_AFTER_MS;
  while (true) {
    if (worker.exited) throw new Error(`the worker exited: ${JSON.stringify(worker.exited)}\n${worker.tail()}`);
    // The API plays no part once the rows are in; if something outside stops it, note it and go on.
    if (api.exited && !apiLost) {
      apiLost = api.exited;
      log(
        `note: the API process exited (${JSON.stringify(api.exited)}) — not started or stopped by this script; the worker carries on`,
      );
    }
    for (; seen < received.length; seen++) {
      const m = received[seen];
      if (m.messageId) ids.add(m.messageId);
    }
    if (!reconcile?.finishedOn) reconcile = await reconcileTiming(redis);
    const now = Date.now();
    if (allAt === null && ids.size >= expected) allAt = now;
    if (now - lastPrint >= (process.stdout.isTTY ? 1000 : 5000) || (allAt !== null && now - allAt >= QUIET_AFTER_MS)) {
      lastPrint = now;
      const [delayed, emailWaiting] = await Promise.all([
        redis.zcard(`${PREFIX}:reminders:delayed`),
        redis.llen(`${PREFIX}:email:wait`),
      ]);
      const phase =
        now < firstDue
          ? `first due in ${((firstDue - now) / 1000).toFixed(0)} s`
          : now < lastDue
            ? 'due window open'
            : `${((now - lastDue) / 1000).toFixed(0)} s after the last due`;
      progress(
        '  delivered',
        Math.min(ids.size, expected),
        expected,
        `unique; ${seen - ids.size} duplicate(s); delayed jobs ${delayed}; emails waiting ${emailWaiting}; reconcile ${reconcile?.finishedOn ? 'done' : reconcile ? 'running' : 'pending'}; ${phase}`,
      );
    }
    if (allAt !== null && now - allAt >= QUIET_AFTER_MS) break;
    if (now > giveUpAt) {
      log(`giving up: ${ids.size}/${expected} delivered ${GIVE_UP_AFTER_MS / 60000} min after the last due moment`);
      break;
    }
    await sleep(250);
  }
  return { apiLost, reconcile };
}
