// Where the benchmark scripts find the built apps and the benchmark document.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const API_MAIN = join(ROOT, 'dist', 'apps', 'api', 'main.js');
export const WORKER_MAIN = join(ROOT, 'dist', 'apps', 'worker', 'main.js');
export const BENCH_DOC = join(ROOT, 'docs', 'benchmarks.md');
