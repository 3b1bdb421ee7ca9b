// The results of `npm run bench:reminders`: stdout and a "bench:reminders…" section of docs/benchmarks.md.
import { fmt, machineMarkdown, table, textTable, writeSection } from '../lib.mjs';
import { DOWN_S, N, OFFSET_S, QUICK, SINK, WINDOW_S } from './config.mjs';

export function report(s) {
  const secs = (ms) => (ms === null || ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);
  const allDelivered = s.unique === s.expected;
  const header = ['measure', 'p50', 'p95', 'p99', 'max'];
  const row = (label, x) => [
    label,
    `${fmt(x.p50, 2)} s`,
    `${fmt(x.p95, 2)} s`,
    `${fmt(x.p99, 2)} s`,
    `${fmt(x.max, 2)} s`,
  ];
  const rows = [
    row('lateness per email (sink receive − due moment)', s.lateness),
    row('lateness per reminder (both emails received − due)', s.reminderLateness),
    row('  of which: reminder job run − due (notification created)', s.jobLag),
    row('  of which: notification created → received by the sink', s.sendLag),
  ];
  const reconcileMs = s.reconcile?.finishedOn ? s.reconcile.finishedOn - s.workerStarted : null;
  const facts = [
    [
      'SMTP sink',
      SINK === 'raw'
        ? 'bare in-process responder (BENCH_SINK=raw), greets at once'
        : 'smtp-server package (100 ms greeting delay, hard-coded)',
    ],
    ['reminders (check-ins due within one minute)', N.toLocaleString('en-US')],
    ['emails expected (PM + host manager each)', s.expected.toLocaleString('en-US')],
    [
      'notifications recorded (checkin_reminder)',
      `${s.notifications.toLocaleString('en-US')} (${Object.entries(s.statusCounts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}); check-ins with exactly 2: ${s.checkInsWithTwo.toLocaleString('en-US')}`,
    ],
    [
      'messages received by the sink',
      `${s.received.toLocaleString('en-US')} (${s.smtpConnections.toLocaleString('en-US')} SMTP connections; ${s.foreign} other than reminders)`,
    ],
    [
      'unique Message-IDs (reminders)',
      `${s.unique.toLocaleString('en-US')} — all delivered: ${allDelivered ? 'yes' : 'NO'}`,
    ],
    ['duplicates (same Message-ID twice)', `${s.duplicates} — none twice: ${s.duplicates === 0 ? 'yes' : 'NO'}`],
    ['worker start → start-up reconcile finished', secs(reconcileMs)],
    ['first due moment after the worker started', secs(s.firstDue - s.workerStarted)],
    [
      'delivery time: first due → last email received',
      secs(s.lastReceived === null ? null : s.lastReceived - s.firstDue),
    ],
    ['last due → last email received', secs(s.lastReceived === null ? null : s.lastReceived - s.lastDue)],
    [
      'throughput (first → last email received)',
      s.lastReceived && s.lastReceived > s.firstReceived
        ? `${fmt(s.unique / ((s.lastReceived - s.firstReceived) / 1000), 0)} emails/s`
        : '—',
    ],
    ['earliest email relative to its due moment', `${fmt(s.minLateness, 2)} s`],
    ['peak RSS (VmHWM): API / worker', `${fmt(s.rss.api)} MiB / ${fmt(s.rss.worker)} MiB`],
    ...(DOWN_S > 0
      ? [
          ['mail server unreachable (connections refused)', `the first ${DOWN_S} s after the worker started`],
          [
            'mail server back → last email received',
            secs(s.lastReceived === null || s.smtpBackAt === null ? null : s.lastReceived - s.smtpBackAt),
          ],
        ]
      : []),
    ...(s.apiLost
      ? [
          [
            'note',
            `the API process was stopped from outside this script ${((s.apiLost.at - s.firstDue) / 1000).toFixed(0)} s after the first due moment (${s.apiLost.signal ?? s.apiLost.code}); its peak RSS is the last sample`,
          ],
        ]
      : []),
  ];
  const target =
    DOWN_S > 0
      ? allDelivered && s.duplicates === 0 && s.smtpBackAt !== null && s.lastReceived - s.smtpBackAt <= 5 * 60_000
      : s.lateness.p99 !== null && s.lateness.p99 < 1 && allDelivered && s.duplicates === 0;
  const targetText =
    DOWN_S > 0
      ? 'Target (issue 10): after the outage, all delivered within 5 minutes of the mail server returning, none twice'
      : 'Target (issue 7): lateness p99 < 1 s, all delivered, none twice';
  console.log(`\nSummary: ${N.toLocaleString('en-US')} reminders due within ${WINDOW_S} s, one worker, SMTP sink\n`);
  console.log(textTable(['fact', 'value'], facts));
  console.log('');
  console.log(textTable(header, rows));
  console.log(`\n${targetText}: ${target ? 'met' : 'NOT met'}`);

  if (QUICK) {
    console.log('\nBENCH_QUICK=1: docs/benchmarks.md left unchanged.');
    return;
  }
  const envPrefix = `${SINK === 'raw' ? 'BENCH_SINK=raw ' : ''}${DOWN_S > 0 ? `BENCH_SMTP_DOWN_S=${DOWN_S} ` : ''}`;
  const md = `## Reminder pipeline (\`${envPrefix}npm run bench:reminders\`)${SINK === 'raw' ? ', with a sink that greets at once' : ''}${DOWN_S > 0 ? `, mail server down for the first ${DOWN_S} s` : ''}

${machineMarkdown(s.machineInfo, s.date)}
- Command: \`${envPrefix}npm run bench:reminders\` (= \`node tools/bench/reminders.mjs\`), after building api and worker.
- Set-up: the built API (migrates its own \`stint_bench_reminders\` database) and ONE built worker (\`LOG_LEVEL=warn\`, \`SMTP_URL\` = an in-process
  ${SINK === 'raw' ? 'minimal SMTP responder that greets at once' : '`smtp-server` sink (which waits 100 ms before its greeting)'} recording each message's Message-ID and receive time). ${N.toLocaleString('en-US')} PMs each hold one active placement with one open check-in at
  now + 24 h + ${OFFSET_S}…${OFFSET_S + WINDOW_S} s (evenly spread), inserted by SQL; so with the default 24 h lead all ${N.toLocaleString('en-US')} reminders fall due within one minute.
  The worker is started after the insert; its start-up reconciler schedules every open check-in's reminder and overdue jobs.
- Due moment = \`scheduledAt − reminderLeadHours\`; lateness = the sink's receive time − the due moment (same clock). Percentiles are exact (nearest rank).

${table(['fact', 'value'], facts)}

${table(header, rows)}

${targetText} — **${target ? 'met' : 'not met'}**.
`;
  const key =
    DOWN_S > 0 ? 'bench:reminders-smtp-down' : SINK === 'raw' ? 'bench:reminders-raw-sink' : 'bench:reminders';
  writeSection(key, md);
  console.log(`\nWritten to docs/benchmarks.md (section ${key}).`);
}
