#!/usr/bin/env node
// `npm run lint`, and the lint step of `npm test`: formatting (Prettier), copy-paste
// (jscpd, configured in .jscpd.json: fails above 0.5% duplicated lines), then ESLint
// in every project through Nx. Runs all three, then exits non-zero if any failed.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const checks = [
  ['format', ['npx', 'prettier', '--check', '.', '--log-level', 'warn'], 'run `npx prettier --write .` to fix'],
  [
    'copy-paste',
    ['npx', 'jscpd', '--config', '.jscpd.json'],
    'extract the repeated block into one function or component',
  ],
  ['eslint', ['npx', 'nx', 'run-many', '-t', 'lint', '--output-style=static'], 'see the ESLint messages above'],
];

let failed = 0;
for (const [name, [command, ...args], hint] of checks) {
  console.log(`--- lint/${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.log(`--- lint/${name} FAILED: ${hint}`);
  }
}
process.exit(failed ? 1 : 0);
