import type { Grant } from '../../identity/roles.js';
import { nominateEngineer, nomineeOf } from './nominee.js';

const user = (grants: Grant[], disabled = false) => ({ grants, disabled });
const engineerOf = (...offices: string[]) =>
  offices.map((organisation) => ({ role: 'engineer', organisation }) as Grant);

describe('nominating the engineer of a permit file', () => {
  it('nominates an office as named, for any of its engineers', () => {
    expect(nomineeOf({ organisation: 'office-a' }, undefined)).toEqual({ organisation: 'office-a' });
  });

  it('nominates an engineer in their only office, or in the office named', () => {
    expect(nomineeOf({ engineerId: 'user-e1' }, user(engineerOf('office-a')))).toEqual({
      organisation: 'office-a',
      engineerId: 'user-e1',
    });
    const inTwo = user(engineerOf('office-a', 'office-b'));
    expect(nomineeOf({ engineerId: 'user-e1', organisation: 'office-b' }, inTwo)).toEqual({
      organisation: 'office-b',
      engineerId: 'user-e1',
    });
    expect(() => nomineeOf({ engineerId: 'user-e1' }, inTwo)).toThrow(
      expect.objectContaining({ code: 'PERMIT.INVALID_NOMINEE', details: { field: 'organisation' } }),
    );
  });

  it('refuses nobody, someone who is no engineer, a disabled one, or an office they do not work for', () => {
    const refused = (request: object, engineer?: ReturnType<typeof user>) =>
      expect(() => nomineeOf(request, engineer)).toThrow(
        expect.objectContaining({ code: 'PERMIT.INVALID_NOMINEE', kind: 'invalid' }),
      );
    refused({});
    refused({ engineerId: 'user-x' });
    refused({ engineerId: 'user-e1' }, user([{ role: 'citizen' }]));
    refused({ engineerId: 'user-e1' }, user(engineerOf('office-a'), true));
    refused({ engineerId: 'user-e1', organisation: 'office-b' }, user(engineerOf('office-a')));
  });

  it('makes the command for the file', () => {
    expect(nominateEngineer('p-1', { organisation: 'office-a' })).toEqual({
      type: 'NominateEngineer',
      data: { permitId: 'p-1', nominee: { organisation: 'office-a' } },
    });
  });
});
