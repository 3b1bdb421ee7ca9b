// The results of `npm run bench`: a table on stdout and the "bench:api" section of docs/benchmarks.md.
import { fmt, machineMarkdown, table, textTable, writeSection } from '../lib.mjs';
import { CONNECTIONS, DURATION, PER_ROUND, PORT, QUICK, ROUND_CAPACITY, ROUNDS } from './config.mjs';

export function report({ machineInfo, date, counts, seedSeconds, vacuumSeconds, rows, rss, roundOutcomes, probes }) {
  const header = [
    'endpoint',
    'n',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'req/s',
    'health p50 ms',
    'p50 / health p50',
    'target',
  ];
  const body = rows.map((row) => [
    row.label,
    String(row.result.n),
    fmt(row.result.p50),
    fmt(row.result.p95),
    fmt(row.result.p99),
    row.result.rps === null ? '—' : fmt(row.result.rps, 0),
    fmt(row.health.p50),
    `${fmt(row.result.p50 / row.health.p50, 1)}×`,
    row.target ? `${row.target}: ${row.check(row.result, row.health) ? 'met' : 'NOT met'}` : '—',
  ]);
  console.log(
    `\nSummary (${CONNECTIONS} connections, ${DURATION} s per measurement; health measured just before each endpoint with the same load)\n`,
  );
  console.log(textTable(header, body));
  for (const row of rows) if (row.note) console.log(`  ${row.key}: ${row.note}`);
  console.log(`  peak RSS of the API: ${fmt(rss.api)} MiB`);
  for (const p of probes)
    console.log(`  probe: ${p.what} → ${p.status} ${p.code} (${p.ms} ms)${p.status === 200 ? '' : '  << NOT 200'}`);
  console.log(
    `  seeding: ${fmt(seedSeconds)} s (+ VACUUM ANALYZE ${fmt(vacuumSeconds)} s) for ${counts.placements.toLocaleString('en-US')} placements and ${counts.check_ins.toLocaleString('en-US')} check-ins`,
  );

  if (QUICK) {
    console.log('\nBENCH_QUICK=1: docs/benchmarks.md left unchanged.');
    return;
  }
  const md = `## API endpoints at programme scale (\`npm run bench\`)

${machineMarkdown(machineInfo, date)}
- Command: \`npm run bench\` (= \`node tools/bench/run.mjs\`), after \`NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t build -p api worker\`
- Dataset, bulk-inserted with \`generate_series\` after the API migrated its own \`stint_bench\` database:
  ${counts.teams} teams, ${counts.users.toLocaleString('en-US')} users, ${counts.placements.toLocaleString('en-US')} placements (8 weeks each, none overlapping per PM, ≤ capacity per team),
  ${counts.check_ins.toLocaleString('en-US')} check-ins, ${counts.requests.toLocaleString('en-US')} rotation requests, ${counts.approvals.toLocaleString('en-US')} approvals; ${counts.size} on disk.
  Seeding took ${fmt(seedSeconds)} s, then VACUUM ANALYZE ${fmt(vacuumSeconds)} s.
- Load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per measurement after a 2 s warm-up; the built API as a child process (\`PORT=${PORT}\`, \`LOG_LEVEL=warn\`).
  Each endpoint's \`GET /api/health\` was measured just before it with the same load; the ratio of the p50s is the figure that holds on a noisy machine.
  Approvals: ${ROUNDS} rounds (after one warm-up round) of ${PER_ROUND} simultaneous host approvals (one connection each) of \`pending_host\` requests for the same fortnight
  into a fresh capacity-${ROUND_CAPACITY} team; their health figure is ${ROUNDS} bursts of ${PER_ROUND} simultaneous \`GET /api/health\`.
  Percentiles are exact (nearest rank over every response).

${table(header, body)}

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
- Peak RSS (VmHWM) of the API process over the whole run: ${fmt(rss.api)} MiB.
${probes.map((p) => `- Probe: ${p.what} → ${p.status}${p.code ? ` ${p.code}` : ''} (${p.ms} ms)${p.status === 200 ? '' : ' — a defect, reported; the overview is therefore measured as a manager.'}`).join('\n')}
`;
  writeSection('bench:api', md);
  console.log('\nWritten to docs/benchmarks.md (section bench:api).');
}
