#!/usr/bin/env node
// Fails when the dashboard's initial JavaScript (what index.html loads before
// any lazy route) exceeds 300 kB gzipped. Angular's budgets measure raw
// bytes only, so this checks the figure users actually download.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = join(process.cwd(), 'dist', 'apps', 'dashboard', 'browser');
const LIMIT = 300 * 1024;
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const files = [...new Set([...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]))];
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} kB  ${file}`);
}
console.log(`${(total / 1024).toFixed(1).padStart(7)} kB  initial JavaScript, gzipped (limit ${LIMIT / 1024} kB)`);
if (total > LIMIT) {
  console.error('The initial bundle is over budget: move code behind a lazy route.');
  process.exit(1);
}
