import path from 'node:path';
import { pino, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';

export type { Logger } from 'pino';

/** Where log lines go: stdout, stderr, or a test's capture. */
export interface LogSink {
  write(line: string): unknown;
  /** Called by {@link flushLogger}; sinks that write synchronously need not have it. */
  flushSync?(): void;
}

export interface LoggerOptions {
  /** A pino level name (`info`, `debug`, …) or `silent`. */
  readonly level: string;
  /** Human-readable lines (pino-pretty) instead of JSON; for a terminal, never for a log shipper. */
  readonly pretty: boolean;
  /** The bot token: any string containing it is scrubbed from every line before it is written. */
  readonly token?: string | undefined;
  /** Default: stdout, written synchronously so nothing is lost on exit. */
  readonly destination?: LogSink;
}

/** What replaces secrets in the output. */
export const REDACTED = '[REDACTED]';

/**
 * Field paths that carry credentials in the objects we (or discord.js) log. Paths only catch the
 * places we know of; {@link scrubbingSink} catches the token wherever else it turns up.
 */
const REDACT_PATHS = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'config.discordToken',
  'discordToken',
];

/**
 * Decides whether logs should be pretty: only for a person at a terminal.
 *
 * @param stream the stream the logs go to (stdout for the bot, stderr for the console).
 */
export function wantsPrettyLogs(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): boolean {
  return stream.isTTY === true && env.NODE_ENV !== 'production';
}

/**
 * Where the logs go: a file descriptor (1 stdout, 2 stderr) or a file. See {@link chooseLogTarget}.
 */
export type LogTarget = { readonly kind: 'fd'; readonly fd: 1 | 2 } | { readonly kind: 'file'; readonly path: string };

/** The console's log file when stderr is a terminal: in the temp folder, appended to. */
export const CONSOLE_LOG_FILE = 'casebot-console.log';

/**
 * Where logs go, so they never mix with what a person reads.
 *
 * - The bot: stdout (a service's log stream).
 * - The console: its stdout carries the replies, so logs go to stderr — unless stderr is a terminal.
 *   Then it is the very screen the replies are read on, where a log line ("facts reloaded …") would
 *   land between a command and its reply, or in the prompt: the logs go to
 *   `<tmpdir>/casebot-console.log` instead, and the console names that file in its banner.
 *
 * @example
 * chooseLogTarget('console', process.stderr, os.tmpdir()) // at a terminal: { kind: 'file', path: '/tmp/casebot-console.log' }
 */
export function chooseLogTarget(mode: 'bot' | 'console', stderr: { isTTY?: boolean }, tmpdir: string): LogTarget {
  if (mode === 'bot') return { kind: 'fd', fd: 1 };
  return stderr.isTTY === true ? { kind: 'file', path: path.join(tmpdir, CONSOLE_LOG_FILE) } : { kind: 'fd', fd: 2 };
}

/** A synchronous sink for a {@link LogTarget} (nothing is lost when the process exits). */
export function openLogTarget(target: LogTarget): LogSink {
  return target.kind === 'fd'
    ? pino.destination({ fd: target.fd, sync: true })
    : pino.destination({ dest: target.path, sync: true, append: true, mkdir: true });
}

/**
 * Interaction tokens sit in the REST paths discord.js reports in errors
 * (`/interactions/{id}/{token}/callback`, `/webhooks/{app}/{token}/…`); whoever holds one can post
 * in that channel for 15 minutes, so they are secrets too.
 */
const INTERACTION_TOKEN_IN_PATH = /(\/(?:interactions|webhooks)\/\d+\/)[^/?#\s"']+/g;

/** Replaces interaction and webhook tokens in REST paths with {@link REDACTED}. */
export function scrubInteractionTokens(text: string): string {
  return text.replace(INTERACTION_TOKEN_IN_PATH, `$1${REDACTED}`);
}

/**
 * Wraps a sink so no written line contains the token. This works on the serialised line rather
 * than on objects because discord.js errors and debug messages can carry the token in places no
 * redact path names (a request URL, a nested `cause`, a message string).
 */
function scrubbingSink(
  sink: LogSink,
  token: string | undefined,
  pretty: ((line: string) => string) | null,
): { write(line: string): void; flush(done: (err?: Error) => void): void } {
  // A token is long and random; a short one would scrub innocent text, so it is not treated as a secret.
  const secret = token !== undefined && token.length >= 8 ? token : null;
  return {
    write(line: string) {
      const clean = scrubInteractionTokens(secret === null ? line : line.split(secret).join(REDACTED));
      sink.write(pretty === null ? clean : pretty(clean));
    },
    // pino's logger.flush() calls this.
    flush(done) {
      try {
        sink.flushSync?.();
        done();
      } catch (error) {
        done(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}

/**
 * Creates the application's logger.
 *
 * @example
 * const log = createLogger({ level: 'info', pretty: wantsPrettyLogs(process.stdout), token });
 * log.info({ facts: 42 }, 'facts loaded');
 */
export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? pino.destination({ fd: 1, sync: true });
  const pretty = options.pretty ? prettyFactory({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }) : null;
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
      base: undefined,
    },
    scrubbingSink(destination, options.token, pretty),
  );
}

/** Writes out anything buffered; call before the process exits. */
export function flushLogger(log: Logger): void {
  try {
    log.flush();
  } catch {
    // Flushing a closed stream at exit is not worth failing the exit for.
  }
}
