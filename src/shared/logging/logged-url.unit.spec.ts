import { loggedUrl } from './logged-url.js';

describe('loggedUrl: what a log line keeps of a URL', () => {
  it('keeps a URL without a query as it is', () => {
    expect(loggedUrl('/parcels/1-1-1-1-0-0-0')).toBe('/parcels/1-1-1-1-0-0-0');
  });

  it('redacts national ids and mobile numbers, however the name is spelt', () => {
    expect(loggedUrl('/audit/events?nationalId=0013542419&limit=5')).toBe(
      '/audit/events?nationalId=[redacted]&limit=5',
    );
    expect(loggedUrl('/x?NATIONALID=1&mobile=09121234567&%6Eationalid=2')).toBe(
      '/x?NATIONALID=[redacted]&mobile=[redacted]&%6Eationalid=[redacted]',
    );
  });

  it('keeps other parameters, empty ones and undecodable names as sent', () => {
    expect(loggedUrl('/permits?status=submitted&&flag&%E0=1')).toBe('/permits?status=submitted&&flag&%E0=1');
  });
});
