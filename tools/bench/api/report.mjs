// The results of `npm run bench`: tables on stdout and the "bench:api" section of docs/benchmarks.md.
import { fmt, machineMarkdown, table, textTable, writeSection } from '../lib.mjs';
import {
  CONNECTIONS,
  DURATION,
  PARTIAL,
  PER_ROUND,
  PORT,
  QUICK,
  ROUND_CAPACITY,
  ROUNDS,
  SERIAL_APPROVALS,
  WARM_UP,
} from './config.mjs';
import { kB } from './transfer.mjs';

const ENDPOINT_HEADER = [
  'endpoint',
  'first ms',
  'n',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'req/s',
  'health p50 ms',
  'p50 / health p50',
  'target',
];

const verdict = (row) => (row.target ? `${row.target}: ${row.check(row.result, row.health) ? 'met' : 'NOT met'}` : '—');

function endpointRows(rows) {
  return rows.map((row) => [
    row.label,
    row.firstMs === undefined ? '—' : String(row.firstMs),
    String(row.result.n),
    fmt(row.result.p50),
    fmt(row.result.p95),
    fmt(row.result.p99),
    row.result.rps === null ? '—' : fmt(row.result.rps, 0),
    fmt(row.health.p50),
    `${fmt(row.result.p50 / row.health.p50, 1)}×`,
    verdict(row),
  ]);
}

const TRANSFER_HEADER = ['what', 'files', 'on the wire', 'uncompressed', 'note'];

function transferRows({ first, repeat, firstWire, firstRaw, repeatWire, json }) {
  const revalidated = repeat.filter((f) => f.status !== 'cached');
  const encodings = [...new Set(first.map((f) => f.encoding))].join(', ');
  return [
    [
      'dashboard, first load (index.html + every file it names)',
      String(first.length),
      kB(firstWire),
      kB(firstRaw),
      `content-encoding: ${encodings}`,
    ],
    [
      'dashboard, repeat load',
      String(revalidated.length),
      kB(repeatWire),
      '—',
      `${repeat.length - revalidated.length} files fresh in cache (not asked); asked again: ${revalidated.map((f) => `${f.path} → ${f.status}`).join(', ') || 'none'}`,
    ],
    [
      `JSON: GET ${json.path} (admin)`,
      '1',
      kB(json.wireBytes),
      kB(json.rawBytes),
      `content-encoding: ${json.encoding}`,
    ],
  ];
}

const TICK_HEADER = ['tick', 'duration ms', 'open check-ins read', 'jobs owed', 'jobs added'];

const tickRows = (ticks) =>
  ticks.map((t) => [t.which, String(t.ms), String(t.open ?? '—'), String(t.owed ?? '—'), String(t.added ?? '—')]);

function printSummary({ rows, rss, probes, transfer, ticks, counts, seedSeconds, vacuumSeconds }) {
  console.log(
    `\nSummary (${CONNECTIONS} connections, ${DURATION} s per measurement; health measured just before each endpoint with the same load)\n`,
  );
  console.log(textTable(ENDPOINT_HEADER, endpointRows(rows)));
  for (const row of rows) if (row.note) console.log(`  ${row.key}: ${row.note}`);
  if (transfer) console.log(`\n${textTable(TRANSFER_HEADER, transferRows(transfer))}`);
  if (ticks.length) console.log(`\n${textTable(TICK_HEADER, tickRows(ticks))}\n`);
  console.log(`  peak RSS: API ${fmt(rss.api)} MiB, worker ${fmt(rss.worker)} MiB`);
  for (const p of probes) console.log(`  not measured: ${p.what} → ${p.status} ${p.code} (${p.ms} ms)`);
  console.log(
    `  seeding: ${fmt(seedSeconds)} s (+ VACUUM ANALYZE ${fmt(vacuumSeconds)} s) for ${counts.placements.toLocaleString('en-US')} placements and ${counts.check_ins.toLocaleString('en-US')} check-ins`,
  );
}

