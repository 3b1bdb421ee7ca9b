// Load for `npm run bench`: autocannon runs with every latency kept.
import autocannon from 'autocannon';
import { summarize } from '../lib.mjs';
import { BASE } from './config.mjs';

/**
 * One autocannon run; every response's latency is kept so p95 is exact (autocannon itself reports p90/p97.5).
 * With `onePathPerConnection`, each connection is given its path once, when it is set up, and sends only that:
 * a burst of distinct writes (autocannon may build a connection's request more than once, so a counter in
 * `pathFor` could send one path twice and another never).
 */
export async function cannon({
  title,
  method = 'GET',
  pathFor,
  onePathPerConnection = false,
  token,
  body,
  connections,
  duration,
  amount,
  onResponse,
}) {
  const latencies = [];
  const statuses = {};
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const instance = autocannon({
    url: BASE,
    title,
    connections,
    ...(amount ? { amount } : { duration }),
    timeout: 30,
    headers,
    requests: [
      {
        method,
        ...(body !== undefined && { body: JSON.stringify(body) }),
        ...(!onePathPerConnection && { setupRequest: (request) => ({ ...request, path: pathFor() }) }),
        ...(onResponse && { onResponse }),
      },
    ],
    ...(onePathPerConnection && {
      setupClient: (client) =>
        client.setRequests([
          {
            method,
            path: pathFor(),
            ...(body !== undefined && { body: JSON.stringify(body) }),
            ...(onResponse && { onResponse }),
          },
        ]),
    }),
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  const elapsedS = (result.duration ?? duration) || 1;
  return {
    ...summarize(latencies),
    latencies,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    rps: latencies.length / elapsedS,
  };
}

export function statusText(statuses) {
  return Object.entries(statuses)
    .map(([code, n]) => `${n}×${code}`)
    .join(', ');
}
