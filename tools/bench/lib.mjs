// Shared helpers for the benchmark scripts (plain ESM, no build step), one module per concern under lib/.
export { onInterrupt } from './lib/interrupt.mjs';
export { http, login } from './lib/http.mjs';
export { log, progress, sleep } from './lib/log.mjs';
export { API_MAIN, BENCH_DOC, ROOT, WORKER_MAIN } from './lib/paths.mjs';
export { Child, cpuDuring, requireBuild, runScript, waitForHealth } from './lib/processes.mjs';
export { fmt, machine, machineMarkdown, percentile, summarize, table, textTable, writeSection } from './lib/report.mjs';
export {
  clearRedisPrefix,
  connect,
  databaseUrl,
  dropDatabase,
  recreateDatabase,
  removeRunState,
} from './lib/stores.mjs';
