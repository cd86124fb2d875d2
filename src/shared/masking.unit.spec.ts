import { maskEmail } from './masking.js';

describe('maskEmail', () => {
  it.each([
    ['zahra.ahmadi@example.ir', 'z***@example.ir'],
    ['z@example.ir', 'z***@example.ir'],
    ['"a@b"@example.ir', '"***@example.ir'],
    ['no-address', '***'],
    ['@example.ir', '***'],
  ])('masks %s as %s', (address, masked) => {
    expect(maskEmail(address)).toBe(masked);
  });
});
