#!/usr/bin/env node
// `npm test`: lint (formatting, copy-paste, ESLint), type-check, unit tests, build, integration tests against the
// real PostgreSQL and Redis, the browser suite in Debian's Chromium, and the fault suite.
// Runs every step even after a failure, then exits non-zero if any failed.
// `--only=unit,integration` runs a subset.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '0',
};
const nx = (...args) => ['npx', 'nx', ...args, '--output-style=static'];

const steps = [
  // Prettier, jscpd and ESLint (tools/lint.mjs).
  ['lint', ['node', 'tools/lint.mjs']],
  ['typecheck', ['node', 'tools/typecheck.mjs']],
  ['unit', nx('run-many', '-t', 'test')],
  ['build', nx('run-many', '-t', 'build', '-p', 'api', 'worker', 'dashboard')],
  ['bundle', ['node', 'tools/check-bundle.mjs']],
  ['integration', nx('run-many', '-t', 'integration')],
  ['e2e', ['npx', 'playwright', 'test', '-c', 'apps/dashboard-e2e/playwright.config.ts']],
  // Real processes killed and starved on purpose, in parallel (about 9 minutes, set by the 6-minute SMTP outage).
  ['faults', nx('run', 'api:faults')],
  // What times the API under attack (the login flood), alone, so the other fault suites' processes do not skew it.
  ['faults-quiet', nx('run', 'api:faults-quiet')],
];

const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
// CI keeps only the tail of the log, so the summary repeats what failed (with the error and the line that
// raised it) and which suites were slowest.
const failureLine =
  /^\s*(●(?! Console)|FAIL\s|✘|\d+\) \[chromium\]|Error: Timed out|Error: (?:locator|page|expect)\S*|Test timeout of|>\s*\d+\s*\||thrown: "Exceeded timeout|--- lint\/\S+ FAILED|.*error TS\d+)/;
const suiteLine = /^\s*(PASS|FAIL)\s+(?:\S+\s+)?(\S+\.[cm]?[tj]s)\s+\((\d+(?:\.\d+)?) s\)/;
const clean = (line) => line.replace(/\x1b\[[0-9;]*m/g, '');

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['inherit', 'pipe', 'pipe'] });
    const failures = [];
    const suites = [];
    const scan = (stream, out) => {
      let rest = '';
      stream.on('data', (chunk) => {
        out.write(chunk);
        const lines = (rest + chunk.toString('utf8')).split('\n');
        rest = lines.pop() ?? '';
        for (const raw of lines) {
          const line = clean(raw);
          if (failureLine.test(line) && !failures.includes(line.trim())) failures.push(line.trim());
          const suite = suiteLine.exec(line);
          if (suite) suites.push({ file: suite[2], seconds: Number(suite[3]) });
        }
      });
    };
    scan(child.stdout, process.stdout);
    scan(child.stderr, process.stderr);
    child.on('close', (status) => resolve({ status, failures, suites }));
  });
}

const results = [];
for (const [name, [command, ...args]] of steps) {
  if (only && !only.includes(name)) continue;
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const { status, failures, suites } = await run(command, args);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const slowest = suites.sort((a, b) => b.seconds - a.seconds).slice(0, 3);
  results.push({ name, ok: status === 0, seconds, failures, slowest });
  console.log(`=== ${name}: ${status === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
}

console.log('\nSummary');
for (const r of results) {
  const slow = r.slowest.map((s) => `${s.file.split('/').pop()} ${s.seconds} s`).join(', ');
  console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(12)} ${r.seconds} s${slow ? `   slowest: ${slow}` : ''}`);
  if (!r.ok) for (const f of r.failures.slice(0, 40)) console.log(`         ${f}`);
}
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
