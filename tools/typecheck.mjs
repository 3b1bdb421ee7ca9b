#!/usr/bin/env node
// Type-checks every project's app, lib and spec tsconfig with `tsc --noEmit`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const configs = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (
      /^tsconfig\.(app|lib|spec|e2e)\.json$/.test(name) ||
      (name === 'tsconfig.json' && dir.endsWith('dashboard-e2e'))
    )
      configs.push(path);
  }
}
for (const top of ['apps', 'libs']) if (existsSync(join(root, top))) walk(join(root, top));

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
let failed = 0;
for (const config of configs) {
  // Angular spec configs are CommonJS for Jest; type-check them with the resolution Angular's packages need.
  const angularSpec = /dashboard/.test(config) && config.endsWith('tsconfig.spec.json');
  const extra = angularSpec
    ? ['--module', 'preserve', '--moduleResolution', 'bundler', '--lib', 'es2022,dom,dom.iterable']
    : [];
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', config, ...extra], {
    cwd: root,
    encoding: 'utf8',
  });
  const name = relative(root, config);
  if (result.status === 0) console.log(`typecheck ok   ${name}`);
  else {
    failed++;
    console.log(`typecheck FAIL ${name}\n${result.stdout}${result.stderr}`);
  }
}
console.log(`typecheck: ${configs.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
