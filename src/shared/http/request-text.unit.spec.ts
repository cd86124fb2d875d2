import { DomainError } from '../domain-error.js';
import { findInvalidText, refuseInvalidText } from './request-text.js';

describe('text in requests', () => {
  it('accepts well-formed text, Persian, emoji (a proper surrogate pair) and free-text line breaks', () => {
    expect(
      findInvalidText({
        fullName: 'زهرا احمدی',
        note: '🏠 ok',
        reason: 'first line\r\nsecond\tline',
        reasons: ['one\ntwo'],
        existingStructures: [{ floors: 2, description: 'old\nhouse' }],
        n: 3,
        none: null,
      }),
    ).toBeUndefined();
  });

  it('refuses a lone surrogate anywhere, naming the field', () => {
    expect(findInvalidText({ fullName: 'Ali \ud800' })).toEqual({
      field: 'fullName',
      problem: 'lone_surrogate',
    });
    expect(findInvalidText({ owners: [{ name: 'ok' }, { name: '\udfff x' }] })).toEqual({
      field: 'owners[1].name',
      problem: 'lone_surrogate',
    });
    expect(findInvalidText({ ['k\ud83d']: 1 })).toEqual({ field: 'k\ud83d', problem: 'lone_surrogate' });
    expect(findInvalidText('\ud800', 'id')).toEqual({ field: 'id', problem: 'lone_surrogate' });
  });

  it('refuses control characters, and line breaks or tabs outside free-text fields', () => {
    expect(findInvalidText({ reason: 'a\u0000b' })).toEqual({
      field: 'reason',
      problem: 'control_character',
    });
    expect(findInvalidText({ name: 'a\u007f' })?.problem).toBe('control_character');
    expect(findInvalidText({ name: 'a\u0085' })?.problem).toBe('control_character');
    expect(findInvalidText({ nationalId: '0013542419\n' })).toEqual({
      field: 'nationalId',
      problem: 'control_character',
    });
    expect(findInvalidText({ fullName: 'a\tb' })?.field).toBe('fullName');
    expect(findInvalidText({ reasons: ['ok', 'a\u001bb'] })?.field).toBe('reasons[1]');
  });

  it('walks a deeply nested body without overflowing the stack', () => {
    let deep: unknown = 'bad\u0000';
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(findInvalidText({ deep })?.problem).toBe('control_character');
  });

  it('refuses with REQUEST.INVALID_TEXT, a 400', () => {
    expect(() => refuseInvalidText({ fullName: '\ud800' })).toThrow(
      expect.objectContaining({
        code: 'REQUEST.INVALID_TEXT',
        kind: 'invalid',
        details: { field: 'fullName', problem: 'lone_surrogate' },
      }) as DomainError,
    );
    expect(() => refuseInvalidText({ fullName: 'ok' })).not.toThrow();
  });
});