export function report(summary) {
  printSummary(summary);
  if (QUICK || PARTIAL) {
    console.log(`\n${QUICK ? 'BENCH_QUICK=1' : 'BENCH_ONLY'}: docs/benchmarks.md left unchanged.`);
    return;
  }
  const { machineInfo, date, counts, seedSeconds, vacuumSeconds, rows, rss, roundOutcomes, probes, transfer, ticks } =
    summary;
  const met = rows.filter((r) => r.target && r.check(r.result, r.health)).length;
  const targeted = rows.filter((r) => r.target).length;
  const md = `## API endpoints at programme scale (\`npm run bench\`)

${machineMarkdown(machineInfo, date)}
- Command: \`${DURATION === 10 ? '' : `BENCH_DURATION=${DURATION} `}npm run bench\` (= \`node tools/bench/run.mjs\`), after \`NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t build -p api worker dashboard\`
- Dataset, bulk-inserted with \`generate_series\` after the API migrated its own \`stint_bench\` database:
  ${counts.teams} teams, ${counts.users.toLocaleString('en-US')} users, ${counts.placements.toLocaleString('en-US')} placements (8 weeks each, none overlapping per PM, ≤ capacity per team),
  ${counts.check_ins.toLocaleString('en-US')} check-ins, ${counts.requests.toLocaleString('en-US')} rotation requests, ${counts.approvals.toLocaleString('en-US')} approvals; ${counts.size} on disk.
  Seeding took ${fmt(seedSeconds)} s, then VACUUM ANALYZE ${fmt(vacuumSeconds)} s.
- Roles: the admin; \`manager0@bench.stint\` (hosts one team, line-manages 9 PMs); \`pm5@bench.stint\` (a PM; slot search is run as this PM).
  Paged lists ask for a random page among those the role can see (from the first page's total).
- Load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per measurement after a ${WARM_UP} s warm-up; the built API as a child process (\`PORT=${PORT}\`, \`LOG_LEVEL=warn\`), serving the built dashboard.
  Each endpoint's \`GET /api/health\` was measured just before it with the same load; the ratio of the p50s is the figure that holds on a noisy machine.
  Approvals: ${ROUNDS} rounds (after one warm-up round) of ${PER_ROUND} simultaneous host approvals (one connection each, each sent once, with \`step: "host"\`: the host is also one PM's line manager) of \`pending_host\` requests for the same fortnight
  into a fresh capacity-${ROUND_CAPACITY} team; their health figure is ${ROUNDS} bursts of ${PER_ROUND} simultaneous \`GET /api/health\`.
  The uncontended approval is ${SERIAL_APPROVALS} approvals one at a time (each a PM of its own), beside ${SERIAL_APPROVALS} health checks one at a time.
  Percentiles are exact (nearest rank over every response).
  "first ms" is the list's first request for that role, made before any load (the probe, page 1): nothing was cached for it, so
  it is what the first reader after a write waits. Under load the same answer is served from the figures cache until the next write
  (README, "Figures are kept per process between writes"); the bench writes nothing while it reads.
- Targets met: **${met} of ${targeted}**.

${table(ENDPOINT_HEADER, endpointRows(rows))}

${rows
  .filter((row) => row.note)
  .map((row) => `- ${row.key}: ${row.note}`)
  .join('\n')}
- Contention rounds: ${roundOutcomes
    .slice(1)
    .map((o) => `${o.statuses['200'] ?? 0}/${o.statuses['409'] ?? 0}`)
    .join(
      ', ',
    )} (200/409 per round); live placements per contention team afterwards: ${[...new Set(roundOutcomes.map((o) => o.live))].join(', ')}.
${probes.map((p) => `- Not measured: ${p.what} → ${p.status}${p.code ? ` ${p.code}` : ''} (the role may not ask).`).join('\n')}

### Bytes on the wire

Body bytes as received, asked with \`Accept-Encoding: gzip, deflate, br, zstd\` as Chromium does (uncompressed: the same request with \`identity\`).
The repeat load asks only for what a browser must revalidate given each file's \`Cache-Control\` (with its \`ETag\`/\`Last-Modified\`);
files with \`max-age\` and without \`no-cache\` are taken from the cache, 0 bytes. Files the dashboard loads later (lazy chunks, fonts) are
not named by index.html and are not counted here; \`npm run bench:screens\` counts what Chromium actually transfers.

${table(TRANSFER_HEADER, transferRows(transfer))}

### Reconciler

The built worker (\`dist/apps/worker\`) against the same database with an empty queue prefix: its first reconcile job at start (every owed job due within the 48-hour horizon is missing and added; later ones wait in PostgreSQL),
then, with nothing changed, a tick of changes (the 10-minute scheduler's: open check-ins written since the previous tick, and those whose moments came within the horizon since) and a full tick (the hourly scheduler's). Duration: BullMQ's \`finishedOn − processedOn\` of each reconcile job (the whole tick, offer-lapse sweep included);
counts from the tick's log line.

${table(TICK_HEADER, tickRows(ticks))}

- Peak RSS (VmHWM) over the run: API ${fmt(rss.api)} MiB, worker ${fmt(rss.worker)} MiB.
`;
  writeSection('bench:api', md);
  console.log('\nWritten to docs/benchmarks.md (section bench:api).');
}
