// The logger of the terminal commands: warnings and errors only (the chat owns stdout), and a bad
// CREDIT_BOT_LOG_LEVEL is a usage error (exit 2) like any other bad setting.
import { pino } from 'pino';
import { createLogger, type Logger } from '../dialogs/log.ts';
import { UsageError } from './usage-error.ts';

export function cliLogger(file?: string): Logger {
  try {
    // The chat logs to a file in the data directory, so JSON lines never land between chat messages.
    const destination = file ? fileOrStderr(file) : undefined;
    return createLogger({ level: process.env.CREDIT_BOT_LOG_LEVEL ?? 'warn', destination });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** An unwritable data directory must not stop the chat: its log then goes to stderr. */
function fileOrStderr(file: string): pino.DestinationStream | undefined {
  try {
    return pino.destination({ dest: file, mkdir: true, sync: true });
  } catch {
    return undefined;
  }
}
