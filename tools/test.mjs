#!/usr/bin/env node
// `npm test`: lint (formatting, copy-paste, ESLint), type-check, unit tests, build, integration tests against the
// real PostgreSQL and Redis, the browser suite in Debian's Chromium, and the fault suite.
// Runs every step even after a failure, then exits non-zero if any failed.
// `--only=unit,integration` runs a subset.
import { spawnSync } from 'node:child_process';
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
];

const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const results = [];
for (const [name, [command, ...args]] of steps) {
  if (only && !only.includes(name)) continue;
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok: result.status === 0, seconds });
  console.log(`=== ${name}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
}

console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(12)} ${r.seconds} s`);
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
