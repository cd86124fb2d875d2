import type { SendMailOptions } from 'nodemailer';
import { DomainError } from '../domain-error.js';
import type { MailConfig } from '../../config/app-config.js';
import type { EmailMessage } from './email.port.js';

/**
 * A message key: dot-separated runs of letters, digits, `_` and `-`. It is the left part of the
 * `Message-ID` (an RFC 5322 dot-atom) and the demo outbox's file name, so nothing else may pass.
 */
const KEY = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;
const MAX_KEY_LENGTH = 200;

/** The same headers for the mail server and the demo outbox; throws EMAIL.INVALID_KEY for an unusable key. */
export function mailOptions(
  message: EmailMessage,
  from: MailConfig['from'],
  publicUrl: string,
): SendMailOptions {
  if (message.key.length > MAX_KEY_LENGTH || !KEY.test(message.key)) {
    throw new DomainError(
      'EMAIL.INVALID_KEY',
      `A message key must be up to ${MAX_KEY_LENGTH} letters, digits, "_", "-" in dot-separated runs`,
      'invalid',
    );
  }
  return {
    from: { name: from.name, address: from.address },
    to: message.to,
    subject: message.subject,
    text: message.text,
    messageId: `<${message.key}@${new URL(publicUrl).hostname}>`,
    headers: { 'Content-Language': message.language },
  };
}
