import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import type { OnModuleDestroy } from '@nestjs/common';
import { createTransport, type NodemailerError, type Transporter } from 'nodemailer';
import { ConfigError, type MailConfig } from '../../config/app-config.js';
import { DomainError } from '../domain-error.js';
import type { EmailMessage, EmailSender } from './email.port.js';
import { mailOptions } from './mail-options.js';

/** Codes of a refusal of this message or its recipient, not of the connection or of our account. */
const REFUSALS = new Set(['EENVELOPE', 'EMESSAGE']);

/**
 * The mail server over SMTP: one pool of connections for the whole process, closed on shutdown.
 * Errors name the SMTP reply code and its enhanced status (`550 5.1.1`), never the server's text,
 * which may repeat the recipient's address.
 */
export class SmtpEmailSender implements EmailSender, OnModuleDestroy {
  readonly kind = 'smtp';
  private readonly transport: Transporter;

  constructor(
    private readonly config: MailConfig,
    private readonly publicUrl: string,
  ) {
    this.transport = createTransport({
      pool: true,
      host: config.host,
      port: config.port,
      secure: config.tls === 'implicit',
      requireTLS: config.tls === 'starttls',
      ignoreTLS: config.tls === 'none',
      auth: config.auth && { user: config.auth.user, pass: config.auth.password },
      connectionTimeout: config.timeoutMs,
      greetingTimeout: config.timeoutMs,
      socketTimeout: config.timeoutMs,
      dnsTimeout: config.timeoutMs,
      // Node's `ca` replaces the public roots; a private CA is trusted besides them.
      tls: config.caPath ? { ca: [...rootCertificates, readCa(config.caPath)] } : undefined,
    });
  }

  async send(message: EmailMessage): Promise<void> {
    const options = mailOptions(message, this.config.from, this.publicUrl);
    try {
      await this.transport.sendMail(options);
    } catch (error) {
      throw asDomainError(error as NodemailerError);
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

function readCa(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError('DAFTAR_SMTP_CA', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code}`);
  }
}

function asDomainError(error: NodemailerError): DomainError {
  if (REFUSALS.has(error.code ?? '') && error.permanent !== false) {
    return new DomainError(
      'EMAIL.REJECTED',
      `The mail server refused the message for good (${describe(error)}); sending it again will not help`,
      'invalid',
    );
  }
  return new DomainError(
    'EMAIL.UNAVAILABLE',
    `The mail server could not take the message (${describe(error)})`,
    'unavailable',
  );
}

/** `EENVELOPE 550 5.1.1`, `ETIMEDOUT`, `EAUTH 535 5.7.8`: what went wrong, without the server's words. */
function describe(error: NodemailerError): string {
  const status = /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})\b/.exec(error.response ?? '')?.[1];
  return [error.code ?? 'unknown', error.responseCode, status].filter((part) => part !== undefined).join(' ');
}
