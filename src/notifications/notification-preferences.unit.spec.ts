import { effectivePreferences } from './notification-preferences.js';

describe('effectivePreferences', () => {
  it('sends SMS to the registered mobile, in Persian, until the person chooses', () => {
    expect(effectivePreferences({ mobile: '09121234567', notifications: null })).toEqual({
      channels: ['sms'],
      language: 'fa',
    });
  });

  it('tells a person without a mobile nothing until they choose', () => {
    expect(effectivePreferences({ mobile: null, notifications: null })).toEqual({
      channels: [],
      language: 'fa',
    });
  });

  it.each([
    ['09121234567', { channels: ['email'], email: 'zahra@example.org', language: 'en' }],
    [null, { channels: [], language: 'fa' }],
  ] as const)('keeps what the person chose (mobile %s)', (mobile, chosen) => {
    expect(effectivePreferences({ mobile, notifications: chosen })).toEqual(chosen);
  });
});
