import { pino, type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Structured logs on stderr, so stdout stays for the start-up banner. */
export function createLogger(level: string): Logger {
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`--log-level: expected one of ${LOG_LEVELS.join(', ')}`);
  }
  return pino({ level, base: undefined }, pino.destination(2));
}
