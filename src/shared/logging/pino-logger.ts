import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';

export type LogFormat = 'json' | 'pretty';

/** JSON for machines (production, pipes, files); pretty only for a person at a terminal. */
export function logFormat(where: { readonly production: boolean; readonly terminal: boolean }): LogFormat {
  return where.terminal && !where.production ? 'pretty' : 'json';
}

export function createLogger(
  level: string,
  options: { readonly format?: LogFormat; readonly destination?: DestinationStream } = {},
): Logger {
  const settings = { level, base: { service: 'daftar' }, timestamp: pino.stdTimeFunctions.isoTime };
  const destination = options.destination ?? (options.format === 'pretty' ? prettyTerminal() : undefined);
  return destination ? pino(settings, destination) : pino(settings);
}

/** A request reads as one line: `GET /permits 200 3.1 ms request completed [request id] consent=…`. */
function prettyTerminal(): DestinationStream {
  return pinoPretty({
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service,context,reqId,method,url,statusCode,responseTime,consent',
    messageFormat:
      '{if context}{context}: {end}{if method}{method} {url} {statusCode} {responseTime} ms {end}{msg}{if reqId} [{reqId}]{end}{if consent} consent={consent}{end}',
  });
}

/** Nest's own messages go to the same log as the request lines. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
