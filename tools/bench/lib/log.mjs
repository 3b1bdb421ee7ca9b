// Progress output of the benchmark scripts.

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const started = Date.now();
/** One progress line, prefixed with the seconds since the script started. */
export function log(message) {
  process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
}

/** A progress bar: redrawn in place on a terminal, one line per call otherwise. */
export function progress(label, done, total, extra = '') {
  const width = 30;
  const ratio = total ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}%`;
  const line = `${label} ${bar} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}${extra ? ` ${extra}` : ''}`;
  if (process.stdout.isTTY) {
    process.stdout.write(`\r${line}${done >= total ? '\n' : ''}`);
  } else {
    log(line);
  }
}
