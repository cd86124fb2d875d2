import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { DomainError } from '../domain-error.js';
import { refuseInvalidText } from './request-text.js';

/** Every body, query and path parameter: text that is not well-formed, or carries controls, is refused first. */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') refuseInvalidText(value, metadata.data);
    return super.transform(value, metadata);
  }
}

/** Request DTOs are validated strictly: wrong types and unknown fields are refused, never ignored. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      const unknown = problems.filter((p) => p.constraint === 'whitelistValidation').map((p) => p.field);
      if (unknown.length > 0) {
        return new DomainError(
          'REQUEST.UNKNOWN_FIELD',
          `Unknown field(s): ${unknown.join(', ')}`,
          'invalid',
          {
            fields: unknown,
          },
        );
      }
      return new DomainError('REQUEST.INVALID', problems.map((p) => p.message).join('; '), 'invalid', {
        fields: problems.map(({ field, message }) => ({ field, message })),
      });
    },
  });
}

interface Problem {
  readonly field: string;
  readonly constraint: string;
  readonly message: string;
}

function flatten(errors: readonly ValidationError[], prefix = ''): Problem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      constraint,
      message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
