import { Logger, type ArgumentsHost } from '@nestjs/common';
import { DomainError } from '../domain-error.js';
import { HttpErrorFilter } from './http-error.filter.js';

describe('HttpErrorFilter: the log line of a failed request', () => {
  it('keeps the national id of the query out of the error log', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => {});
    const reply = { status: () => reply, header: () => reply, send: () => reply };
    const request = { method: 'GET', url: '/audit/events?nationalId=0013542419&pageSize=5' };
    const host = {
      switchToHttp: () => ({ getResponse: () => reply, getRequest: () => request }),
    } as unknown as ArgumentsHost;
    try {
      new HttpErrorFilter().catch(
        new DomainError('AUDIT.RECORDING_UNAVAILABLE', 'busy', 'unavailable'),
        host,
      );
      expect(logged).toHaveBeenCalledWith(
        'GET /audit/events?nationalId=[redacted]&pageSize=5 failed: busy',
        expect.anything(),
      );
    } finally {
      logged.mockRestore();
    }
  });
});
