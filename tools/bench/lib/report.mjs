// Figures and where they are written: percentiles, the machine, tables, docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import Redis from 'ioredis';
import { BENCH_DOC } from './paths.mjs';

/** Exact percentile (nearest rank) of a list of numbers. */
export function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function summarize(values) {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length ? Math.max(...values) : null,
  };
}

export function fmt(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return Number(value).toFixed(digits);
}

/** The machine the figures come from. */
export async function machine(pgClient, redisUrl) {
  const cpu = cpus();
  const pgVersion = (await pgClient.query('SHOW server_version')).rows[0].server_version;
  let redisVersion = '?';
  const redis = new Redis(redisUrl, { lazyConnect: true });
  try {
    await redis.connect();
    redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? '?';
  } finally {
    redis.disconnect();
  }
  let os = `${platform()} ${release()}`;
  try {
    os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os;
  } catch {
    // keep platform/release
  }
  let loadavg = '';
  try {
    loadavg = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    // not Linux
  }
  return {
    cores: cpu.length,
    cpuModel: cpu[0]?.model?.trim() ?? '?',
    memoryGiB: totalmem() / 1024 ** 3,
    freeGiB: freemem() / 1024 ** 3,
    node: process.version,
    postgres: pgVersion,
    redis: redisVersion,
    os,
    loadavg,
    nproc: (() => {
      try {
        return execFileSync('nproc', { encoding: 'utf8' }).trim();
      } catch {
        return String(cpu.length);
      }
    })(),
  };
}

export function machineMarkdown(m, date) {
  return [
    `- Date: ${date.toISOString()}`,
    `- Machine: ${m.cores} cores (${m.cpuModel}; nproc ${m.nproc}), ${m.memoryGiB.toFixed(1)} GiB memory (${m.freeGiB.toFixed(1)} GiB free at start), ${m.os}`,
    `- Load average at start: ${m.loadavg || 'n/a'}`,
    `- Node ${m.node}, PostgreSQL ${m.postgres}, Redis ${m.redis}`,
  ].join('\n');
}

/** A Markdown table from a header row and data rows. */
export function table(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

/** The same table as aligned plain text, for the terminal. */
export function textTable(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

const HEADER = `# Benchmarks

Figures measured on the machine named in each section; they are noisy on a shared
machine, so each HTTP figure stands beside a bare \`GET /api/health\` measured in the
same run, and the ratio is the figure to compare between machines. Each section is
rewritten by the script that produces it:

- \`npm run bench\` (\`node tools/bench/run.mjs\`): HTTP endpoints at programme scale.
- \`npm run bench:reminders\` (\`node tools/bench/reminders.mjs\`): the reminder pipeline.

Both need the built API and worker (\`NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t build -p api worker\`),
a local PostgreSQL and Redis (\`BENCH_DATABASE_URL\`, any database URL on the server, and \`REDIS_URL\` override the defaults;
each script creates and drops its own database and Redis key prefix).
`;

/** Replaces (or appends) the section between `<!-- key:start -->` and `<!-- key:end -->` in docs/benchmarks.md. */
export function writeSection(key, markdown) {
  mkdirSync(dirname(BENCH_DOC), { recursive: true });
  let doc = existsSync(BENCH_DOC) ? readFileSync(BENCH_DOC, 'utf8') : HEADER;
  const start = `<!-- ${key}:start -->`;
  const end = `<!-- ${key}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from !== -1 && to > from) {
    doc = doc.slice(0, from) + block + doc.slice(to + end.length);
  } else if (from !== -1 || to !== -1) {
    // One marker without the other, or the two out of order (a hand edit): appending would leave two sections.
    const aside = join(tmpdir(), `benchmarks-${key.replace(/[^a-z0-9-]/gi, '-')}.md`);
    writeFileSync(aside, `${block}\n`);
    const wrong = from !== -1 && to !== -1 ? `${end} before ${start}` : `${from === -1 ? end : start} without its pair`;
    throw new Error(
      `docs/benchmarks.md has ${wrong}: mend the markers around the old "${key}" section, then replace that section with ${aside}, where this run's is kept.`,
    );
  } else {
    doc = `${doc.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(BENCH_DOC, doc);
}
