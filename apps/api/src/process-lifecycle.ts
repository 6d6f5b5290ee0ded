import { EmbeddedPostgresError } from '@taawoun/core';
import type { Logger } from 'pino';

/**
 * Closes a running server once, on SIGINT or SIGTERM (the app, then the embedded database it
 * started), and exits 0, or 1 when closing fails.
 */
export function closeOnSignals(running: { close(): Promise<void>; logger: Logger }): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    running.logger.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        running.logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => shutdown(signal));
}

/** The last word of a process that could not start. */
export function exitOnStartFailure(name: string): (error: unknown) => never {
  return (error) => {
    process.stderr.write(`${name} failed to start: ${startFailureText(error)}\n`);
    process.exit(1);
  };
}

/**
 * What to print of a start failure: the one-line message of an expected one (the embedded
 * PostgreSQL says what to do), the stack of anything else.
 */
export function startFailureText(error: unknown): string {
  if (error instanceof EmbeddedPostgresError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
