// The results of `npm run bench:screens`: a table on stdout and the "bench:screens" section of docs/benchmarks.md.
import { fmt, machineMarkdown, percentile, table, textTable, writeSection } from '../lib.mjs';
import { QUICK, TARGET_MS, VISITS } from './config.mjs';

const HEADER = [
  'screen',
  'path',
  'median ms',
  'max ms',
  '/api requests',
  'bytes received (median)',
  `target ≤ ${TARGET_MS} ms`,
];

/** The /api requests of the last visit, grouped: `GET /api/timeline ×1`. */
function requestsOf(visits) {
  const counts = {};
  for (const r of visits.at(-1).api) {
    const path = r.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
    counts[path] = (counts[path] ?? 0) + 1;
  }
  const list = Object.entries(counts).map(([r, n]) => `${r}${n > 1 ? ` ×${n}` : ''}`);
  return `${visits.at(-1).api.length}: ${list.join(', ')}`;
}

function rowsOf(results) {
  return results.map(({ screen, visits }) => {
    const median = percentile(
      visits.map((v) => v.ms),
      50,
    );
    return [
      screen.name,
      `\`${screen.path}\``,
      fmt(median, 0),
      fmt(Math.max(...visits.map((v) => v.ms)), 0),
      requestsOf(visits),
      `${fmt(
        percentile(
          visits.map((v) => v.bytes),
          50,
        ) / 1000,
        1,
      )} kB`,
      median <= TARGET_MS ? 'met' : 'NOT met',
    ];
  });
}

export function report({ machineInfo, date, counts, results, loginBytes, repeatBytes, who }) {
  const rows = rowsOf(results);
  console.log(`\n${textTable(HEADER, rows)}\n`);
  console.log(
    `  first load (sign-in, empty cache): ${fmt(loginBytes / 1000, 1)} kB; repeat load of /: ${fmt(repeatBytes / 1000, 1)} kB`,
  );
  if (QUICK) {
    console.log('\nBENCH_QUICK=1: docs/benchmarks.md left unchanged.');
    return;
  }
  const met = rows.filter((r) => r.at(-1) === 'met').length;
  const md = `## Screens in a real browser (\`npm run bench:screens\`)

${machineMarkdown(machineInfo, date)}
- Command: \`node tools/bench/screens.mjs\` (proposed as \`npm run bench:screens\`), after \`NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t build -p api worker dashboard\`
- Dataset: as \`npm run bench\` (${counts.placements.toLocaleString('en-US')} placements, ${counts.check_ins.toLocaleString('en-US')} check-ins, ${counts.teams} teams) in its own database; the built API serves the built dashboard.
- Chromium (\`/usr/bin/chromium\`, headless, ${'1280×800'}) via \`playwright-core\`, signed in through the login form as ${who} (hosts one team, line-manages 9 PMs).
- Each screen: one warm-up visit, then ${VISITS} measured visits, each a full navigation (\`page.goto\`) with the browser's cache warm.
  Time from navigation until the screen's heading is visible, no \`/api\` request is in flight (at least one was made) and no loading bar is shown, still so 50 ms later.
  Bytes: what Chromium received over the network during the visit (\`Network.loadingFinished\` encodedDataLength: headers and encoded bodies, API included).
- Targets met: **${met} of ${rows.length}**.

${table(HEADER, rows)}

- First load (the login page and sign-in, empty cache, everything Chromium fetched): ${fmt(loginBytes / 1000, 1)} kB on the wire.
- Repeat load of \`/\` afterwards (cache warm: index.html revalidated, hashed files from the cache; API calls included): ${fmt(repeatBytes / 1000, 1)} kB.
`;
  writeSection('bench:screens', md);
  console.log('\nWritten to docs/benchmarks.md (section bench:screens).');
}
