// Cleanup when a benchmark script is interrupted.
import { log } from './log.mjs';

const interruptHandlers = [];
let interrupted = false;
/** Cleanup to run when the script is interrupted (Ctrl-C, SIGTERM): children stopped, database dropped. */
export function onInterrupt(handler) {
  interruptHandlers.push(handler);
  if (interruptHandlers.length > 1) return;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
      if (interrupted) return;
      interrupted = true;
      log(`${signal}: cleaning up …`);
      for (const h of interruptHandlers) {
        try {
          await h();
        } catch (error) {
          log(`cleanup step failed: ${error instanceof Error ? error.message : error}`);
        }
      }
      process.exit(130);
    });
  }
}
