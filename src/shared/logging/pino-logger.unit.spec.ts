import { logFormat } from './pino-logger.js';

describe('logFormat', () => {
  it.each([
    [{ production: false, terminal: true }, 'pretty'],
    [{ production: false, terminal: false }, 'json'],
    [{ production: true, terminal: true }, 'json'],
    [{ production: true, terminal: false }, 'json'],
  ] as const)('%j → %s: pretty only for a person at a terminal outside production', (where, format) => {
    expect(logFormat(where)).toBe(format);
  });
});
